import type { Pattern } from '../pattern.ts';
import { type LoopGrid, cellsOf } from './loop-grid.ts';

/**
 * A loop as the network sees it: one row of 3 × cells numbers, the onsets, then the velocities,
 * then the micro-timing offsets, each instrument after instrument as in a Pattern.
 */
export function loopVector(pattern: Pattern, out: Float32Array = new Float32Array(3 * pattern.onset.length)): Float32Array {
  const cells = pattern.onset.length;
  for (let cell = 0; cell < cells; cell++) {
    out[cell] = pattern.onset[cell];
    out[cells + cell] = pattern.onset[cell] ? pattern.velocity[cell] : 0;
    out[2 * cells + cell] = pattern.onset[cell] ? pattern.offset[cell] : 0;
  }
  return out;
}

/** The loops as one matrix, a row per loop. */
export function loopMatrix(patterns: readonly Pattern[], grid: LoopGrid): Float32Array {
  const width = 3 * cellsOf(grid);
  const matrix = new Float32Array(patterns.length * width);
  patterns.forEach((pattern, row) => loopVector(pattern, matrix.subarray(row * width, (row + 1) * width)));
  return matrix;
}
