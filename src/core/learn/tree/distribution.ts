import { isAbove, isAbout, isAtLeast } from './tolerance.ts';

/** The examples a tree learns from: inputs, class indices and weights. */
export interface Examples {
  /** One column per input, holding each example's value of it. */
  readonly columns: readonly Float64Array[];
  readonly classes: Int32Array;
  readonly weights: Float64Array;
  readonly inputCount: number;
  readonly classCount: number;
}

/**
 * The weight of examples of each class in each branch ("bag") of a node, kept as Weka's
 * j48.Distribution keeps it: every total is accumulated in the same order with the same
 * additions, so leaf probabilities come out bit for bit as Weka's.
 */
export class Distribution {
  /** Weight per branch and class, branch-major. */
  readonly perClassPerBag: Float64Array;
  readonly perBag: Float64Array;
  readonly perClass: Float64Array;
  total = 0;

  constructor(
    readonly bagCount: number,
    readonly classCount: number,
  ) {
    this.perClassPerBag = new Float64Array(bagCount * classCount);
    this.perBag = new Float64Array(bagCount);
    this.perClass = new Float64Array(classCount);
  }

  /** One branch holding `rows`, added one by one. */
  static of(examples: Examples, rows: Int32Array): Distribution {
    const distribution = new Distribution(1, examples.classCount);
    for (let k = 0; k < rows.length; k++) distribution.add(0, examples, rows[k]);
    return distribution;
  }

  /** One branch holding everything `other` holds (Weka's merging copy, used when a node becomes a leaf). */
  static merged(other: Distribution): Distribution {
    const distribution = new Distribution(1, other.classCount);
    distribution.total = other.total;
    distribution.perClass.set(other.perClass);
    distribution.perClassPerBag.set(other.perClass);
    distribution.perBag[0] = other.total;
    return distribution;
  }

  add(bag: number, examples: Examples, row: number): void {
    const c = examples.classes[row];
    const weight = examples.weights[row];
    this.perClassPerBag[bag * this.classCount + c] += weight;
    this.perBag[bag] += weight;
    this.perClass[c] += weight;
    this.total += weight;
  }

  /** The most frequent class; the first wins unless another beats it by more than the slack. */
  maxClass(): number {
    let best = 0;
    let bestWeight = 0;
    for (let c = 0; c < this.classCount; c++) {
      if (isAbove(this.perClass[c], bestWeight)) {
        bestWeight = this.perClass[c];
        best = c;
      }
    }
    return best;
  }

  /** The heaviest branch; of near-equal ones, the last. */
  maxBag(): number {
    let best = -1;
    let bestWeight = 0;
    for (let bag = 0; bag < this.bagCount; bag++) {
      if (isAtLeast(this.perBag[bag], bestWeight)) {
        bestWeight = this.perBag[bag];
        best = bag;
      }
    }
    return best;
  }

  /** The weight a leaf predicting the most frequent class gets wrong. */
  numIncorrect(): number {
    return this.total - this.perClass[this.maxClass()];
  }

  /** The share of class `c` over all branches (0 when there is no weight at all). */
  prob(c: number): number {
    return isAbout(this.total, 0) ? 0 : this.perClass[c] / this.total;
  }
}

/** The total weight of `rows`, summed in their order (Weka's Instances.sumOfWeights). */
export function sumOfWeights(examples: Examples, rows: Int32Array): number {
  let sum = 0;
  for (let k = 0; k < rows.length; k++) sum += examples.weights[rows[k]];
  return sum;
}
