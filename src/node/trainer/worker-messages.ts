import type { Evaluation } from '../../core/evaluate/cross-validate.ts';
import { InputError } from '../../core/errors.ts';
import type { ModelDocument } from '../../core/format/model-document.ts';
import type { EvaluationJob, TrainingJob } from '../../core/project/trainer.ts';

/** What the training thread is asked to do: one job at a time, as plain data. */
export type JobRequest = { readonly kind: 'train'; readonly job: TrainingJob } | { readonly kind: 'evaluate'; readonly job: EvaluationJob };

/** What it answers: any number of progress reports, then one result or one failure. */
export type JobReply =
  | { readonly kind: 'progress'; readonly fraction: number }
  | { readonly kind: 'done'; readonly result: ModelDocument | Evaluation }
  | { readonly kind: 'failed'; readonly error: FailureReport };

/** An error as it crosses threads: a class would not survive the copy, so its kind is spelled out. */
export interface FailureReport {
  readonly input: boolean;
  readonly message: string;
  readonly stack?: string;
}

export function reportFailure(error: unknown): FailureReport {
  if (error instanceof InputError) return { input: true, message: error.message };
  if (error instanceof Error) return { input: false, message: error.message, stack: error.stack };
  return { input: false, message: String(error) };
}

/** The error again on this side: an InputError stays one; anything else is a bug, kept with the worker's stack. */
export function errorFrom(report: FailureReport): Error {
  if (report.input) return new InputError(report.message);
  const error = new Error(report.message);
  if (report.stack) error.stack = report.stack;
  return error;
}
