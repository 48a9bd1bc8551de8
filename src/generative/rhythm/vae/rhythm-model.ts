import { InputError } from '../../../core/errors.ts';
import type { Pattern } from '../pattern.ts';
import { type Bend, BendChain } from './bending.ts';
import type { Direction } from './directions.ts';
import type { LoopGrid } from './loop-grid.ts';
import { PatternDecoder } from './pattern-decoder.ts';
import { PatternEncoder } from './pattern-encoder.ts';
import type { VaeSettings } from './settings.ts';
import { type UnitActivity, unitActivity } from './unit-activity.ts';
import type { VaeWeights } from './vae-weights.ts';

/** A training loop and where it landed in the latent space. */
export interface PlacedLoop {
  readonly name: string;
  readonly style?: string;
  readonly position: Float64Array;
}

/** How the training went. */
export interface TrainingSummary {
  /** Onset F1 of the training loops decoded from their own positions at threshold 0.5. */
  readonly onsetF1: number;
  /** The loss per loop in the last epoch. */
  readonly loss: number;
  /** Loops that were not learned because they are in another meter than the model's grid. */
  readonly leftOut: readonly string[];
}

/**
 * A trained rhythm model: its grid, settings and weights, the training loops on the latent
 * space, the attribute directions, and the chain of bends applied when it decodes.
 */
export class RhythmModel {
  readonly decoder: PatternDecoder;
  readonly encoder: PatternEncoder;
  private chain: BendChain | undefined;
  private knownActivity: UnitActivity | undefined;

  constructor(
    readonly grid: LoopGrid,
    readonly settings: VaeSettings,
    readonly weights: VaeWeights,
    readonly loops: readonly PlacedLoop[],
    readonly directions: readonly Direction[],
    readonly summary: TrainingSummary,
    bends: readonly Bend[] = [],
  ) {
    this.decoder = new PatternDecoder(weights, grid);
    this.encoder = new PatternEncoder(weights, grid);
    this.setBends(bends);
  }

  get latentSize(): number {
    return this.decoder.latentSize;
  }

  /** How the decoder's hidden units respond over the latent space (worked out once, when needed). */
  get activity(): UnitActivity {
    this.knownActivity ??= unitActivity(this.decoder);
    return this.knownActivity;
  }

  get bends(): readonly Bend[] {
    return this.chain?.bends ?? [];
  }

  /** The bend chain; its bends' `mix` and `value` may be changed between decodes. */
  get bendChain(): BendChain | undefined {
    return this.chain;
  }

  /** Replaces the chain of bends (checked against this model's decoder). */
  setBends(bends: readonly Bend[]): void {
    this.chain = bends.length ? new BendChain(bends, this.activity) : undefined;
  }

  /** The loop at a latent point, bends included, into `out` (see decoder.emptyLoop()). */
  decode(point: ArrayLike<number>, threshold = 0.5, out: Pattern = this.decoder.emptyLoop()): Pattern {
    return this.decoder.decode(point, out, threshold, this.chain);
  }

  /** Where a loop sits in the latent space (fitted to the model's grid first). */
  encode(pattern: Pattern): Float64Array {
    return this.encoder.encode(pattern);
  }

  direction(attribute: string): Direction {
    const found = this.directions.find((direction) => direction.attribute === attribute);
    if (!found) {
      const known = this.directions.map((direction) => direction.attribute).join(', ');
      throw new InputError(`This model has no direction for '${attribute}'${known ? `; it has: ${known}` : ''}.`);
    }
    return found;
  }

  loop(name: string): PlacedLoop | undefined {
    return this.loops.find((loop) => loop.name === name);
  }
}
