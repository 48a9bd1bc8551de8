import type { ParamSpecs, ParamsOf } from './params.ts';

export type Task = 'classification' | 'regression';

/**
 * What a learner trains on: complete numeric inputs (missing values already filled in,
 * nominal inputs already one-hot), and one target per example.
 */
export interface TrainingSet {
  readonly task: Task;
  /** One row per example, each of length `inputCount`; no NaN. */
  readonly inputs: readonly Float64Array[];
  /** Class index 0..classCount-1 for classification, the value for regression; no NaN. */
  readonly targets: Float64Array;
  /** Weight of each example (boosting reweights); absent means every weight is 1. */
  readonly weights?: Float64Array;
  readonly inputCount: number;
  /** Number of classes for classification, 0 for regression. */
  readonly classCount: number;
}

export interface TrainOptions {
  /** Called now and then with the fraction done, 0..1. */
  readonly onProgress?: (fraction: number) => void;
  /** Polled between epochs or rounds; when it returns true, training throws TrainingCancelled. */
  readonly isCancelled?: () => boolean;
}

/** A trained model. `predict` and `distribution` must not allocate: they run once per input frame. */
export interface Model {
  /** The class index, or the value for regression. Never NaN. */
  predict(input: ArrayLike<number>): number;
  /**
   * Classification: the probability of each class into `out` (length classCount, sums to 1).
   * Regression: the value into out[0].
   */
  distribution(input: ArrayLike<number>, out: Float64Array): void;
  /** Everything needed to rebuild this model: JSON-safe, finite numbers only. */
  state(): unknown;
}

/** The shape a model is restored into: what `state()` was trained against. */
export interface ModelShape {
  readonly task: Task;
  readonly inputCount: number;
  readonly classCount: number;
}

/** One learning algorithm: how to train it, its parameters, and how to bring a saved model back. */
export interface Algorithm<S extends ParamSpecs = ParamSpecs> {
  readonly name: string;
  /** One line for `oscine models` and the studio. */
  readonly summary: string;
  readonly tasks: readonly Task[];
  readonly params: S;
  train(set: TrainingSet, params: ParamsOf<S>, options?: TrainOptions): Model;
  /** Rebuilds a model from `state()`; throws InputError when the state is damaged. */
  restore(state: unknown, params: ParamsOf<S>, shape: ModelShape): Model;
}

/** Lets an algorithm be written with its exact parameter types and still be listed with the others. */
export function defineAlgorithm<S extends ParamSpecs>(algorithm: Algorithm<S>): Algorithm<S> {
  return algorithm;
}
