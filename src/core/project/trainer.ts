import type { Dataset } from '../data/dataset.ts';
import { type Evaluation, evaluate } from '../evaluate/cross-validate.ts';
import type { ModelDocument } from '../format/model-document.ts';
import { findAlgorithm } from '../learn/algorithms.ts';
import { prepare } from '../learn/prepare.ts';
import { paramsFor, trainModel } from '../learn/trained-model.ts';

/** Everything needed to train one output's model, plain data so it can cross to a worker. */
export interface TrainingJob {
  readonly dataset: Dataset;
  readonly model: string;
  readonly params: Readonly<Record<string, number | string | boolean>>;
}

export interface EvaluationJob extends TrainingJob {
  /** 0 for accuracy on the training data. */
  readonly folds: number;
  readonly seed: number;
}

/** Set `cancelled` to stop a job; the job's promise then rejects with TrainingCancelled. */
export interface CancelToken {
  cancelled: boolean;
}

/**
 * Runs training away from the input path. In Node a worker thread does it (src/node); here is
 * the in-process version, for tests and for a browser page that runs its own engine.
 */
export interface Trainer {
  train(job: TrainingJob, onProgress: (fraction: number) => void, token: CancelToken): Promise<ModelDocument>;
  evaluate(job: EvaluationJob, onProgress: (fraction: number) => void, token: CancelToken): Promise<Evaluation>;
}

export function runTrainingJob(job: TrainingJob, onProgress: (fraction: number) => void, token: CancelToken): ModelDocument {
  const algorithm = findAlgorithm(job.model);
  const params = paramsFor(algorithm, job.params);
  const classIndex = job.dataset.attributes.length - 1;
  return trainModel(prepare(job.dataset, classIndex), algorithm, params, { onProgress, isCancelled: () => token.cancelled }).toDocument();
}

export function runEvaluationJob(job: EvaluationJob, onProgress: (fraction: number) => void, token: CancelToken, now: () => number): Evaluation {
  const algorithm = findAlgorithm(job.model);
  const params = paramsFor(algorithm, job.params);
  const classIndex = job.dataset.attributes.length - 1;
  return evaluate(job.dataset, classIndex, algorithm, params, { folds: job.folds, seed: job.seed, now, onProgress, isCancelled: () => token.cancelled });
}

/** Trains in the caller's thread: simple and deterministic, but it holds the thread while it works. */
export function inlineTrainer(now: () => number): Trainer {
  return {
    train: async (job, onProgress, token) => {
      await Promise.resolve();
      return runTrainingJob(job, onProgress, token);
    },
    evaluate: async (job, onProgress, token) => {
      await Promise.resolve();
      return runEvaluationJob(job, onProgress, token, now);
    },
  };
}
