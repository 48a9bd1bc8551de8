import { z } from 'zod';
import { InputError } from '../errors.ts';
import { type Model, type ModelShape, type TrainOptions, type TrainingSet, defineAlgorithm } from './algorithm.ts';
import { checkpoint } from './cancel.ts';
import { normalCdf } from './normal-cdf.ts';
import type { ParamsOf } from './params.ts';
import { readSavedState } from './saved-state.ts';

const naiveBayesParams = {} as const;

/**
 * Weka 3.6's NaiveBayes as Wekinator uses it (no kernel estimator, no discretisation): the class
 * prior with one extra example of each class (Laplace), times, for each input, the chance that a
 * bell curve fitted to that class's examples lands in the small interval around the input value.
 */
export const naiveBayes = defineAlgorithm({
  name: 'naive-bayes',
  summary: 'Naive Bayes: a bell curve per class and input, combined as if inputs were independent (Weka NaiveBayes)',
  tasks: ['classification'],
  params: naiveBayesParams,
  train(set: TrainingSet, _params: ParamsOf<typeof naiveBayesParams>, options?: TrainOptions): Model {
    if (set.task !== 'classification') throw new InputError(NOT_FOR_NUMBERS);
    if (set.inputs.length === 0) throw new InputError('naive Bayes needs at least one example to learn from');
    const { inputCount, classCount } = set;
    const weights = set.weights ?? new Float64Array(set.targets.length).fill(1);

    const counts = new Float64Array(classCount).fill(1);
    let total = classCount;
    set.targets.forEach((target, i) => {
      counts[target] += weights[i];
      total += weights[i];
    });
    const prior = counts.map((count) => count / total);

    const precision = new Float64Array(inputCount);
    const mean = new Float64Array(inputCount * classCount);
    const deviation = new Float64Array(inputCount * classCount);
    for (let j = 0; j < inputCount; j++) {
      checkpoint(options, j / inputCount);
      const values = Float64Array.from(set.inputs, (row) => row[j]);
      precision[j] = precisionOf(values);
      for (let c = 0; c < classCount; c++) {
        const curve = fitCurve(values, set.targets, weights, c, precision[j]);
        mean[j * classCount + c] = curve.mean;
        deviation[j * classCount + c] = curve.deviation;
      }
    }
    checkpoint(options, 1);
    return new NaiveBayesModel(prior, precision, mean, deviation);
  },
  restore(state: unknown, _params: ParamsOf<typeof naiveBayesParams>, shape: ModelShape): Model {
    if (shape.task !== 'classification') throw new InputError(NOT_FOR_NUMBERS);
    const saved = readSavedState(stateSchema(shape.inputCount, shape.classCount), state, 'naive Bayes');
    return new NaiveBayesModel(
      Float64Array.from(saved.prior),
      Float64Array.from(saved.precision),
      Float64Array.from(saved.mean.flat()),
      Float64Array.from(saved.deviation.flat()),
    );
  },
});

const NOT_FOR_NUMBERS = 'naive Bayes predicts classes, not numbers; for a numeric output use knn, a stump or a neural network';

/**
 * How finely an input's values are told apart: the mean gap between its sorted distinct values
 * (Weka's NaiveBayes), or 0.01 when it never changes. Weights play no part, as in Weka.
 */
function precisionOf(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  let gaps = 0;
  let distinct = 0;
  let last = sorted[0];
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] !== last) {
      gaps += sorted[i] - last;
      last = sorted[i];
      distinct++;
    }
  }
  return distinct > 0 ? gaps / distinct : 0.01;
}

/**
 * Weka's NormalEstimator fed one example at a time: values rounded to the precision, and the
 * standard deviation kept at least precision/6 (at most 3 deviations per interval). A spread
 * of 1e-10 or less counts as none, keeping the previous deviation, as Weka does.
 */
function fitCurve(values: Float64Array, targets: Float64Array, weights: Float64Array, c: number, precision: number) {
  const least = precision / 6;
  let deviation = least;
  let mean = 0;
  let sumOfWeights = 0;
  let sum = 0;
  let sumOfSquares = 0;
  for (let i = 0; i < values.length; i++) {
    const weight = weights[i];
    if (targets[i] !== c || weight === 0) continue;
    const x = toPrecision(values[i], precision);
    sumOfWeights += weight;
    sum += x * weight;
    sumOfSquares += x * x * weight;
    if (sumOfWeights > 0) {
      mean = sum / sumOfWeights;
      const spread = Math.sqrt(Math.abs(sumOfSquares - mean * sum) / sumOfWeights);
      if (spread > 1e-10) deviation = Math.max(least, spread);
    }
  }
  return { mean, deviation };
}

/** Rounds to the nearest multiple of `precision`, halves to even (Java's Math.rint). */
function toPrecision(x: number, precision: number): number {
  const scaled = x / precision;
  let whole = Math.round(scaled);
  if (whole - scaled === 0.5 && whole % 2 !== 0) whole -= 1;
  return whole * precision;
}

/** Weka clamps each likelihood to at least this, and rescales when every class falls below it. */
const TINY = 1e-75;

class NaiveBayesModel implements Model {
  private readonly classCount: number;
  private readonly scratch: Float64Array;
  /** Per class, the two ends of the interval around the input, as z-scores and then as Φ. */
  private readonly ends: Float64Array;

  /** `mean` and `deviation` hold, per input, one entry per class. */
  constructor(
    private readonly prior: Float64Array,
    private readonly precision: Float64Array,
    private readonly mean: Float64Array,
    private readonly deviation: Float64Array,
  ) {
    this.classCount = prior.length;
    this.scratch = new Float64Array(prior.length);
    this.ends = new Float64Array(2 * prior.length);
  }

  predict(input: ArrayLike<number>): number {
    this.distribution(input, this.scratch);
    let best = 0;
    for (let c = 1; c < this.classCount; c++) if (this.scratch[c] > this.scratch[best]) best = c;
    return best;
  }

  distribution(input: ArrayLike<number>, out: Float64Array): void {
    const C = this.classCount;
    const ends = this.ends;
    out.set(this.prior);
    for (let j = 0; j < this.precision.length; j++) {
      // Weka's missing value: the input tells nothing, so it is left out.
      if (Number.isNaN(input[j])) continue;
      const precision = this.precision[j];
      const x = toPrecision(input[j], precision);
      for (let c = 0; c < C; c++) {
        const mean = this.mean[j * C + c];
        const deviation = this.deviation[j * C + c];
        ends[2 * c] = (x - mean - precision / 2) / deviation;
        ends[2 * c + 1] = (x - mean + precision / 2) / deviation;
      }
      // One call site, so that V8 inlines Φ here: a number returned from a call that is not
      // inlined would be allocated on the heap.
      for (let e = 0; e < 2 * C; e++) ends[e] = normalCdf(ends[e]);
      let largest = 0;
      for (let c = 0; c < C; c++) {
        out[c] *= Math.max(TINY, ends[2 * c + 1] - ends[2 * c]);
        if (out[c] > largest) largest = out[c];
      }
      if (largest > 0 && largest < TINY) for (let c = 0; c < C; c++) out[c] *= 1e75;
    }
    let sum = 0;
    for (let c = 0; c < C; c++) sum += out[c];
    for (let c = 0; c < C; c++) out[c] /= sum;
  }

  state(): NaiveBayesState {
    const C = this.classCount;
    const perInput = (values: Float64Array) => Array.from(this.precision, (_, j) => Array.from(values.subarray(j * C, (j + 1) * C)));
    return {
      prior: Array.from(this.prior),
      precision: Array.from(this.precision),
      mean: perInput(this.mean),
      deviation: perInput(this.deviation),
    };
  }
}

function stateSchema(inputCount: number, classCount: number) {
  const positive = z.number().positive();
  return z.object({
    prior: z.array(positive.max(1)).length(classCount),
    precision: z.array(positive).length(inputCount),
    mean: z.array(z.array(z.number()).length(classCount)).length(inputCount),
    deviation: z.array(z.array(positive).length(classCount)).length(inputCount),
  });
}

type NaiveBayesState = z.infer<ReturnType<typeof stateSchema>>;
