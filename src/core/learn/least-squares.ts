import { InputError } from '../errors.ts';

/**
 * Solves the ridge least-squares problem min |Xb - y|² + ridge·|b|² the way Weka 3.6 does
 * (weka.core.matrix.LinearRegression): form XᵀX + ridge·I and Xᵀy, solve by LU with partial
 * pivoting, and when the matrix is singular multiply the ridge by ten and try again. Every sum
 * runs in Weka's order, so the coefficients agree with Weka's to the last bit.
 * `rows` are the rows of X, each of length `width`.
 */
export function ridgeLeastSquares(rows: readonly Float64Array[], y: Float64Array, width: number, ridge: number): Float64Array {
  const gram = new Float64Array(width * width);
  const xty = new Float64Array(width);
  rows.forEach((row, k) => {
    for (let j = 0; j < width; j++) {
      for (let i = j; i < width; i++) gram[j * width + i] += row[j] * row[i];
      xty[j] += row[j] * y[k];
    }
  });
  for (let j = 0; j < width; j++) {
    for (let i = j + 1; i < width; i++) gram[i * width + j] = gram[j * width + i];
  }

  for (let r = ridge; ; r = r > 0 ? r * 10 : SMALLEST_RETRY_RIDGE) {
    // Reached only when the sums overflow, where Weka would retry for ever.
    if (!Number.isFinite(r)) throw new InputError(TOO_LARGE);
    const withRidge = Float64Array.from(gram);
    for (let i = 0; i < width; i++) withRidge[i * width + i] += r;
    const solution = solveLU(withRidge, xty, width);
    if (solution) return solution;
  }
}

/** Why a regression cannot be fitted in doubles at all. */
export const TOO_LARGE = 'the example values are too far apart in size to fit a regression to; scale the inputs or outputs';

/** Where the retries start when the ridge given is 0 (Weka would multiply 0 by ten for ever). */
const SMALLEST_RETRY_RIDGE = 1e-8;

/**
 * Solves A·x = b for the n×n row-major matrix `a` (overwritten) by JAMA's LU decomposition,
 * which Weka uses. Returns undefined when A is singular (an exact zero pivot) or when the
 * solution overflows, where Weka would return NaN or infinite coefficients.
 */
function solveLU(a: Float64Array, b: Float64Array, n: number): Float64Array | undefined {
  const pivot = Int32Array.from({ length: n }, (_, i) => i);
  const column = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) column[i] = a[i * n + j];
    for (let i = 0; i < n; i++) {
      const kmax = Math.min(i, j);
      let s = 0;
      for (let k = 0; k < kmax; k++) s += a[i * n + k] * column[k];
      column[i] -= s;
      a[i * n + j] = column[i];
    }
    let p = j;
    for (let i = j + 1; i < n; i++) if (Math.abs(column[i]) > Math.abs(column[p])) p = i;
    if (p !== j) {
      for (let k = 0; k < n; k++) {
        const t = a[p * n + k];
        a[p * n + k] = a[j * n + k];
        a[j * n + k] = t;
      }
      const t = pivot[p];
      pivot[p] = pivot[j];
      pivot[j] = t;
    }
    if (a[j * n + j] !== 0) for (let i = j + 1; i < n; i++) a[i * n + j] /= a[j * n + j];
  }
  for (let j = 0; j < n; j++) if (a[j * n + j] === 0) return undefined;

  const x = Float64Array.from(pivot, (row) => b[row]);
  for (let k = 0; k < n; k++) {
    for (let i = k + 1; i < n; i++) x[i] -= x[k] * a[i * n + k];
  }
  for (let k = n - 1; k >= 0; k--) {
    x[k] /= a[k * n + k];
    for (let i = 0; i < k; i++) x[i] -= x[k] * a[i * n + k];
  }
  return x.every(Number.isFinite) ? x : undefined;
}
