/**
 * Maps each input linearly from its training range onto [0, 1] (`minmax`, as Weka's
 * Normalize and IBk's distance do) or [-1, 1] (`symmetric`, as Weka's MultilayerPerceptron does).
 * A column that never changed in training maps to 0, never to NaN; values outside the
 * training range extrapolate rather than clamp, as in Weka.
 */
export type NormaliserRange = 'minmax' | 'symmetric';

export interface NormaliserState {
  readonly range: NormaliserRange;
  readonly min: readonly number[];
  readonly max: readonly number[];
}

export class Normaliser {
  private readonly scale: Float64Array;
  private readonly offset: Float64Array;

  constructor(readonly stateValue: NormaliserState) {
    const { min, max, range } = stateValue;
    this.scale = new Float64Array(min.length);
    this.offset = new Float64Array(min.length);
    for (let i = 0; i < min.length; i++) {
      const span = max[i] - min[i];
      if (!(span > 0) || !Number.isFinite(span)) continue; // constant column → 0
      if (range === 'minmax') {
        this.scale[i] = 1 / span;
        this.offset[i] = -min[i] / span;
      } else {
        this.scale[i] = 2 / span;
        this.offset[i] = -(max[i] + min[i]) / span;
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
    return this.scale.length;
  }

  /** Writes the normalised values of `input` into `out`; `out` may be `input`. */
  apply(input: ArrayLike<number>, out: Float64Array): void {
    for (let i = 0; i < this.scale.length; i++) out[i] = input[i] * this.scale[i] + this.offset[i];
  }

  value(index: number, x: number): number {
    return x * this.scale[index] + this.offset[index];
  }

  state(): NormaliserState {
    return this.stateValue;
  }
}
