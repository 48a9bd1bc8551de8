import { InputError } from '../errors.ts';
import type { Dataset } from '../data/dataset.ts';
import { isMissing } from '../data/dataset.ts';
import type { Algorithm, TrainOptions } from '../learn/algorithm.ts';
import type { ParamSpecs, ParamsOf } from '../learn/params.ts';
import { prepare } from '../learn/prepare.ts';
import { type TrainedModel, trainModel } from '../learn/trained-model.ts';
import { wekaFolds } from './folds.ts';
import { type EvaluationReport, classificationReport, regressionReport } from './metrics.ts';

export interface Evaluation {
  readonly report: EvaluationReport;
  /** How the examples were judged: k folds, or 0 for the training data itself. */
  readonly folds: number;
  readonly trainMs: number;
  readonly predictMs: number;
}

export interface EvaluateOptions extends TrainOptions {
  /** 0 judges the model on the data it was trained on (Wekinator's "training accuracy"). */
  readonly folds: number;
  readonly seed: number;
  /** A clock in milliseconds; the core has none of its own. */
  readonly now: () => number;
}

/**
 * Stratified k-fold cross-validation with Weka's folds (or training accuracy when folds is 0).
 * Predictions from every fold are pooled into one report, as Weka does.
 */
export function evaluate(
  dataset: Dataset,
  classIndex: number,
  algorithm: Algorithm,
  params: ParamsOf<ParamSpecs>,
  options: EvaluateOptions,
): Evaluation {
  const labelled = dataset.rows.map((_, i) => i).filter((i) => !isMissing(dataset.rows[i][classIndex]));
  const classes = dataset.attributes[classIndex].kind === 'nominal' ? Float64Array.from(labelled, (i) => dataset.rows[i][classIndex]) : undefined;
  if (options.folds > labelled.length) {
    throw new InputError(`cannot make ${options.folds} folds from ${labelled.length} examples; use --folds ${Math.max(2, labelled.length)} or fewer`);
  }
  const folds =
    options.folds === 0
      ? [{ train: labelled.map((_, k) => k), test: labelled.map((_, k) => k) }]
      : wekaFolds(labelled.length, options.folds, options.seed, classes);

  const actual: number[] = [];
  const predicted: number[] = [];
  let trainMs = 0;
  let predictMs = 0;
  folds.forEach((fold, f) => {
    const rows = fold.train.map((k) => labelled[k]);
    const started = options.now();
    const model = trainModel(prepare(dataset, classIndex, rows), algorithm, params, {
      isCancelled: options.isCancelled,
      onProgress: (fraction) => options.onProgress?.((f + fraction) / folds.length),
    });
    const trained = options.now();
    for (const k of fold.test) {
      const row = dataset.rows[labelled[k]];
      actual.push(row[classIndex]);
      predicted.push(predictRow(model, row, classIndex));
    }
    trainMs += trained - started;
    predictMs += options.now() - trained;
  });
  options.onProgress?.(1);
  const report = classes
    ? classificationReport(actual, predicted, (dataset.attributes[classIndex] as { values: readonly string[] }).values.length)
    : regressionReport(actual, predicted);
  return { report, folds: options.folds, trainMs, predictMs };
}

const scratch: number[] = [];

/** Predicts one dataset row, reading the inputs around the class column. */
export function predictRow(model: TrainedModel, row: ArrayLike<number>, classIndex: number): number {
  scratch.length = 0;
  for (let i = 0; i < row.length; i++) if (i !== classIndex) scratch.push(row[i]);
  return model.predict(scratch);
}
