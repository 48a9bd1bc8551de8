import { findAlgorithm } from '../../../core/learn/algorithms.ts';
import { checkLearnable } from '../../../core/learn/learnable.ts';
import { paramsFor } from '../../../core/learn/trained-model.ts';
import { type Evaluation, evaluate } from '../../../core/evaluate/cross-validate.ts';
import { readDataset } from '../../files/read-dataset.ts';
import { evalProject } from './project-eval.ts';
import { InputError } from '../../../core/errors.ts';
import { classIndexOf } from '../options.ts';
import { progressBar } from '../progress.ts';
import { type Summary, formatReport } from '../report-text.ts';

export interface EvalOptions {
  readonly model?: string;
  readonly class?: string;
  readonly folds: number;
  readonly seed: number;
  readonly training?: boolean;
  readonly param?: Record<string, string>;
  readonly json?: boolean;
}

export async function evalCommand(file: string, options: EvalOptions): Promise<void> {
  if (file.endsWith('.oscine')) return evalProject(file, options);
  if (!options.model) throw new InputError('choose a model with --model (see `oscine models`)');
  const dataset = readDataset(file);
  const classIndex = classIndexOf(dataset, options.class, file);
  checkLearnable(dataset, classIndex, file);
  const algorithm = findAlgorithm(options.model);
  const params = paramsFor(algorithm, options.param ?? {});
  const folds = options.training ? 0 : options.folds;
  const progress = progressBar(folds ? `${folds}-fold cross-validation` : 'Training');
  let evaluation: Evaluation;
  try {
    evaluation = evaluate(dataset, classIndex, algorithm, params, {
      folds,
      seed: options.seed,
      now: () => performance.now(),
      onProgress: progress.update,
    });
  } finally {
    progress.stop();
  }
  const summary = { file, model: algorithm.name, params, classIndex, dataset };
  console.log(options.json ? JSON.stringify(jsonReport(summary, evaluation)) : formatReport(summary, evaluation, options.seed));
}

function jsonReport({ model, params, classIndex, dataset }: Summary, evaluation: Evaluation): object {
  const { report } = evaluation;
  const target = dataset.attributes[classIndex];
  const timing = { trainMs: round(evaluation.trainMs), predictMs: round(evaluation.predictMs) };
  const common = { model, params, folds: evaluation.folds, examples: report.examples, target: target.name };
  if (report.task === 'classification') {
    const { accuracy, confusion, precision, recall } = report;
    const classes = target.kind === 'nominal' ? target.values : [];
    return { task: report.task, ...common, accuracy, classes, confusion, precision, recall, ...timing };
  }
  const { rmse, mae, correlation } = report;
  return { task: report.task, ...common, rmse, mae, correlation, ...timing };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
