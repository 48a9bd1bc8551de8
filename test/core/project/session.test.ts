import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeProject } from '../../../src/core/project/project.ts';
import { Session } from '../../../src/core/project/session.ts';
import { inlineTrainer, type Trainer } from '../../../src/core/project/trainer.ts';
import type { SessionEvents } from '../../../src/core/project/session-events.ts';

/** A session with 2 inputs, a continuous output (0..10, linear) and a 3-class classifier (knn). */
function makeSession() {
  const settings = makeProject({
    inputs: 2,
    outputs: [
      { kind: 'continuous', min: 0, max: 10, model: 'linear' },
      { kind: 'classifier', classes: 3 },
    ],
  });
  let clock = 1000;
  const session = new Session(settings, { now: () => clock++ });
  const seen: Array<keyof SessionEvents> = [];
  for (const name of ['state', 'example', 'examples', 'outputs', 'trainingProgress', 'modelStatus', 'trained', 'rejected'] as const) {
    session.events.on(name, () => seen.push(name));
  }
  return { session, seen };
}

/** Records y = x0 + x1 on output 1, and class = which third of x0 on output 2. */
function recordLine(session: Session, from = 0, to = 3): void {
  assert.ok(session.startRecording().ok);
  for (let x = from; x < to; x += 0.25) {
    const klass = x < 1 ? 1 : x < 2 ? 2 : 3;
    assert.ok(session.setOutputValues([x + 0.5, klass]).ok);
    session.input([x, 0.5]);
  }
  session.stopRecording();
}

test('a new project has Wekinator defaults', () => {
  const settings = makeProject({ inputs: 3, outputs: [{ kind: 'continuous' }, { kind: 'classifier', classes: 4 }] });
  assert.deepEqual(settings.inputs, ['inputs-1', 'inputs-2', 'inputs-3']);
  assert.deepEqual(settings.outputs.map((o) => [o.name, o.model]), [['outputs-1', 'mlp'], ['outputs-2', 'knn']]);
  const continuous = settings.outputs[0];
  assert.ok(continuous.kind === 'continuous' && continuous.min === 0 && continuous.max === 1 && !continuous.hardLimits && !continuous.integer);
  assert.deepEqual(settings.osc, { port: 6448, host: '127.0.0.1', inputAddress: '/wek/inputs', outputAddress: '/wek/outputs', outputHost: '127.0.0.1', outputPort: 12000 });
  assert.deepEqual(continuous.inputs, [true, true, true]);
  assert.throws(() => makeProject({ inputs: 1, outputs: [{ kind: 'classifier', classes: 1 }] }), /at least 2 classes/);
});

test('frames while recording become examples with the current output values, in numbered rounds', () => {
  const { session } = makeSession();
  session.setToggle('record', [1], false);
  assert.deepEqual(session.startRecording(), { ok: true, value: { round: 1 } });
  session.setOutputValues([4, 2]);
  session.input([1, 2]);
  session.stopRecording();
  assert.deepEqual(session.startRecording(), { ok: true, value: { round: 2 } });
  session.input([3, 4]);
  session.stopRecording();
  session.input([5, 6]); // idle: ignored
  const examples = session.examples();
  assert.equal(examples.length, 2);
  assert.deepEqual([...examples[0].inputs], [1, 2]);
  assert.equal(examples[0].outputs[0], 4);
  assert.ok(Number.isNaN(examples[0].outputs[1]), 'an output whose record toggle is off gets a missing value');
  assert.deepEqual(examples.map((e) => e.round), [1, 2]);
  assert.deepEqual(examples.map((e) => e.time), [1000, 1001]);
  assert.deepEqual(session.exampleCounts(), [2, 0]);
});

test('a frame with the wrong count or a NaN is rejected, counted and explained; the session goes on', () => {
  const { session } = makeSession();
  const reasons: string[] = [];
  session.events.on('rejected', (e) => reasons.push(e.reason));
  session.startRecording();
  session.input([1]);
  session.input([1, Number.NaN]);
  session.input([1, Infinity]);
  session.input([1, 2]);
  assert.deepEqual(session.rejections, { wrongCount: 1, notANumber: 2 });
  assert.deepEqual(reasons, ['expected 2 input values, got 1', 'input 2 (inputs-2) is NaN, not a number', 'input 2 (inputs-2) is Infinity, not a number']);
  assert.equal(session.examples().length, 1);
});

test("Wekinator's state rules: running needs a model, recording takes precedence, training off the input path", async () => {
  const { session } = makeSession();
  assert.deepEqual(session.startRunning(), { ok: false, reason: 'no model is trained yet; record examples and train first' });
  assert.equal((await session.trainModels()).ok, false);
  recordLine(session);
  session.startRecording();
  assert.equal(session.startRunning().ok, false, 'cannot run while recording');
  assert.equal((await session.trainModels()).ok, false, 'cannot train while recording');
  session.stopRecording();
  const trained = await session.trainModels();
  assert.deepEqual(trained, { ok: true, value: { trained: [0, 1], failed: [] } });
  assert.ok(session.startRunning().ok);
  assert.equal(session.state, 'running');
  assert.ok(session.startRecording().ok, 'recording takes precedence over running');
  assert.equal(session.state, 'recording');
});

test('while models train, a running session keeps playing the old models, and runs the new ones afterwards', async () => {
  const settings = makeProject({ inputs: 2, outputs: [{ kind: 'continuous', min: 0, max: 10, model: 'linear' }] });
  const inline = inlineTrainer(() => 0);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const trainer: Trainer = { ...inline, train: async (...args) => (await held, inline.train(...args)) };
  const session = new Session(settings, { trainer });
  const line = (slope: number) => {
    session.startRecording();
    for (let x = 0; x < 3; x += 0.5) {
      session.setOutputValues([slope * x]);
      session.input([x, 0]);
    }
    session.stopRecording();
  };
  line(1);
  release();
  await session.trainModels();
  const played: number[] = [];
  session.events.on('outputs', (e) => e.computed && played.push(e.values[0]));
  assert.ok(session.startRunning().ok);

  session.deleteAllExamples();
  line(2); // recording stops running, as in Wekinator
  assert.ok(session.startRunning().ok);
  const slow = new Promise<void>((resolve) => (release = resolve));
  trainer.train = async (...args) => (await slow, inline.train(...args));
  const training = session.trainModels();
  assert.equal(session.state, 'training');
  assert.ok(session.playing);
  session.input([2, 0]);
  assert.ok(Math.abs(played.at(-1)! - 2) < 1e-6, `the old model (y = x) plays during training: ${played.at(-1)}`);
  release();
  await training;
  assert.equal(session.state, 'running');
  session.input([2, 0]);
  assert.ok(Math.abs(played.at(-1)! - 4) < 1e-6, `the new model (y = 2x) plays after: ${played.at(-1)}`);

  session.stopRunning();
  const quiet = session.trainModels();
  assert.equal(session.playing, false);
  session.input([2, 0]);
  assert.equal(played.length, 2, 'a session that was not running does not play while training');
  await quiet;
  assert.equal(session.state, 'idle');
});

test('a model whose settings or examples change while it trains comes back as needing retraining', async () => {
  const settings = makeProject({ inputs: 2, outputs: [{ kind: 'continuous', min: 0, max: 10, model: 'linear' }] });
  const inline = inlineTrainer(() => 0);
  let release = () => {};
  const trainer: Trainer = { ...inline, train: async (...args) => (await new Promise<void>((resolve) => (release = resolve)), inline.train(...args)) };
  const session = new Session(settings, { trainer });
  session.startRecording();
  for (let x = 0; x < 3; x += 0.5) {
    session.setOutputValues([x]);
    session.input([x, 0]);
  }
  session.stopRecording();
  const train = async (meanwhile: () => void) => {
    const training = session.trainModels();
    meanwhile();
    release();
    assert.ok((await training).ok);
  };
  await train(() => {});
  assert.equal(session.modelStatus(0), 'trained');
  await train(() => assert.ok(session.setModel(0, 'knn').ok));
  assert.equal(session.modelStatus(0), 'needs-retraining', 'trained as linear, but the output now asks for knn');
  await train(() => {});
  assert.equal(session.modelStatus(0), 'trained');
  await train(() => session.deleteAllExamples());
  assert.equal(session.modelStatus(0), 'needs-retraining', 'its examples were deleted meanwhile');
});

test('running turns each frame into one value per output: classes from 1, hard limits, whole numbers', async () => {
  const { session } = makeSession();
  recordLine(session);
  await session.trainModels();
  const sent: number[][] = [];
  session.events.on('outputs', (e) => e.computed && sent.push([...e.values]));
  session.startRunning();
  session.input([1.5, 0.5]);
  assert.ok(Math.abs(sent[0][0] - 2) < 1e-6, `linear output ${sent[0][0]}`);
  assert.equal(sent[0][1], 2);
  session.input([20, 0.5]); // far beyond the range: soft limits let it go
  assert.ok(sent[1][0] > 19);
  assert.equal(sent[1][1], 3);
  session.stopRunning();
  session.setOutputOptions(0, { hardLimits: true, integer: true });
  session.startRunning();
  session.input([20, 0.5]);
  assert.equal(sent[2][0], 10, 'hard limits clamp to the maximum');
  session.input([2.3, 0.5]);
  assert.equal(sent[3][0], 2, 'integer outputs are truncated (2.8 → 2)');
});

test('untrained or run-off outputs keep their current value while running', async () => {
  const { session } = makeSession();
  session.setToggle('record', [1], false);
  recordLine(session);
  await session.trainModels();
  assert.equal(session.modelStatus(1), 'untrained');
  session.setOutputValues([0, 3]);
  session.setToggle('run', [0], false);
  session.setToggle('run', [1], true);
  session.startRunning();
  session.input([1.5, 0.5]);
  assert.deepEqual([...session.values], [0, 3]);
});

test('train trains only the outputs marked and with examples, with progress and status events', async () => {
  const { session, seen } = makeSession();
  recordLine(session);
  session.setToggle('train', [0], false);
  const statuses: string[] = [];
  session.events.on('modelStatus', (e) => statuses.push(`${e.output}:${e.status}`));
  const result = await session.trainModels();
  assert.deepEqual(result, { ok: true, value: { trained: [1], failed: [] } });
  assert.deepEqual(statuses, ['1:training', '1:trained']);
  assert.ok(seen.includes('trainingProgress') || seen.includes('trained'));
  assert.equal(session.modelStatus(0), 'untrained');
  session.startRecording();
  session.input([0.1, 0.1]);
  session.stopRecording();
  assert.equal(session.modelStatus(1), 'needs-retraining', 'new examples make a trained model stale');
});

test('cancelling training keeps the previous model', async () => {
  const settings = makeProject({ inputs: 2, outputs: [{ kind: 'continuous', min: 0, max: 10 }] });
  const session = new Session(settings);
  session.startRecording();
  for (let x = 0; x < 3; x += 0.25) {
    session.setOutputValues([x]);
    session.input([x, 1]);
  }
  session.stopRecording();
  assert.ok(session.setModel(0, 'mlp', { epochs: 100000 }).ok);
  session.events.on('trainingProgress', (e) => e.fraction > 0.0001 && session.cancelTraining());
  const result = await session.trainModels();
  assert.deepEqual(result, { ok: false, reason: 'training was cancelled; the previous models are kept' });
  assert.equal(session.modelStatus(0), 'untrained');
  assert.equal(session.state, 'idle');
  assert.equal(session.cancelTraining().ok, false);
});

test('deleting the last round, then undo and redo', () => {
  const { session } = makeSession();
  recordLine(session, 0, 1);
  recordLine(session, 1, 2);
  assert.deepEqual(session.exampleCounts(), [8, 8]);
  assert.deepEqual(session.deleteLastRound(), { ok: true, value: { deleted: 4 } });
  assert.deepEqual(session.exampleCounts(), [4, 4]);
  assert.deepEqual(session.undoable(), { undo: 'delete recording round 2', redo: undefined });
  assert.deepEqual(session.undo(), { ok: true, value: { undone: 'delete recording round 2' } });
  assert.deepEqual(session.exampleCounts(), [8, 8]);
  assert.ok(session.redo().ok);
  assert.deepEqual(session.exampleCounts(), [4, 4]);
  assert.deepEqual(session.deleteExamplesOfOutput(1), { ok: true, value: { deleted: 4 } });
  assert.deepEqual(session.exampleCounts(), [4, 0]);
  assert.ok(session.undo().ok);
  assert.deepEqual(session.exampleCounts(), [4, 4]);
  assert.deepEqual(session.deleteAllExamples(), { ok: true, value: { deleted: 4 } });
  assert.deepEqual(session.exampleCounts(), [0, 0]);
  assert.ok(session.undo().ok);
  assert.deepEqual(session.exampleCounts(), [4, 4]);
  assert.ok(session.redo().ok);
  assert.equal(session.redo().ok, false, 'nothing left to redo');
  assert.deepEqual(session.exampleCounts(), [0, 0]);
});

test('each output reads only the inputs selected for it', async () => {
  const { session } = makeSession();
  assert.ok(session.selectInputs(0, [1]).ok);
  assert.equal(session.selectInputs(0, []).ok, false);
  assert.equal(session.selectInputs(0, [5]).ok, false);
  recordLine(session);
  await session.trainModels();
  const document = session.modelDocument(0);
  assert.deepEqual(document?.inputs.map((c) => c.name), ['inputs-2']);
  session.startRunning();
  session.input([2.5, 0.5]);
  // Input 2 is always 0.5 in the examples, so the model cannot see x0: it predicts the mean
  // of the targets, (0 + 0.25 + … + 2.75) / 12 + 0.5 = 1.875.
  assert.ok(Math.abs(session.values[0] - 1.875) < 1e-6, String(session.values[0]));
});

test('changing an output’s model checks the algorithm and its parameters', () => {
  const { session } = makeSession();
  assert.deepEqual(session.setModel(1, 'linear'), { ok: false, reason: "linear cannot do classification, which 'outputs-2' needs" });
  assert.match((session.setModel(0, 'knn', { k: 0 }) as { reason: string }).reason, /'k' must be at least 1/);
  assert.match((session.setModel(0, 'forest') as { reason: string }).reason, /no model called 'forest'/);
  assert.ok(session.setModel(0, 'knn', { k: '3' }).ok);
  const output = session.settings.outputs[0];
  assert.equal(output.model, 'knn');
  assert.deepEqual(output.params, { k: 3 });
});

test('inputs can be added, renamed and removed, with warnings about existing examples', async () => {
  const { session } = makeSession();
  recordLine(session);
  await session.trainModels();
  const added = session.addInput('tilt');
  assert.ok(added.ok && added.warning?.includes("12 existing examples have no value for 'tilt'"));
  assert.ok(Number.isNaN(session.examples()[0].inputs[2]));
  assert.equal(session.modelStatus(0), 'needs-retraining');
  assert.ok(session.renameInputs(['x', 'y', 'tilt']).ok);
  assert.equal(session.renameInputs(['x', 'x', 'tilt']).ok, false);
  const trained = await session.trainModels();
  assert.ok(trained.ok, JSON.stringify(trained));
  const removed = session.removeInput(1);
  assert.ok(removed.ok && removed.warning?.includes("'y' and its values are gone from 12 examples"), JSON.stringify(removed));
  assert.deepEqual(session.settings.inputs, ['x', 'tilt']);
  assert.equal(session.examples()[0].inputs.length, 2);
  assert.equal(session.modelStatus(0), 'untrained', 'a model that read the removed input cannot play');
  session.input([1, 2]);
});

test('an output can be judged by cross-validation or on its training data', async () => {
  const { session } = makeSession();
  recordLine(session);
  const evaluation = await session.evaluateOutput(1, 3);
  assert.ok(evaluation.ok && evaluation.value.report.task === 'classification' && evaluation.value.report.examples === 12);
  const training = await session.evaluateOutput(1, 0);
  assert.ok(training.ok && training.value.report.task === 'classification' && training.value.report.accuracy === 1);
  assert.equal((await session.evaluateOutput(1, 20)).ok, false);
  assert.equal((await session.evaluateOutput(7)).ok, false);
});

test('a saved model goes into an output only if it fits: task, classes and inputs', async () => {
  const { session } = makeSession();
  recordLine(session);
  await session.trainModels();
  const line = session.modelDocument(0)!;
  const classes = session.modelDocument(1)!;
  const other = makeSession().session;
  assert.deepEqual(other.loadModel(1, line), { ok: false, reason: "this model cannot play 'outputs-2': it does regression and the output needs classification" });
  assert.deepEqual(other.loadModel(0, classes), { ok: false, reason: "this model cannot play 'outputs-1': it does classification and the output needs regression" });
  other.selectInputs(0, [1]);
  assert.deepEqual(other.loadModel(0, line), { ok: false, reason: "this model cannot play 'outputs-1': it reads 2 inputs and the output is set to read 1" });
  assert.deepEqual(other.loadModel(2, line), { ok: false, reason: 'there is no output 3; the project has 2 (numbered from 1)' });
  other.selectInputs(0, [0, 1]);
  assert.ok(other.loadModel(0, line).ok);
  assert.ok(other.loadModel(1, { ...classes, algorithm: 'knn' }).ok);
  assert.equal(other.modelStatus(0), 'trained');
  assert.equal(other.settings.outputs[0].model, 'linear', 'the output takes the model’s algorithm');
  assert.ok(other.startRunning().ok);
  other.input([1.5, 0.5]);
  assert.deepEqual([...other.values], [...(session.startRunning(), session.input([1.5, 0.5]), session.values)]);
  const fewer = makeProject({ inputs: 2, outputs: [{ kind: 'classifier', classes: 2 }] });
  assert.deepEqual(new Session(fewer).loadModel(0, classes), { ok: false, reason: "this model cannot play 'outputs-1': it knows 3 classes and the output has 2" });
});
