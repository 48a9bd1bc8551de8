import type { TrainingSet } from './algorithm.ts';

/**
 * Weka's MultilayerPerceptron scales every input, and a numeric target, onto [-1, 1] by its
 * training range, as (x − base) / halfRange. This does it with Weka's arithmetic rather than
 * the shared Normaliser's, so that the scaled values are bit for bit Weka's.
 */
export class Scaling {
  private readonly inputBase: Float64Array;
  private readonly inputHalfRange: Float64Array;
  private readonly targetBase: number;
  readonly targetHalfRange: number;

  constructor(
    readonly inputMin: Float64Array,
    readonly inputMax: Float64Array,
    readonly targetMin: number,
    readonly targetMax: number,
  ) {
    this.inputBase = inputMin.map((min, i) => (inputMax[i] + min) / 2);
    this.inputHalfRange = inputMin.map((min, i) => (inputMax[i] - min) / 2);
    this.targetBase = (targetMax + targetMin) / 2;
    this.targetHalfRange = (targetMax - targetMin) / 2;
  }

  /** The training ranges of the inputs, and of the target for regression (0..0 otherwise). */
  static of(set: TrainingSet): Scaling {
    const width = set.inputCount;
    const min = new Float64Array(width).fill(Infinity);
    const max = new Float64Array(width).fill(-Infinity);
    for (const row of set.inputs) {
      for (let i = 0; i < width; i++) {
        if (row[i] < min[i]) min[i] = row[i];
        if (row[i] > max[i]) max[i] = row[i];
      }
    }
    let targetMin = 0;
    let targetMax = 0;
    if (set.task === 'regression') {
      targetMin = Infinity;
      targetMax = -Infinity;
      for (const y of set.targets) {
        if (y < targetMin) targetMin = y;
        if (y > targetMax) targetMax = y;
      }
    }
    return new Scaling(min, max, targetMin, targetMax);
  }

  /**
   * Scales one row of inputs into `out`. A column constant in training is only shifted, as in
   * Weka; anything not finite counts as missing, which Weka feeds to the network as 0.
   */
  scaleInputs(input: ArrayLike<number>, out: Float64Array): void {
    const { inputBase, inputHalfRange } = this;
    for (let i = 0; i < out.length; i++) {
      const shifted = input[i] - inputBase[i];
      const value = inputHalfRange[i] !== 0 ? shifted / inputHalfRange[i] : shifted;
      out[i] = Number.isFinite(value) ? value : 0;
    }
  }

  /** A numeric target from the network's scale back to the user's. */
  unscaleTarget(value: number): number {
    return value * this.targetHalfRange + this.targetBase;
  }
}
