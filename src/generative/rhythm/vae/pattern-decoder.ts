import { InputError } from '../../../core/errors.ts';
import { type Pattern, emptyPattern } from '../pattern.ts';
import { applyDense, denseOutput } from './dense.ts';
import { type LoopGrid, cellsOf, meterName } from './loop-grid.ts';
import type { VaeWeights } from './vae-weights.ts';

/** Something that changes the decoder's hidden units on their way through: network bending. */
export interface UnitBender {
  /** Changes the activations of hidden layer `layer` (0 or 1) in place. */
  bend(layer: number, activations: Float64Array): void;
}

/**
 * The decoder in plain arithmetic on the saved weights, so a model plays anywhere (Node, a
 * browser page, the OSC path) without TensorFlow, identically wherever it runs, and allocates
 * nothing per decode. Velocity and timing are worked out only for the cells that sound.
 */
export class PatternDecoder {
  /** The hidden units' activations after the last decode (or `activate`), bends included. */
  readonly hidden: readonly [Float64Array, Float64Array];
  private readonly logits: Float64Array;
  readonly cells: number;

  constructor(
    private readonly weights: VaeWeights,
    readonly grid: LoopGrid,
  ) {
    this.cells = cellsOf(grid);
    this.hidden = [new Float64Array(weights.decoder1.outputs), new Float64Array(weights.decoder2.outputs)];
    this.logits = new Float64Array(this.cells);
  }

  get latentSize(): number {
    return this.weights.decoder1.inputs;
  }

  /** A silent loop on this decoder's grid, to decode into. */
  emptyLoop(): Pattern {
    return emptyPattern(this.grid.meter, this.grid.bars, this.grid.ticksPerQuarter);
  }

  /** Works out the hidden units for a latent point; `hidden` holds them afterwards. */
  activate(point: ArrayLike<number>, bender?: UnitBender): void {
    if (point.length !== this.latentSize) {
      throw new InputError(`This model's latent space has ${this.latentSize} dimensions; a point with ${point.length} coordinates does not fit it.`);
    }
    applyDense(this.weights.decoder1, point, this.hidden[0], true);
    bender?.bend(0, this.hidden[0]);
    applyDense(this.weights.decoder2, this.hidden[0], this.hidden[1], true);
    bender?.bend(1, this.hidden[1]);
  }

  /** The chance of a hit in every cell, for views that show how sure the model is. */
  onsetChances(point: ArrayLike<number>, out: Float32Array, bender?: UnitBender): Float32Array {
    this.activate(point, bender);
    applyDense(this.weights.onset, this.hidden[1], this.logits, false);
    for (let cell = 0; cell < this.cells; cell++) out[cell] = 1 / (1 + Math.exp(-this.logits[cell]));
    return out;
  }

  /**
   * Decodes a latent point into `out` (a loop on this grid, from emptyLoop): a drum is struck where
   * its chance is at least `threshold`.
   */
  decode(point: ArrayLike<number>, out: Pattern, threshold = 0.5, bender?: UnitBender): Pattern {
    if (out.ticks !== this.grid.ticks || out.onset.length !== this.cells) {
      throw new InputError(`A loop of ${out.ticks} ticks cannot hold this model's ${this.grid.bars} bar(s) of ${meterName(this.grid.meter)}; decode into decoder.emptyLoop().`);
    }
    this.activate(point, bender);
    const hidden = this.hidden[1];
    applyDense(this.weights.onset, hidden, this.logits, false);
    const cut = Math.log(threshold / (1 - threshold)); // the logit of the threshold
    for (let cell = 0; cell < this.cells; cell++) {
      if (this.logits[cell] >= cut) {
        out.onset[cell] = 1;
        out.velocity[cell] = 1 / (1 + Math.exp(-denseOutput(this.weights.velocity, hidden, cell)));
        out.offset[cell] = 0.5 * Math.tanh(denseOutput(this.weights.offset, hidden, cell));
      } else {
        out.onset[cell] = 0;
        out.velocity[cell] = 0;
        out.offset[cell] = 0;
      }
    }
    return out;
  }
}
