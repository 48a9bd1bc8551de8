import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Dataset } from '../../../src/core/data/dataset.ts';
import { InputError, TrainingCancelled } from '../../../src/core/errors.ts';
import { loadModel } from '../../../src/core/learn/trained-model.ts';
import { makeProject } from '../../../src/core/project/project.ts';
import { Session } from '../../../src/core/project/session.ts';
import { type TrainingJob, runEvaluationJob, runTrainingJob } from '../../../src/core/project/trainer.ts';
import { workerTrainer } from '../../../src/node/trainer/worker-trainer.ts';

const trainer = workerTrainer();
after(() => trainer.close());

const numeric = (name: string) => ({ name, kind: 'numeric' as const });
const notCancelled = () => ({ cancelled: false });

/** A repeatable pseudo-random stream (Park–Miller), so every run trains on the same data. */
function randomStream(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

/** y = sin(3a) + b·c over `rows` random points in the unit cube. */
function curve(rows: number): Dataset {
  const random = randomStream(7);
  const data = Array.from({ length: rows }, () => {
    const [a, b, c] = [random(), random(), random()];
    return Float64Array.of(a, b, c, Math.sin(3 * a) + b * c);
  });
  return { relation: 'curve', attributes: [numeric('a'), numeric('b'), numeric('c'), numeric('y')], rows: data };
}

/** Three classes by which third of a the point lies in, with b as noise. */
function thirds(rows: number): Dataset {
  const random = randomStream(11);
  const data = Array.from({ length: rows }, () => {
    const [a, b] = [random(), random()];
    return Float64Array.of(a, b, Math.min(2, Math.max(0, Math.floor(a * 3 + (b - 0.5) * 0.3))));
  });
  return { relation: 'thirds', attributes: [numeric('a'), numeric('b'), { name: 'third', kind: 'nominal', values: ['low', 'mid', 'high'] }], rows: data };
}

test('the worker trains the very model the caller’s thread trains, bit for bit', async () => {
  const jobs: TrainingJob[] = [
    { dataset: curve(200), model: 'mlp', params: { epochs: 100 } },
    { dataset: thirds(150), model: 'mlp', params: { epochs: 80, hiddenUnits: 5 } },
    { dataset: thirds(150), model: 'knn', params: {} },
  ];
  for (const job of jobs) {
    const inline = runTrainingJob(job, () => {}, notCancelled());
    const fromWorker = await trainer.train(job, () => {}, notCancelled());
    assert.deepEqual(fromWorker, inline, `${job.model} on ${job.dataset.relation}`);
    const [a, b] = [loadModel(inline, 'inline'), loadModel(fromWorker, 'worker')];
    for (const row of job.dataset.rows.slice(0, 20)) {
      const x = row.subarray(0, row.length - 1);
      assert.ok(Object.is(a.predict(x), b.predict(x)), `predictions differ at ${String(x)}`);
    }
  }
});

test('evaluation in the worker reports what it reports in the caller’s thread', async () => {
  const job = { dataset: thirds(120), model: 'mlp', params: { epochs: 30 }, folds: 5, seed: 3 };
  const inline = runEvaluationJob(job, () => {}, notCancelled(), () => performance.now());
  const fromWorker = await trainer.evaluate(job, () => {}, notCancelled());
  assert.deepEqual(fromWorker.report, inline.report);
  assert.equal(fromWorker.folds, 5);
  assert.equal(fromWorker.report.task, 'classification');
});

test('progress arrives from the worker, rising, and ends at 1', async () => {
  const fractions: number[] = [];
  await trainer.train({ dataset: curve(1000), model: 'mlp', params: { epochs: 300 } }, (f) => fractions.push(f), notCancelled());
  assert.ok(fractions.length >= 2, `got ${fractions.length} progress reports`);
  assert.ok(fractions.every((f, i) => f > 0 && f <= 1 && (i === 0 || f > fractions[i - 1])), 'fractions rise within (0, 1]');
  assert.equal(fractions.at(-1), 1);
});

test('cancelling mid-way rejects with TrainingCancelled, and the trainer works afterwards', async () => {
  const token = { cancelled: false };
  const fractions: number[] = [];
  // Unstopped, this would run for about a minute: the test ends quickly only because the cancel works.
  const long = trainer.train({ dataset: curve(2000), model: 'mlp', params: { epochs: 100_000 } }, (f) => {
    fractions.push(f);
    token.cancelled = true;
  }, token);
  await assert.rejects(long, TrainingCancelled);
  assert.ok(fractions.length >= 1 && fractions.every((f) => f < 0.01), 'it was stopped near its start');

  const alreadyCancelled = { cancelled: true };
  await assert.rejects(trainer.train({ dataset: curve(10), model: 'mlp', params: {} }, () => {}, alreadyCancelled), TrainingCancelled);

  const job = { dataset: curve(100), model: 'mlp', params: { epochs: 20 } };
  assert.deepEqual(await trainer.train(job, () => {}, notCancelled()), runTrainingJob(job, () => {}, notCancelled()));
});

test('an InputError from the worker arrives as an InputError with its message; other errors as plain Errors', async () => {
  const mistakes: TrainingJob[] = [
    { dataset: curve(10), model: 'bagpipes', params: {} },
    { dataset: { ...curve(10), rows: [] }, model: 'mlp', params: {} },
    { dataset: thirds(10), model: 'linear', params: {} },
  ];
  for (const job of mistakes) {
    const expected = captureError(() => runTrainingJob(job, () => {}, notCancelled()));
    assert.ok(expected instanceof InputError, String(expected));
    await assert.rejects(trainer.train(job, () => {}, notCancelled()), (error) => {
      assert.ok(error instanceof InputError, `${String(error)} should be an InputError`);
      assert.equal(error.message, expected.message);
      return true;
    });
  }
  // A row that is not there: the session never sends one, so this is what a bug looks like.
  const broken = { dataset: { ...curve(3), rows: [null as unknown as Float64Array] }, model: 'mlp', params: {} };
  const bug = captureError(() => runTrainingJob(broken, () => {}, notCancelled()));
  assert.ok(bug instanceof TypeError, String(bug));
  await assert.rejects(trainer.train(broken, () => {}, notCancelled()), (error) => {
    assert.ok(error instanceof Error && !(error instanceof InputError), String(error));
    assert.equal(error.message, bug.message);
    return true;
  });
});

test('while the worker trains a long network, the main thread’s event loop keeps ticking', async () => {
  const job = { dataset: curve(2000), model: 'mlp', params: { epochs: 1500 } };
  const trainingStarted = performance.now();
  const gaps = await tickGapsDuring(() => trainer.train(job, () => {}, notCancelled()));
  const workerMs = performance.now() - trainingStarted;
  // Ticks come every 5 ms or so (the longest gap is typically 20–80 ms here). On a machine crowded
  // by other processes everything slows down, training included, so the bound grows with it:
  // blocked, the loop would not tick for the whole training.
  const bound = Math.max(250, workerMs / 4);
  assert.ok(gaps.longest < bound, `the event loop stalled for ${gaps.longest.toFixed(1)} ms of ${workerMs.toFixed(0)} ms training`);
  assert.ok(gaps.count >= 10, `only ${gaps.count} ticks in ${workerMs.toFixed(0)} ms`);

  // The same measure catches a blocked loop: in the caller's thread there is no tick until training ends.
  const inlineJob = { ...job, params: { epochs: 300 } };
  const started = performance.now();
  const blocked = await tickGapsDuring(async () => {
    await Promise.resolve();
    runTrainingJob(inlineJob, () => {}, notCancelled());
  });
  const trainingMs = performance.now() - started;
  assert.ok(blocked.longest >= trainingMs * 0.8, `longest gap ${blocked.longest.toFixed(1)} ms while training took ${trainingMs.toFixed(1)} ms`);
});

test('a session with the worker trainer trains its outputs and can cancel a long training', async () => {
  const settings = makeProject({ inputs: 2, outputs: [{ kind: 'continuous', min: 0, max: 2, model: 'mlp' }] });
  const inThread = new Session(settings, { now: () => 0 });
  const inWorker = new Session(settings, { now: () => 0, trainer });
  for (const session of [inThread, inWorker]) {
    session.startRecording();
    for (let x = 0; x < 1; x += 0.01) {
      session.setOutputValues([x * x + 0.5]);
      session.input([x, 1 - x]);
    }
    session.stopRecording();
    assert.deepEqual(await session.trainModels(), { ok: true, value: { trained: [0], failed: [] } });
  }
  assert.deepEqual(inWorker.modelDocument(0), inThread.modelDocument(0));

  inWorker.setModel(0, 'mlp', { epochs: 1_000_000 });
  inWorker.events.on('trainingProgress', () => inWorker.cancelTraining());
  const cancelled = await inWorker.trainModels();
  assert.deepEqual(cancelled, { ok: false, reason: 'training was cancelled; the previous models are kept' });
  assert.deepEqual(inWorker.modelDocument(0), inThread.modelDocument(0), 'the previous model stays');
});

test('closing the trainer cancels the job under way and every later one', async () => {
  const closing = workerTrainer();
  const long = closing.train({ dataset: curve(2000), model: 'mlp', params: { epochs: 100_000 } }, () => void closing.close(), notCancelled());
  await assert.rejects(long, TrainingCancelled);
  await assert.rejects(closing.train({ dataset: curve(10), model: 'knn', params: {} }, () => {}, notCancelled()), TrainingCancelled);
});

function captureError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  assert.fail('expected an error');
}

/** Runs `work` while a 5 ms interval ticks; returns the longest gap between ticks (including to the end). */
async function tickGapsDuring(work: () => Promise<unknown>): Promise<{ longest: number; count: number }> {
  let last = performance.now();
  let longest = 0;
  let count = 0;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    count++;
  };
  const timer = setInterval(tick, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
    tick();
  }
  return { longest, count };
}
