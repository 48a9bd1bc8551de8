import { IndexSet } from './svm-index-set.ts';
import type { KernelCache } from './svm-kernel.ts';

/** One two-class problem, its examples in the order SMO visits them. */
export interface BinaryProblem {
  readonly rows: readonly Float64Array[];
  /** -1 for the first class of the pair, +1 for the second. */
  readonly labels: Float64Array;
  /** The bound on each example's multiplier: C times the example's weight. */
  readonly costs: Float64Array;
}

export interface SmoSettings {
  /** Weka's -L: how far the thresholds may be from optimal. */
  readonly tolerance: number;
  /** Weka's -P: changes smaller than this count as round-off. */
  readonly epsilon: number;
  /** Keep a weight vector instead of support vectors (the polynomial kernel of exponent 1). */
  readonly linear: boolean;
}

/** A trained two-class machine: it votes for the second class when its output is above 0. */
export type BinaryMachine =
  | {
      readonly kind: 'kernel';
      /** Output = Σ coefficient·K(x, row) − bias, summed in this order (Weka's). */
      readonly supportVectors: readonly number[];
      readonly coefficients: readonly number[];
      readonly bias: number;
    }
  | { readonly kind: 'linear'; /** Output = w·x − bias. */ readonly weights: Float64Array; readonly bias: number };

// Weka's guard against multipliers that are nearly 0 or nearly C.
const ROUND_OFF = 1000 * Number.MIN_VALUE;

/**
 * Trains one binary SVM with Platt's SMO as improved by Keerthi et al. (2001), following Weka
 * 3.6's BinarySMO step by step: the two thresholds bUp/bLow, the index sets I0–I4, the same
 * visiting order and tie-breaking, so it finds the same support vectors as Weka. Returns null
 * when the problem has no examples (that pair then does not vote, as in Weka).
 */
export function trainBinary(
  problem: BinaryProblem,
  settings: SmoSettings,
  cache: KernelCache,
  afterPass: () => void,
): BinaryMachine | null {
  const { labels, rows } = problem;
  if (rows.length === 0) return null;
  const hasFirst = labels.includes(-1);
  const hasSecond = labels.includes(1);
  if (!hasFirst || !hasSecond) {
    // One class only: a constant machine that always votes for it.
    const bias = hasSecond ? -1 : 1;
    return settings.linear
      ? { kind: 'linear', weights: new Float64Array(rows[0].length), bias }
      : { kind: 'kernel', supportVectors: [], coefficients: [], bias };
  }
  cache.reset(rows);
  return new Smo(problem, settings, cache).train(afterPass);
}

class Smo {
  private readonly alpha: Float64Array;
  /** F_i − y_i for each example, kept current for the unbound ones (Keerthi's F cache). */
  private readonly errors: Float64Array;
  private readonly weights: Float64Array | undefined;
  private readonly supportVectors: IndexSet;
  // Keerthi et al.'s sets: I0 = {0 < α < C}; I1 = {y = +1, α = 0}; I2 = {y = −1, α = C};
  // I3 = {y = +1, α = C}; I4 = {y = −1, α = 0}.
  private readonly i0: IndexSet;
  private readonly i1: IndexSet;
  private readonly i2: IndexSet;
  private readonly i3: IndexSet;
  private readonly i4: IndexSet;
  private bUp = -1;
  private bLow = 1;
  private iUp = -1;
  private iLow = -1;

  constructor(
    private readonly problem: BinaryProblem,
    private readonly settings: SmoSettings,
    private readonly cache: KernelCache,
  ) {
    const n = problem.rows.length;
    this.alpha = new Float64Array(n);
    this.errors = new Float64Array(n);
    this.weights = settings.linear ? new Float64Array(problem.rows[0].length) : undefined;
    this.supportVectors = new IndexSet(n);
    this.i0 = new IndexSet(n);
    this.i1 = new IndexSet(n);
    this.i2 = new IndexSet(n);
    this.i3 = new IndexSet(n);
    this.i4 = new IndexSet(n);
  }

  train(afterPass: () => void): BinaryMachine {
    const { labels, costs } = this.problem;
    const tolerance = this.settings.tolerance;
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] === -1) this.iLow = i;
      else this.iUp = i;
    }
    this.errors[this.iLow] = 1;
    this.errors[this.iUp] = -1;
    for (let i = 0; i < labels.length; i++) (labels[i] === 1 ? this.i1 : this.i4).add(i);

    let changed = 0;
    let examineAll = true;
    while (changed > 0 || examineAll) {
      changed = 0;
      if (examineAll) {
        for (let i = 0; i < labels.length; i++) if (this.examine(i)) changed++;
      } else {
        // Keerthi's modification 1: sweep the unbound examples until they are optimal.
        for (let i = 0; i < labels.length; i++) {
          if (this.alpha[i] > 0 && this.alpha[i] < costs[i]) {
            if (this.examine(i)) changed++;
            if (this.bUp > this.bLow - 2 * tolerance) {
              changed = 0;
              break;
            }
          }
        }
      }
      if (examineAll) examineAll = false;
      else if (changed === 0) examineAll = true;
      afterPass();
    }
    return this.machine((this.bLow + this.bUp) / 2);
  }

  private machine(bias: number): BinaryMachine {
    if (this.weights) return { kind: 'linear', weights: this.weights, bias };
    const supportVectors: number[] = [];
    const coefficients: number[] = [];
    for (let i = this.supportVectors.first(); i !== -1; i = this.supportVectors.after(i)) {
      supportVectors.push(i);
      coefficients.push(this.problem.labels[i] * this.alpha[i]);
    }
    return { kind: 'kernel', supportVectors, coefficients, bias };
  }

  /** The machine's output on training example `i`, before the threshold. */
  private output(i: number): number {
    let sum = 0;
    if (this.weights) {
      const row = this.problem.rows[i];
      for (let k = 0; k < row.length; k++) sum += this.weights[k] * row[k];
      return sum;
    }
    const { labels } = this.problem;
    for (let j = this.supportVectors.first(); j !== -1; j = this.supportVectors.after(j)) {
      sum += labels[j] * this.alpha[j] * this.cache.value(i, j);
    }
    return sum;
  }

  private examine(second: number): boolean {
    const y2 = this.problem.labels[second];
    const tolerance = this.settings.tolerance;
    let f2: number;
    if (this.i0.has(second)) {
      f2 = this.errors[second];
    } else {
      f2 = this.output(second) - y2;
      this.errors[second] = f2;
      if ((this.i1.has(second) || this.i2.has(second)) && f2 < this.bUp) {
        this.bUp = f2;
        this.iUp = second;
      } else if ((this.i3.has(second) || this.i4.has(second)) && f2 > this.bLow) {
        this.bLow = f2;
        this.iLow = second;
      }
    }
    // Is the pair of thresholds violated by this example? Then pick a partner to step with.
    const unbound = this.i0.has(second);
    let first = -1;
    if ((unbound || this.i1.has(second) || this.i2.has(second)) && this.bLow - f2 > 2 * tolerance) first = this.iLow;
    if ((unbound || this.i3.has(second) || this.i4.has(second)) && f2 - this.bUp > 2 * tolerance) first = this.iUp;
    if (first === -1) return false;
    if (unbound) first = this.bLow - f2 > f2 - this.bUp ? this.iLow : this.iUp;
    return this.takeStep(first, second, f2);
  }

  /** Optimises the multipliers of two examples jointly; false when nothing changed. */
  private takeStep(first: number, second: number, f2: number): boolean {
    if (first === second) return false;
    const { labels, costs } = this.problem;
    const { epsilon } = this.settings;
    const c1 = costs[first];
    const c2 = costs[second];
    const alph1 = this.alpha[first];
    const alph2 = this.alpha[second];
    const y1 = labels[first];
    const y2 = labels[second];
    const f1 = this.errors[first];
    const s = y1 * y2;

    const low = y1 !== y2 ? Math.max(0, alph2 - alph1) : Math.max(0, alph1 + alph2 - c1);
    const high = y1 !== y2 ? Math.min(c2, c1 + alph2 - alph1) : Math.min(c2, alph1 + alph2);
    if (low >= high) return false;

    const k11 = this.cache.value(first, first);
    const k12 = this.cache.value(first, second);
    const k22 = this.cache.value(second, second);
    const eta = 2 * k12 - k11 - k22;
    let a2: number;
    if (eta < 0) {
      a2 = alph2 - (y2 * (f1 - f2)) / eta;
      if (a2 < low) a2 = low;
      else if (a2 > high) a2 = high;
    } else {
      // A flat or concave direction (e.g. two identical examples): take the better end.
      const v1 = this.output(first) - y1 * alph1 * k11 - y2 * alph2 * k12;
      const v2 = this.output(second) - y1 * alph1 * k12 - y2 * alph2 * k22;
      const gamma = alph1 + s * alph2;
      const objective = (a: number): number => {
        const b = gamma - s * a;
        return b + a - 0.5 * k11 * b * b - 0.5 * k22 * a * a - s * k12 * b * a - y1 * b * v1 - y2 * a * v2;
      };
      const lowObjective = objective(low);
      const highObjective = objective(high);
      if (lowObjective > highObjective + epsilon) a2 = low;
      else if (lowObjective < highObjective - epsilon) a2 = high;
      else a2 = alph2;
    }
    if (Math.abs(a2 - alph2) < epsilon * (a2 + alph2 + epsilon)) return false;

    if (a2 > c2 - ROUND_OFF * c2) a2 = c2;
    else if (a2 <= ROUND_OFF * c2) a2 = 0;
    let a1 = alph1 + s * (alph2 - a2);
    if (a1 > c1 - ROUND_OFF * c1) a1 = c1;
    else if (a1 <= ROUND_OFF * c1) a1 = 0;

    this.placeInSets(first, a1, y1, c1);
    this.placeInSets(second, a2, y2, c2);

    const d1 = y1 * (a1 - alph1);
    const d2 = y2 * (a2 - alph2);
    if (this.weights) {
      const row1 = this.problem.rows[first];
      const row2 = this.problem.rows[second];
      for (let k = 0; k < row1.length; k++) this.weights[k] += d1 * row1[k];
      for (let k = 0; k < row2.length; k++) this.weights[k] += d2 * row2[k];
    }
    for (let j = this.i0.first(); j !== -1; j = this.i0.after(j)) {
      if (j !== first && j !== second) {
        this.errors[j] += d1 * this.cache.value(first, j) + d2 * this.cache.value(second, j);
      }
    }
    this.errors[first] += d1 * k11 + d2 * k12;
    this.errors[second] += d1 * k12 + d2 * k22;
    this.alpha[first] = a1;
    this.alpha[second] = a2;
    this.updateThresholds(first, second);
    return true;
  }

  private placeInSets(i: number, a: number, y: number, c: number): void {
    toggle(this.supportVectors, i, a > 0);
    toggle(this.i0, i, a > 0 && a < c);
    toggle(this.i1, i, y === 1 && a === 0);
    toggle(this.i2, i, y === -1 && a === c);
    toggle(this.i3, i, y === 1 && a === c);
    toggle(this.i4, i, y === -1 && a === 0);
  }

  private updateThresholds(first: number, second: number): void {
    this.bLow = -Number.MAX_VALUE;
    this.bUp = Number.MAX_VALUE;
    this.iLow = -1;
    this.iUp = -1;
    for (let j = this.i0.first(); j !== -1; j = this.i0.after(j)) {
      if (this.errors[j] < this.bUp) {
        this.bUp = this.errors[j];
        this.iUp = j;
      }
      if (this.errors[j] > this.bLow) {
        this.bLow = this.errors[j];
        this.iLow = j;
      }
    }
    for (const i of [first, second]) {
      if (this.i0.has(i)) continue;
      if (this.i3.has(i) || this.i4.has(i)) {
        if (this.errors[i] > this.bLow) {
          this.bLow = this.errors[i];
          this.iLow = i;
        }
      } else if (this.errors[i] < this.bUp) {
        this.bUp = this.errors[i];
        this.iUp = i;
      }
    }
  }
}

function toggle(set: IndexSet, index: number, member: boolean): void {
  if (member) set.add(index);
  else set.delete(index);
}
