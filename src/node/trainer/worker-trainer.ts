import { Worker } from 'node:worker_threads';
import { TrainingCancelled } from '../../core/errors.ts';
import type { Evaluation } from '../../core/evaluate/cross-validate.ts';
import type { ModelDocument } from '../../core/format/model-document.ts';
import type { CancelToken, EvaluationJob, Trainer, TrainingJob } from '../../core/project/trainer.ts';
import { type JobReply, type JobRequest, errorFrom } from './worker-messages.ts';

/** How often a job under way looks at its cancel token; a cancel takes effect within this. */
const CANCEL_POLL_MS = 10;

/**
 * A worker cannot load a .ts file by itself, even under tsx, so it starts from this snippet:
 * it registers tsx inside the worker, then imports the real entry.
 */
function bootstrap(): string {
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./training-worker.ts', import.meta.url).href);
  return `import(${tsx}).then((tsx) => { tsx.register(); return import(${entry}); })`;
}

export interface WorkerTrainer extends Trainer {
  /** Ends the training thread. A job under way, and any job asked for later, is cancelled. */
  close(): Promise<void>;
}

interface Running {
  readonly onProgress: (fraction: number) => void;
  readonly finish: (error: Error | null, result?: unknown) => void;
}

/**
 * Trains in a worker thread, so the input path never waits for a model: frames keep being
 * recorded and played while a network learns. Jobs run one at a time, in the order asked.
 * Cancelling terminates the thread at once (even mid-epoch); the next job starts a fresh one.
 */
export function workerTrainer(): WorkerTrainer {
  return new TrainingThread();
}

class TrainingThread implements WorkerTrainer {
  private worker: Worker | null = null;
  private running: Running | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  train(job: TrainingJob, onProgress: (fraction: number) => void, token: CancelToken): Promise<ModelDocument> {
    return this.enqueue({ kind: 'train', job }, onProgress, token) as Promise<ModelDocument>;
  }

  evaluate(job: EvaluationJob, onProgress: (fraction: number) => void, token: CancelToken): Promise<Evaluation> {
    return this.enqueue({ kind: 'evaluate', job }, onProgress, token) as Promise<Evaluation>;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stop(new TrainingCancelled());
  }

  private enqueue(request: JobRequest, onProgress: (fraction: number) => void, token: CancelToken): Promise<unknown> {
    const result = this.queue.then(() => this.run(request, onProgress, token));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private run(request: JobRequest, onProgress: (fraction: number) => void, token: CancelToken): Promise<unknown> {
    if (this.closed || token.cancelled) return Promise.reject(new TrainingCancelled());
    const worker = this.worker ?? this.start();
    return new Promise((resolve, reject) => {
      const poll = setInterval(() => {
        if (token.cancelled) void this.stop(new TrainingCancelled());
      }, CANCEL_POLL_MS);
      this.running = {
        onProgress,
        finish: (error, result) => {
          clearInterval(poll);
          this.running = null;
          // An idle thread must not keep the process alive.
          this.worker?.unref();
          if (error) reject(error);
          else resolve(result);
        },
      };
      worker.ref();
      worker.postMessage(request);
    });
  }

  private start(): Worker {
    const worker = new Worker(bootstrap(), { eval: true });
    const current = () => this.worker === worker;
    worker.on('message', (reply: JobReply) => {
      if (current()) this.receive(reply);
    });
    worker.on('error', (error) => {
      if (current()) void this.stop(new Error(`the training thread failed: ${error.message}`));
    });
    worker.on('exit', (code) => {
      if (current()) void this.stop(new Error(`the training thread stopped unexpectedly (exit code ${code})`));
    });
    this.worker = worker;
    return worker;
  }

  private receive(reply: JobReply): void {
    const running = this.running;
    if (!running) return;
    if (reply.kind === 'done') running.finish(null, reply.result);
    else if (reply.kind === 'failed') running.finish(errorFrom(reply.error));
    else {
      try {
        running.onProgress(reply.fraction);
      } catch (error) {
        // As in the caller's thread, a failing progress listener fails the job.
        void this.stop(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  /** Ends the job under way with `error` and throws its thread away. */
  private async stop(error: Error): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.running?.finish(error);
    await worker?.terminate();
  }
}
