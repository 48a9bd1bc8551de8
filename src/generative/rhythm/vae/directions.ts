import type { Pattern } from '../pattern.ts';

/** Something a loop has more or less of: density, syncopation, swing, how busy the kick is, … */
export interface Attribute {
  readonly name: string;
  measure(pattern: Pattern): number;
}

/**
 * A direction in the latent space along which an attribute grows. Found by least-squares
 * regression of the attribute on the training loops' latent positions (attribute ≈ w · z + b):
 * `unit` is w made unit length. A step is one standard deviation of the training loops'
 * positions along `unit`, so a slider at +1 moves about as far as the loops themselves spread;
 * `perStep` is how much the attribute grows per step along the fitted trend.
 */
export interface Direction {
  readonly attribute: string;
  readonly unit: readonly number[];
  readonly step: number;
  readonly perStep: number;
}

/**
 * One direction per attribute that varies among the loops (an attribute every loop shares, such
 * as "ride" in a set with no ride, has no direction). Regression rather than the difference of
 * the top and bottom quartiles' means because it uses every loop, which counts with a few dozen.
 */
export function attributeDirections(positions: readonly Float64Array[], patterns: readonly Pattern[], attributes: readonly Attribute[]): Direction[] {
  const size = positions[0]?.length ?? 0;
  const count = positions.length;
  const centre = new Float64Array(size);
  for (const position of positions) position.forEach((value, d) => (centre[d] += value / count));
  const centred = positions.map((position) => position.map((value, d) => value - centre[d]));
  const scatter = Array.from({ length: size }, (_, a) => Array.from({ length: size }, (_, b) => centred.reduce((sum, z) => sum + z[a] * z[b], 0)));
  const ridge = 1e-9 * (scatter.reduce((sum, row, d) => sum + row[d], 0) + 1);
  scatter.forEach((row, d) => (row[d] += ridge));
  const directions: Direction[] = [];
  for (const attribute of attributes) {
    const values = patterns.map((pattern) => attribute.measure(pattern));
    const mean = values.reduce((sum, value) => sum + value, 0) / count;
    if (values.every((value) => Math.abs(value - mean) < 1e-12)) continue;
    const moment = Array.from({ length: size }, (_, d) => centred.reduce((sum, z, loop) => sum + z[d] * (values[loop] - mean), 0));
    const weights = solve(scatter, moment);
    const length = Math.hypot(...weights);
    if (!(length > 0)) continue;
    const unit = weights.map((w) => w / length);
    const projections = centred.map((z) => z.reduce((sum, value, d) => sum + value * unit[d], 0));
    const step = Math.sqrt(projections.reduce((sum, p) => sum + p * p, 0) / count);
    directions.push({ attribute: attribute.name, unit, step, perStep: length * step });
  }
  return directions;
}

/** `point` moved `amount` steps along `direction`, into `out` (which may be `point`). */
export function steer(point: ArrayLike<number>, direction: Direction, amount: number, out: Float64Array): Float64Array {
  for (let d = 0; d < out.length; d++) out[d] = point[d] + amount * direction.step * direction.unit[d];
  return out;
}

/** Gaussian elimination with partial pivoting on a small symmetric system. */
function solve(matrix: readonly number[][], right: readonly number[]): number[] {
  const size = right.length;
  const rows = matrix.map((row, r) => [...row, right[r]]);
  for (let column = 0; column < size; column++) {
    let pivot = column;
    for (let r = column + 1; r < size; r++) if (Math.abs(rows[r][column]) > Math.abs(rows[pivot][column])) pivot = r;
    [rows[column], rows[pivot]] = [rows[pivot], rows[column]];
    for (let r = column + 1; r < size; r++) {
      const factor = rows[r][column] / rows[column][column];
      for (let c = column; c <= size; c++) rows[r][c] -= factor * rows[column][c];
    }
  }
  const solution = new Array<number>(size).fill(0);
  for (let r = size - 1; r >= 0; r--) {
    let sum = rows[r][size];
    for (let c = r + 1; c < size; c++) sum -= rows[r][c] * solution[c];
    solution[r] = sum / rows[r][r];
  }
  return solution;
}
