/**
 * Each gesture's match threshold, learned from the spread of its own templates (a distance above
 * it means "not this gesture"):
 * - k ≥ 2 templates: dᵢ is the distance from template i to the nearest other template of the same
 *   gesture (leave one out); with μ and σ their mean and population standard deviation,
 *     threshold = μ + κ · max(σ, μ / 4)
 *   κ is the `thresholdSpread` option (2 by default). The floor μ / 4 keeps two or three very
 *   similar templates (σ near 0, or measured on too few) from rejecting every fresh performance.
 * - 1 template, or templates all identical (μ = 0: a sensor that steps, or takes with no
 *   movement), which would otherwise accept only an exact repeat: half the distance to the
 *   nearest template of another gesture (nearer to it than halfway to anything else); Infinity
 *   when no other gesture has a template.
 * - no template: Infinity (such a gesture is never near anyway).
 * `between[i][j]` is the distance between templates i and j; `owner[i]` the gesture of template i.
 */
export function learnThresholds(between: readonly Float64Array[], owner: Int32Array, gestureCount: number, spread: number): Float64Array {
  const thresholds = new Float64Array(gestureCount).fill(Infinity);
  for (let g = 0; g < gestureCount; g++) {
    const own = indicesOf(owner, g);
    if (own.length === 0) continue;
    const left = own.map((i) => Math.min(...own.filter((j) => j !== i).map((j) => between[i][j])));
    const mean = left.reduce((a, b) => a + b, 0) / left.length;
    if (own.length >= 2 && mean > 0) {
      const sd = Math.sqrt(left.reduce((a, d) => a + (d - mean) ** 2, 0) / left.length);
      thresholds[g] = mean + spread * Math.max(sd, mean / 4);
    } else {
      thresholds[g] = halfwayToOthers(between, owner, own[0], g);
    }
  }
  return thresholds;
}

function halfwayToOthers(between: readonly Float64Array[], owner: Int32Array, template: number, g: number): number {
  let nearest = Infinity;
  for (let j = 0; j < owner.length; j++) if (owner[j] !== g) nearest = Math.min(nearest, between[template][j]);
  return nearest / 2;
}

function indicesOf(owner: Int32Array, g: number): number[] {
  const found: number[] = [];
  owner.forEach((o, i) => {
    if (o === g) found.push(i);
  });
  return found;
}
