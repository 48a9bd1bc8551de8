import type { Pattern } from '../pattern.ts';
import { applyDense } from './dense.ts';
import { type LoopGrid, cellsOf, fitToGrid } from './loop-grid.ts';
import { loopVector } from './loop-vectors.ts';
import type { VaeWeights } from './vae-weights.ts';

/**
 * The encoder in plain arithmetic: where a loop sits in the latent space (the mean of the
 * encoder's distribution, with no sampling). Loops are fitted to the model's grid first.
 */
export class PatternEncoder {
  private readonly row: Float32Array;
  private readonly hidden: Float64Array;

  constructor(
    private readonly weights: VaeWeights,
    private readonly grid: LoopGrid,
  ) {
    this.row = new Float32Array(3 * cellsOf(grid));
    this.hidden = new Float64Array(weights.encoder.outputs);
  }

  encode(pattern: Pattern, out = new Float64Array(this.weights.mean.outputs)): Float64Array {
    const fitted = pattern.ticks === this.grid.ticks && pattern.ticksPerQuarter === this.grid.ticksPerQuarter ? pattern : fitToGrid(pattern, this.grid);
    applyDense(this.weights.encoder, loopVector(fitted, this.row).subarray(0, this.weights.encoder.inputs), this.hidden, true);
    applyDense(this.weights.mean, this.hidden, out, false);
    return out;
  }
}
