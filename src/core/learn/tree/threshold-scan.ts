import { Distribution, type Examples } from './distribution.ts';

const LOG2 = Math.log(2);

/** n·log2(n), 0 for weights below 1e-6 (Weka's C4.5 entropy term). */
export function weightedLog(n: number): number {
  return n < 1e-6 ? 0 : (n * Math.log(n)) / LOG2;
}

/**
 * The class weights on each side of a threshold that sweeps up a node's examples, sorted by
 * one input: Weka's two-bag j48.Distribution as C45Split moves examples from bag 1 to bag 0,
 * with every weight added and subtracted in the same order, so each sum rounds as in Weka.
 *
 * Two shortcuts keep the entropies bit for bit Weka's while saving most of the logarithms:
 * each weight's n·log2(n) is kept, and only those of the classes a move touched are
 * recomputed; and `drift` bounds how far the entropy can have moved since it was last worked
 * out, so thresholds that cannot beat the best so far need not be worked out at all.
 * Reused from input to input and node to node: training allocates nothing per threshold.
 */
export class ThresholdScan {
  /** Weight per branch and class, branch-major: [0] at most the threshold, [1] above it. */
  readonly perClassPerBag: Float64Array;
  readonly perBag = new Float64Array(2);
  readonly perClass: Float64Array;
  total = 0;
  /**
   * At most how much the entropy after splitting (times the weight) can have changed since
   * `drift` was last set to 0: moving weight w between the branches changes it by at most
   * w·(1/ln 2 + log2(W/w)) with W the node's weight (n·log2(n) is convex).
   */
  drift = 0;
  /** Per example, the part of its drift that is the same in every node: w·(1/ln 2 − log2 w). */
  private readonly driftOf: Float64Array;
  /** How many rows are scanned, and their classes, weights and `driftOf` in scan order. */
  private count = 0;
  private readonly classes: Int32Array;
  private readonly weights: Float64Array;
  private readonly drifts: Float64Array;
  private log2Total = 0;
  private readonly logs: Float64Array;
  private readonly touched: Uint8Array;

  private readonly classCount: number;

  constructor(private readonly examples: Examples) {
    const classCount = (this.classCount = examples.classCount);
    this.perClassPerBag = new Float64Array(2 * classCount);
    this.perClass = new Float64Array(classCount);
    this.classes = new Int32Array(examples.classes.length);
    this.weights = new Float64Array(examples.classes.length);
    this.drifts = new Float64Array(examples.classes.length);
    this.driftOf = examples.weights.map((w) => (w > 0 ? w * (1 / Math.LN2 - Math.log2(w)) : 0));
    this.logs = new Float64Array(2 * classCount);
    this.touched = new Uint8Array(classCount);
  }

  /** Puts all `rows` above the threshold, adding them in their order. */
  start(rows: Int32Array): void {
    const { perClassPerBag, perBag, perClass, classCount, classes, weights } = this;
    perClassPerBag.fill(0);
    perBag.fill(0);
    perClass.fill(0);
    this.total = 0;
    this.count = rows.length;
    for (let k = 0; k < rows.length; k++) {
      const c = (classes[k] = this.examples.classes[rows[k]]);
      const weight = (weights[k] = this.examples.weights[rows[k]]);
      this.drifts[k] = this.driftOf[rows[k]];
      perClassPerBag[classCount + c] += weight;
      perBag[1] += weight;
      perClass[c] += weight;
      this.total += weight;
    }
    this.touched.fill(1);
    // Slightly above the total, so that rounding cannot make the bound too small.
    this.log2Total = this.total > 0 ? Math.log2(this.total * (1 + 1e-9)) : 0;
    this.drift = 0;
  }

  /** Moves the rows from `start` to `end` (exclusive) in scan order from above the threshold to below it. */
  moveBelow(start: number, end: number): void {
    const { perClassPerBag, perBag, classCount, touched, classes, weights, drifts, log2Total } = this;
    let drift = this.drift;
    for (let k = start; k < end; k++) {
      const c = classes[k];
      const weight = weights[k];
      drift += drifts[k] + weight * log2Total;
      perClassPerBag[classCount + c] -= weight;
      perClassPerBag[c] += weight;
      perBag[1] -= weight;
      perBag[0] += weight;
      touched[c] = 1;
    }
    this.drift = drift;
  }

  /** The class entropy after splitting, times the total weight (Weka's EntropySplitCrit.newEnt). */
  entropyAfter(): number {
    const { perClassPerBag, perBag, classCount, logs, touched } = this;
    for (let c = 0; c < classCount; c++) {
      if (touched[c] === 0) continue;
      logs[c] = weightedLog(perClassPerBag[c]);
      logs[classCount + c] = weightedLog(perClassPerBag[classCount + c]);
      touched[c] = 0;
    }
    let sum = 0;
    for (let c = 0; c < classCount; c++) sum += logs[c];
    sum -= weightedLog(perBag[0]);
    for (let c = 0; c < classCount; c++) sum += logs[classCount + c];
    sum -= weightedLog(perBag[1]);
    return -sum;
  }

  /** The class entropy before splitting, times the total weight (Weka's EntropySplitCrit.oldEnt). */
  entropyBefore(): number {
    let sum = 0;
    for (let c = 0; c < this.classCount; c++) sum += weightedLog(this.perClass[c]);
    return weightedLog(this.total) - sum;
  }

  /**
   * The two branches' class weights when the first `below` rows scanned go below the threshold,
   * summed afresh branch by branch as Weka's C45Split does once it has chosen its threshold.
   */
  split(below: number): Distribution {
    const { classCount, classes, weights } = this;
    const split = new Distribution(2, classCount);
    for (let bag = 0; bag < 2; bag++) {
      const start = bag === 0 ? 0 : below;
      const end = bag === 0 ? below : this.count;
      let sum = 0;
      for (let k = start; k < end; k++) {
        sum += weights[k];
        split.perClassPerBag[bag * classCount + classes[k]] += weights[k];
        split.perClass[classes[k]] += weights[k];
      }
      split.perBag[bag] += sum;
      split.total += sum;
    }
    return split;
  }
}
