import { z } from 'zod';
import { InputError } from '../errors.ts';
import { type Model, type ModelShape, type TrainOptions, type TrainingSet, defineAlgorithm } from './algorithm.ts';
import { checkpoint } from './cancel.ts';
import { TOO_LARGE, ridgeLeastSquares } from './least-squares.ts';
import type { ParamSpecs, ParamsOf } from './params.ts';

export const linearParams = {
  ridge: {
    type: 'number',
    default: 1e-8,
    min: 0,
    help: 'How strongly large weights are held back, on inputs scaled to unit spread (Weka -R); 0 fits the examples as closely as it can',
  },
  eliminateColinear: {
    type: 'boolean',
    // Weka's own default is true; Wekinator turns it off ("recommended for polynomial").
    default: false,
    help: 'Refit without the input of largest scaled weight while one exceeds 1.5, a sign of inputs that mirror each other (Weka: on unless -C; Wekinator: off)',
  },
} as const satisfies ParamSpecs;

export type LinearParams = ParamsOf<typeof linearParams>;

/** The rows a linear fit reads: the inputs of a training set, or inputs made from them. */
export interface LinearExamples {
  readonly inputs: readonly Float64Array[];
  readonly targets: Float64Array;
  readonly weights?: Float64Array;
  readonly inputCount: number;
}

/**
 * Weka 3.6's LinearRegression with no attribute selection (-S 1): inputs centred and scaled
 * to unit standard deviation before the ridge is added, constant inputs left out, optionally
 * the most colinear input dropped and the fit redone until none is left.
 */
export const linear = defineAlgorithm({
  name: 'linear',
  summary: 'Linear regression: each output is a weighted sum of the inputs (Weka LinearRegression, as Wekinator sets it up)',
  tasks: ['regression'],
  params: linearParams,
  train(set: TrainingSet, params: LinearParams, options?: TrainOptions): Model {
    requireRegression(set.task);
    return fitLinear(set, params, options);
  },
  restore(state: unknown, _params: LinearParams, shape: ModelShape): Model {
    requireRegression(shape.task);
    return restoreLinear(state, shape.inputCount, 'linear');
  },
});

export function requireRegression(task: string): void {
  if (task !== 'regression') {
    throw new InputError('linear and polynomial regression predict numbers; use a classifier (e.g. knn) for classes');
  }
}

export function fitLinear(examples: LinearExamples, params: LinearParams, options?: TrainOptions): LinearModel {
  const { inputs, targets, inputCount } = examples;
  const exampleWeights = examples.weights ?? new Float64Array(targets.length).fill(1);
  const means = new Float64Array(inputCount);
  const spreads = new Float64Array(inputCount);
  const selected: boolean[] = [];
  for (let j = 0; j < inputCount; j++) {
    const values = Float64Array.from(inputs, (row) => row[j]);
    means[j] = wekaMean(values, exampleWeights);
    spreads[j] = Math.sqrt(wekaVariance(values, exampleWeights));
    // Weka leaves out only a spread of exactly 0; an overflowed one would turn every weight to NaN.
    selected.push(spreads[j] !== 0 && Number.isFinite(spreads[j]) && Number.isFinite(means[j]));
  }
  const targetMean = wekaMean(targets, exampleWeights);
  const targetSpread = Math.sqrt(wekaVariance(targets, exampleWeights));
  const fit = { examples, exampleWeights, means, spreads, targetMean, ridge: params.ridge };

  checkpoint(options, 0);
  let coefficients = regress(fit, selected);
  let dropped = 0;
  while (params.eliminateColinear && dropMostColinear(selected, coefficients, spreads, targetSpread)) {
    checkpoint(options, ++dropped / inputCount);
    coefficients = regress(fit, selected);
  }
  checkpoint(options, 1);

  const weightsByInput = new Float64Array(inputCount);
  let at = 0;
  for (let j = 0; j < inputCount; j++) if (selected[j]) weightsByInput[j] = coefficients[at++];
  // Unscaling can overflow where Weka would keep infinite weights; a saved model must be finite.
  if (!coefficients.every(Number.isFinite)) throw new InputError(TOO_LARGE);
  return new LinearModel(weightsByInput, coefficients[at], targetMean);
}

interface Fit {
  readonly examples: LinearExamples;
  readonly exampleWeights: Float64Array;
  readonly means: Float64Array;
  readonly spreads: Float64Array;
  readonly targetMean: number;
  readonly ridge: number;
}

/** One least-squares fit on the selected inputs: their weights in input order, then the intercept. */
function regress(fit: Fit, selected: readonly boolean[]): Float64Array {
  const { examples, exampleWeights, means, spreads } = fit;
  const columns = selected.flatMap((on, j) => (on ? [j] : []));
  const coefficients = new Float64Array(columns.length + 1);
  if (columns.length > 0) {
    // Weka scales rows by √weight and, unlike the inputs, leaves the target uncentred.
    const rows = examples.inputs.map((input, i) => {
      const root = Math.sqrt(exampleWeights[i]);
      return Float64Array.from(columns, (j) => ((input[j] - means[j]) / spreads[j]) * root);
    });
    const y = Float64Array.from(examples.targets, (target, i) => target * Math.sqrt(exampleWeights[i]));
    coefficients.set(ridgeLeastSquares(rows, y, columns.length, fit.ridge));
  }
  coefficients[columns.length] = fit.targetMean;
  columns.forEach((j, c) => {
    coefficients[c] /= spreads[j];
    coefficients[columns.length] -= coefficients[c] * means[j];
  });
  return coefficients;
}

/** Weka's colinearity test: drops the input with the largest standardised weight above 1.5, if any. */
function dropMostColinear(selected: boolean[], coefficients: Float64Array, spreads: Float64Array, targetSpread: number): boolean {
  let largest = 1.5;
  let worst = -1;
  let c = 0;
  selected.forEach((on, j) => {
    if (!on) return;
    const standardised = Math.abs((coefficients[c++] * spreads[j]) / targetSpread);
    if (standardised > largest) {
      largest = standardised;
      worst = j;
    }
  });
  if (worst < 0) return false;
  selected[worst] = false;
  return true;
}

/** Weka 3.6's Instances.meanOrMode for a numeric attribute. */
function wekaMean(values: Float64Array, weights: Float64Array): number {
  let sum = 0;
  let total = 0;
  values.forEach((v, i) => {
    total += weights[i];
    sum += weights[i] * v;
  });
  return total <= 0 ? 0 : sum / total;
}

/**
 * Weka 3.6's Instances.variance: the one-pass sum-of-squares formula, rounding included, since
 * whether a nearly constant input counts as constant decides whether Weka uses it at all.
 */
function wekaVariance(values: Float64Array, weights: Float64Array): number {
  let sum = 0;
  let squares = 0;
  let total = 0;
  values.forEach((v, i) => {
    sum += weights[i] * v;
    squares += weights[i] * v * v;
    total += weights[i];
  });
  if (total <= 1) return 0;
  const variance = (squares - (sum * sum) / total) / (total - 1);
  return variance < 0 ? 0 : variance;
}

/** A trained linear model: output = Σ weight·input + intercept, summed in Weka's order. */
export class LinearModel implements Model {
  /**
   * `weights` has one entry per input, 0 for inputs left out. `fallback` (the mean training
   * output) answers an input that makes the sum NaN, such as ∞ against a negative weight.
   */
  constructor(
    private readonly weights: Float64Array,
    private readonly intercept: number,
    private readonly fallback: number,
  ) {}

  get inputCount(): number {
    return this.weights.length;
  }

  predict(input: ArrayLike<number>): number {
    let sum = 0;
    for (let j = 0; j < this.weights.length; j++) {
      // Skipping left-out inputs as Weka does also keeps 0·∞ out of the sum.
      if (this.weights[j] !== 0) sum += this.weights[j] * input[j];
    }
    sum += this.intercept;
    return Number.isNaN(sum) ? this.fallback : sum;
  }

  distribution(input: ArrayLike<number>, out: Float64Array): void {
    out[0] = this.predict(input);
  }

  state(): LinearState {
    return { weights: Array.from(this.weights), intercept: this.intercept, fallback: this.fallback };
  }
}

export const linearStateSchema = z.object({
  weights: z.array(z.number()),
  intercept: z.number(),
  fallback: z.number(),
});

export type LinearState = z.infer<typeof linearStateSchema>;

/** Rebuilds a LinearModel over `inputCount` inputs; `owner` names the algorithm in messages. */
export function restoreLinear(state: unknown, inputCount: number, owner: string): LinearModel {
  const parsed = linearStateSchema.safeParse(state);
  if (!parsed.success) {
    throw new InputError(`the saved ${owner} model is damaged (${parsed.error.issues[0].message} at '${parsed.error.issues[0].path.join('.')}'); train it again`);
  }
  const { weights, intercept, fallback } = parsed.data;
  if (weights.length !== inputCount) {
    throw new InputError(`the saved ${owner} model has ${weights.length} weights where ${inputCount} were expected; train it again`);
  }
  return new LinearModel(Float64Array.from(weights), intercept, fallback);
}
