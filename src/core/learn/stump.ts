import { z } from 'zod';
import { InputError } from '../errors.ts';
import { type Model, type ModelShape, type TrainOptions, type TrainingSet, defineAlgorithm } from './algorithm.ts';
import { checkpoint } from './cancel.ts';
import type { ParamsOf } from './params.ts';
import { readSavedState } from './saved-state.ts';
import { RowSorter, columnsOf } from './tree/row-sorter.ts';

const stumpParams = {} as const;

/**
 * Weka 3.6's DecisionStump: one question, "is input a at most t?", chosen over every input and
 * every threshold halfway between neighbouring values, to leave the least entropy (classes) or
 * squared error (numbers) on the two sides. Each side answers with the weighted class
 * distribution or mean of its examples; an input that is NaN gets the answer for all examples.
 * Honours example weights, which is what boosting trains it with.
 */
export const stump = defineAlgorithm({
  name: 'stump',
  summary: 'Decision stump: a single yes/no question on one input (Weka DecisionStump)',
  tasks: ['classification', 'regression'],
  params: stumpParams,
  train(set: TrainingSet, _params: ParamsOf<typeof stumpParams>, options?: TrainOptions): Model {
    if (set.inputs.length === 0) throw new InputError('a stump needs at least one example to learn from');
    const weights = set.weights ?? new Float64Array(set.targets.length).fill(1);
    if (!(weights.reduce((sum, w) => sum + w, 0) > 0)) {
      throw new InputError('every example has weight 0, so a stump has nothing to learn from');
    }
    const search = set.task === 'classification' ? new ClassSplitSearch(set, weights) : new NumberSplitSearch(set, weights);
    let best = search.noSplit();
    // Like Weka, one list of the examples is sorted input after input, each sort starting from
    // the order the last one left; sums over the examples then add up in Weka's order.
    const rows = Int32Array.from(set.inputs, (_, i) => i);
    const sorter = new RowSorter(columnsOf(set.inputs, set.inputCount), true);
    for (let a = 0; a < set.inputCount; a++) {
      checkpoint(options, a / set.inputCount);
      const candidate = search.bestSplit(a, rows, sorter);
      // Strictly better only: on a tie the earlier input keeps the split, as in Weka.
      if (candidate && candidate.score < best.score) best = candidate;
    }
    checkpoint(options, 1);
    return new StumpModel(set.task === 'classification', best.input, best.threshold, best.sides[0], best.sides[1], best.sides[2]);
  },
  restore(state: unknown, _params: ParamsOf<typeof stumpParams>, shape: ModelShape): Model {
    const saved = readSavedState(stateSchema(shape), state, 'stump');
    return new StumpModel(
      shape.task === 'classification',
      saved.input ?? -1,
      saved.threshold,
      Float64Array.from(saved.atMost),
      Float64Array.from(saved.above),
      Float64Array.from(saved.whenMissing),
    );
  },
});

/** A split and what it answers: sides[0] for input ≤ threshold, [1] above it, [2] when the input is missing. */
interface Split {
  readonly input: number;
  readonly threshold: number;
  readonly score: number;
  readonly sides: readonly [Float64Array, Float64Array, Float64Array];
}

interface SplitSearch {
  /** The answer when no input can split the examples: the same on every side. */
  noSplit(): Split;
  /**
   * The best threshold on input `a`; undefined if the input never changes. Sorts `rows` by the
   * input in place, after summing the examples in the order they came in, as Weka does.
   */
  bestSplit(a: number, rows: Int32Array, sorter: RowSorter): Split | undefined;
}

/** Weka's findSplitNumericNominal: running class weights on each side, scored by conditional entropy. */
class ClassSplitSearch implements SplitSearch {
  private readonly all: Float64Array;

  constructor(
    private readonly set: TrainingSet,
    private readonly weights: Float64Array,
  ) {
    this.all = new Float64Array(set.classCount);
    set.targets.forEach((c, i) => (this.all[c] += weights[i]));
  }

  noSplit(): Split {
    return this.finish({ input: -1, threshold: 0, score: Infinity, sides: [this.all, this.all, this.all] });
  }

  bestSplit(a: number, rows: Int32Array, sorter: RowSorter): Split | undefined {
    const { targets } = this.set;
    const weights = this.weights;
    const classCount = this.all.length;
    const above = new Float64Array(classCount);
    for (let k = 0; k < rows.length; k++) above[targets[rows[k]]] += weights[rows[k]];
    const all = Float64Array.from(above);
    const below = new Float64Array(classCount);
    const bestBelow = new Float64Array(classCount);
    const bestAbove = new Float64Array(classCount);
    let bestScore = Infinity;
    let threshold = 0;
    sorter.sort(rows, a);
    const value = sorter.sorted;
    for (let k = 0; k + 1 < rows.length; k++) {
      const c = targets[rows[k]];
      below[c] += weights[rows[k]];
      above[c] -= weights[rows[k]];
      if (!(value[k] < value[k + 1])) continue;
      const score = conditionalEntropy(below, above);
      if (score < bestScore) {
        bestScore = score;
        threshold = (value[k] + value[k + 1]) / 2;
        bestBelow.set(below);
        bestAbove.set(above);
      }
    }
    if (bestScore === Infinity) return undefined;
    return this.finish({ input: a, threshold, score: bestScore, sides: [bestBelow, bestAbove, all] });
  }

  /** Turns weights into distributions; an empty side answers like a missing input. */
  private finish(split: Split): Split {
    const missing = probabilities(split.sides[2]);
    const side = (weights: Float64Array) => (sum(weights) === 0 ? missing : probabilities(weights));
    return { ...split, sides: [side(split.sides[0]), side(split.sides[1]), missing] };
  }
}

/** Weka's findSplitNumericNumeric: running sums on each side, scored by the squared error left. */
class NumberSplitSearch implements SplitSearch {
  private readonly mean: number;

  constructor(
    private readonly set: TrainingSet,
    private readonly weights: Float64Array,
  ) {
    let total = 0;
    let sum = 0;
    set.targets.forEach((y, i) => {
      total += weights[i];
      sum += y * weights[i];
    });
    this.mean = sum / total;
  }

  noSplit(): Split {
    const mean = Float64Array.of(this.mean);
    return { input: -1, threshold: 0, score: Infinity, sides: [mean, mean, mean] };
  }

  bestSplit(a: number, rows: Int32Array, sorter: RowSorter): Split | undefined {
    const { targets } = this.set;
    const weights = this.weights;
    let aboveSum = 0;
    let aboveSquares = 0;
    let aboveWeight = 0;
    for (let k = 0; k < rows.length; k++) {
      const y = targets[rows[k]];
      const w = weights[rows[k]];
      aboveSum += y * w;
      aboveSquares += y * y * w;
      aboveWeight += w;
    }
    const mean = aboveSum / aboveWeight;
    const meanOf = (sum: number, weight: number) => (weight > 0 ? sum / weight : mean);
    let belowSum = 0;
    let belowSquares = 0;
    let belowWeight = 0;
    let best: Split | undefined;
    sorter.sort(rows, a);
    const value = sorter.sorted;
    for (let k = 0; k + 1 < rows.length; k++) {
      const y = targets[rows[k]];
      const w = weights[rows[k]];
      belowSum += y * w;
      belowSquares += y * y * w;
      belowWeight += w;
      aboveSum -= y * w;
      aboveSquares -= y * y * w;
      aboveWeight -= w;
      if (!(value[k] < value[k + 1])) continue;
      const score = squaredError(belowSum, belowSquares, belowWeight) + squaredError(aboveSum, aboveSquares, aboveWeight);
      if (score < (best?.score ?? Infinity)) {
        const threshold = (value[k] + value[k + 1]) / 2;
        best = { input: a, threshold, score, sides: [Float64Array.of(meanOf(belowSum, belowWeight)), Float64Array.of(meanOf(aboveSum, aboveWeight)), Float64Array.of(mean)] };
      }
    }
    return best;
  }
}

/** Weka's ContingencyTables.entropyConditionedOnRows for the two sides, in bits per unit weight. */
function conditionalEntropy(below: Float64Array, above: Float64Array): number {
  let value = 0;
  let total = 0;
  for (const side of [below, above]) {
    let sideTotal = 0;
    for (const w of side) {
      value += xLogX(w);
      sideTotal += w;
    }
    value -= xLogX(sideTotal);
    total += sideTotal;
  }
  // Weka's Utils.eq(total, 0): a total this small scores as perfectly pure.
  if (Math.abs(total) < 1e-6) return 0;
  return -value / (total * Math.LN2);
}

function xLogX(x: number): number {
  return x > 0 ? x * Math.log(x) : 0;
}

function squaredError(sum: number, squares: number, weight: number): number {
  return weight > 0 ? squares - (sum * sum) / weight : 0;
}

function sum(values: Float64Array): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/**
 * Class weights over their sum, as Weka normalises them. A side's weights are found by
 * subtraction, so a class with none left can come out a hair below 0 (Weka reports −2.5e-17):
 * it is 0, and clamping keeps every other probability bit for bit Weka's.
 */
function probabilities(weights: Float64Array): Float64Array {
  const total = sum(weights);
  return weights.map((w) => Math.min(Math.max(w / total, 0), 1));
}

class StumpModel implements Model {
  /** Sides hold class distributions for classification, one mean for regression; input is -1 when there is no split. */
  constructor(
    private readonly classification: boolean,
    private readonly input: number,
    private readonly threshold: number,
    private readonly atMost: Float64Array,
    private readonly above: Float64Array,
    private readonly whenMissing: Float64Array,
  ) {}

  predict(input: ArrayLike<number>): number {
    const side = this.side(input);
    if (!this.classification) return side[0];
    let best = 0;
    for (let c = 1; c < side.length; c++) if (side[c] > side[best]) best = c;
    return best;
  }

  distribution(input: ArrayLike<number>, out: Float64Array): void {
    out.set(this.side(input));
  }

  state(): StumpState {
    return {
      input: this.input < 0 ? null : this.input,
      threshold: this.threshold,
      atMost: Array.from(this.atMost),
      above: Array.from(this.above),
      whenMissing: Array.from(this.whenMissing),
    };
  }

  private side(input: ArrayLike<number>): Float64Array {
    if (this.input < 0) return this.whenMissing;
    const x = input[this.input];
    if (Number.isNaN(x)) return this.whenMissing;
    return x <= this.threshold ? this.atMost : this.above;
  }
}

function stateSchema(shape: ModelShape) {
  const classification = shape.task === 'classification';
  const distribution = z
    .array(z.number().min(0).max(1))
    .length(shape.classCount)
    .refine((probabilities) => Math.abs(probabilities.reduce((total, p) => total + p, 0) - 1) < 1e-9, 'class probabilities must add up to 1');
  const answer = classification ? distribution : z.array(z.number()).length(1);
  return z.object({
    input: z.number().int().min(0).max(shape.inputCount - 1).nullable(),
    threshold: z.number(),
    atMost: answer,
    above: answer,
    whenMissing: answer,
  });
}

type StumpState = z.infer<ReturnType<typeof stateSchema>>;
