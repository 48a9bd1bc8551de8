/**
 * Ways between two latent points. Written so that t = 0 gives `from` and t = 1 gives `to`
 * exactly, bit for bit: a morph ends on the very loop it set out for.
 */
export function lerp(from: ArrayLike<number>, to: ArrayLike<number>, t: number, out = new Float64Array(from.length)): Float64Array {
  for (let d = 0; d < out.length; d++) out[d] = (1 - t) * from[d] + t * to[d];
  return out;
}

/**
 * Spherical interpolation: along the great circle between the two points as seen from the
 * centre of the space, so the path keeps away from the centre, where a VAE's loops tend to blur
 * together. Falls back to lerp when the points are (nearly) in line with the centre.
 */
export function slerp(from: ArrayLike<number>, to: ArrayLike<number>, t: number, out = new Float64Array(from.length)): Float64Array {
  let dot = 0;
  let fromLength = 0;
  let toLength = 0;
  for (let d = 0; d < from.length; d++) {
    dot += from[d] * to[d];
    fromLength += from[d] * from[d];
    toLength += to[d] * to[d];
  }
  const cosine = dot / Math.sqrt(fromLength * toLength);
  const angle = Math.acos(Math.min(1, Math.max(-1, cosine)));
  const sine = Math.sin(angle);
  if (!(sine > 1e-6)) return lerp(from, to, t, out);
  const a = Math.sin((1 - t) * angle) / sine;
  const b = Math.sin(t * angle) / sine;
  for (let d = 0; d < out.length; d++) out[d] = a * from[d] + b * to[d];
  return out;
}

/** `steps` evenly spaced points from `from` to `to`, both included (steps ≥ 2). */
export function latentPath(from: ArrayLike<number>, to: ArrayLike<number>, steps: number, spherical = false): Float64Array[] {
  const way = spherical ? slerp : lerp;
  return Array.from({ length: steps }, (_, i) => way(from, to, steps === 1 ? 0 : i / (steps - 1)));
}
