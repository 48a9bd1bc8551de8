/** How far past the outermost training loops a grid reaches, as a fraction of their extent. */
const MARGIN = 0.1;

/**
 * The latent space as a size × size grid of points over the area where the training loops lie
 * (their extent in the first two dimensions, plus a margin), row by row from the top left
 * (highest second coordinate, lowest first). Other dimensions stay at the loops' mean.
 */
export function latentGrid(positions: readonly ArrayLike<number>[], size: number): Float64Array[] {
  const dimensions = positions[0].length;
  const mean = new Float64Array(dimensions);
  for (const position of positions) for (let d = 0; d < dimensions; d++) mean[d] += position[d] / positions.length;
  const range = (d: number): [number, number] => {
    const values = positions.map((position) => position[d]);
    const low = Math.min(...values);
    const high = Math.max(...values);
    const margin = Math.max(MARGIN * (high - low), 0.5 * Number(high === low));
    return [low - margin, high + margin];
  };
  const [left, right] = range(0);
  const [bottom, top] = dimensions > 1 ? range(1) : [0, 0];
  const at = (i: number, from: number, to: number) => (size === 1 ? (from + to) / 2 : from + ((to - from) * i) / (size - 1));
  const points: Float64Array[] = [];
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const point = Float64Array.from(mean);
      point[0] = at(column, left, right);
      if (dimensions > 1) point[1] = at(row, top, bottom);
      points.push(point);
    }
  }
  return points;
}
