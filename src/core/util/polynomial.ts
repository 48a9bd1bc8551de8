/** c[0]·xⁿ + c[1]·xⁿ⁻¹ + … + c[n], by Horner's rule. */
export function polynomial(x: number, c: readonly number[]): number {
  let sum = c[0];
  for (let i = 1; i < c.length; i++) sum = sum * x + c[i];
  return sum;
}

/** xⁿ + c[0]·xⁿ⁻¹ + … + c[n-1] (leading coefficient 1), by Horner's rule. */
export function monicPolynomial(x: number, c: readonly number[]): number {
  let sum = x + c[0];
  for (let i = 1; i < c.length; i++) sum = sum * x + c[i];
  return sum;
}
