/**
 * Maps each input linearly from its training range onto [0, 1] (`minmax`, as Weka's
 * Normalize and IBk's distance do) or [-1, 1] (`symmetric`, as Weka's MultilayerPerceptron does).
 * A column that never changed in training maps to 0, never to NaN (Weka's MultilayerPerceptron
 * only shifts such a column, which differs for values unseen in training); values outside the
 * training range extrapolate rather than clamp, as in Weka.
 */
export type NormaliserRange = 'minmax' | 'symmetric';

export interface NormaliserState {
  readonly range: NormaliserRange;
  readonly min: readonly number[];
  readonly max: readonly number[];
}

export class Normaliser {
  // Each value becomes (x - base) / divisor, the very arithmetic Weka uses, so that scaled
  // values agree with Weka's to the last bit (x * scale + offset is off by one ulp half the time).
  // A divisor of 0 marks a constant column.
  private readonly base: Float64Array;
  private readonly divisor: Float64Array;

  constructor(readonly stateValue: NormaliserState) {
    const { min, max, range } = stateValue;
    this.base = new Float64Array(min.length);
    this.divisor = new Float64Array(min.length);
    for (let i = 0; i < min.length; i++) {
      const span = max[i] - min[i];
      if (!(span > 0) || !Number.isFinite(span)) continue;
      if (range === 'minmax') {
        this.base[i] = min[i];
        this.divisor[i] = span;
      } else {
        this.base[i] = (max[i] + min[i]) / 2;
        this.divisor[i] = span / 2;
      }
    }
  }

  /** Learns each column's range from the rows (NaN values are skipped). */
  static fit(rows: readonly ArrayLike<number>[], width: number, range: NormaliserRange): Normaliser {
    const min = new Array<number>(width).fill(Infinity);
    const max = new Array<number>(width).fill(-Infinity);
    for (const row of rows) {
      for (let i = 0; i < width; i++) {
        const v = row[i];
        if (v < min[i]) min[i] = v;
        if (v > max[i]) max[i] = v;
      }
    }
    for (let i = 0; i < width; i++) {
      if (min[i] > max[i]) min[i] = max[i] = 0; // no values at all
    }
    return new Normaliser({ range, min, max });
  }

  get width(): number {
    return this.base.length;
  }

  /** Writes the normalised values of `input` into `out`; `out` may be `input`. */
  apply(input: ArrayLike<number>, out: Float64Array): void {
    for (let i = 0; i < this.base.length; i++) out[i] = this.value(i, input[i]);
  }

  value(index: number, x: number): number {
    const divisor = this.divisor[index];
    return divisor === 0 ? 0 : (x - this.base[index]) / divisor;
  }

  state(): NormaliserState {
    return this.stateValue;
  }
}
