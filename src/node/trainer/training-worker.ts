import { parentPort } from 'node:worker_threads';
import { runEvaluationJob, runTrainingJob } from '../../core/project/trainer.ts';
import { type JobReply, type JobRequest, reportFailure } from './worker-messages.ts';

/** Progress more often than this would only keep the main thread busy redrawing a bar. */
const PROGRESS_INTERVAL_MS = 10;

/** The training thread's side: runs each job it is sent to the end; it is cancelled by being terminated. */
const port = parentPort;
if (!port) throw new Error('training-worker.ts runs only inside a worker thread (see worker-trainer.ts)');

port.on('message', (request: JobRequest) => {
  const reply = (message: JobReply) => port.postMessage(message);
  let lastReport = Number.NEGATIVE_INFINITY;
  const onProgress = (fraction: number) => {
    const now = performance.now();
    if (fraction < 1 && now - lastReport < PROGRESS_INTERVAL_MS) return;
    lastReport = now;
    reply({ kind: 'progress', fraction });
  };
  const neverCancelled = { cancelled: false };
  try {
    const result =
      request.kind === 'train'
        ? runTrainingJob(request.job, onProgress, neverCancelled)
        : runEvaluationJob(request.job, onProgress, neverCancelled, () => performance.now());
    reply({ kind: 'done', result });
  } catch (error) {
    reply({ kind: 'failed', error: reportFailure(error) });
  }
});
