import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type OutputRequest, makeProject } from '../../../src/core/project/project.ts';
import { Session } from '../../../src/core/project/session.ts';
import { outputDataset } from '../../../src/core/project/training-data.ts';
import { readFeatureText } from '../../../src/core/temporal/features/feature-text.ts';
import { JavaRandom } from '../../../src/core/util/java-random.ts';

/** A session that lets a test see what each output's model is given while running. */
class Watched extends Session {
  modelInputs(output: number): Float64Array {
    const runner = this.models.runner(output);
    assert.ok(runner, `output ${output + 1} has a model`);
    return runner.modelInputs;
  }
}

function watched(inputs: string[], outputs: OutputRequest[]): Watched {
  let clock = 0;
  return new Watched(makeProject({ inputs, outputs }), { now: () => (clock += 10) });
}

/** Records one round: each frame with the output values given for it. */
function recordRound(session: Session, frames: readonly (readonly number[])[], values: (i: number) => number[]): void {
  assert.ok(session.startRecording().ok);
  frames.forEach((frame, i) => {
    assert.ok(session.setOutputValues(values(i)).ok);
    session.input(frame);
  });
  session.stopRecording();
}

/** Plays frames while running and returns, per frame, what output `watch` fed its model and what each output sent. */
function play(session: Watched, frames: readonly (readonly number[])[], watch: number) {
  assert.ok(session.startRunning().ok);
  const fed: number[][] = [];
  const sent: number[][] = [];
  for (const frame of frames) {
    session.input(frame);
    fed.push([...session.modelInputs(watch)]);
    sent.push([...session.values]);
  }
  session.stopRunning();
  return { fed, sent };
}

const withoutTarget = (rows: readonly Float64Array[]) => rows.map((row) => [...row.subarray(0, row.length - 1)]);

test('a ramp through velocity and a 3-frame mean: the model learns from, and plays on, the numbers worked out by hand', async () => {
  const session = watched(['x', 'y'], [{ kind: 'continuous', name: 'level', model: 'linear' }]);
  // At 4 frames a second, x rising by 0.25 a frame moves at 1 per second.
  recordRound(session, [[0, 1], [0.25, 2], [0.5, 3], [0.75, 4]], (i) => [i / 4]);
  recordRound(session, [[1, 0], [0.5, 0], [0, 3]], () => [0.5]);
  assert.ok(session.setFeatures(0, readFeatureText('x:velocity y:mean:3 rate=4', session.settings.inputs)).ok);
  const rows = outputDataset(session.settings, 0, session.examples());
  assert.deepEqual(rows.attributes.map((a) => a.name), ['x velocity', 'y mean', 'level']);
  // Each round starts afresh: no velocity at its first frame, a mean of what it has seen so far.
  assert.deepEqual(withoutTarget(rows.rows), [[0, 1], [1, 1.5], [1, 2], [1, 3], [0, 0], [-2, 0], [-2, 1]]);
  assert.ok((await session.trainModels()).ok);
  const { fed } = play(session, [[0, 1], [0.25, 2], [0.5, 3], [0.75, 4], [1, 5]], 0);
  assert.deepEqual(fed, [[0, 1], [1, 1.5], [1, 2], [1, 3], [1, 4]]);
});

test('the rows a model is trained on are the ones it is fed when the same stream is played live, for a classifier and a continuous output', async () => {
  const random = new JavaRandom(3);
  const frames = Array.from({ length: 240 }, (_, i) => [Math.sin(i / 7) + 0.2 * random.nextDouble(), Math.cos(i / 11) * random.nextDouble()]);
  const session = watched(['x', 'y'], [
    { kind: 'classifier', name: 'hand', classes: 3 },
    { kind: 'continuous', name: 'level', model: 'linear' },
  ]);
  recordRound(session, frames, (i) => [1 + (Math.floor(i / 30) % 3), i / 240]);
  assert.ok(session.setFeatures(0, readFeatureText('x:velocity:4 y:sd:8~euro(2,0.3) x:zero-crossings:6 y:rms x:value', session.settings.inputs)).ok);
  assert.ok(session.setFeatures(1, readFeatureText('x:acceleration:5 y:max:7~avg(3) y:min', session.settings.inputs)).ok);
  assert.ok((await session.trainModels()).ok);
  for (const output of [0, 1]) {
    const trainedOn = withoutTarget(outputDataset(session.settings, output, session.examples()).rows);
    assert.deepEqual(play(session, frames, output).fed, trainedOn, `output ${output + 1}`);
  }
  // 1-nearest-neighbour on its own training rows gives back their classes: the live features are the trained ones.
  const classes = play(session, frames, 0).sent.map((values) => values[0]);
  const recorded = session.examples().map((e) => e.outputs[0]);
  assert.ok(classes.filter((c, i) => c === recorded[i]).length >= 0.95 * frames.length);
});

test('changing features needs no recording again: the old model plays until retrained, then velocity tells up from down where positions cannot', async () => {
  const session = watched(['x'], [{ kind: 'classifier', name: 'direction', classes: 2 }]);
  const up = Array.from({ length: 50 }, (_, i) => [i / 49]);
  recordRound(session, up, () => [1]);
  recordRound(session, Array.from({ length: 50 }, (_, i) => [1 - (i + 0.5) / 49]), () => [2]);
  assert.ok((await session.trainModels()).ok);
  // An upward move between the recorded positions, nearer those of the downward take.
  const performance = Array.from({ length: 48 }, (_, i) => [(i + 0.4) / 49]);
  const heard = () => play(session, performance, 0).sent.map((values) => values[0]);
  const raw = heard();
  assert.ok(raw.filter((c) => c === 1).length < 5, `positions alone heard 'up' ${raw.filter((c) => c === 1).length} times of 48`);
  const examples = session.examples();
  const accuracy = async () => {
    const judged = await session.evaluateOutput(0, 10);
    assert.ok(judged.ok && judged.value.report.task === 'classification');
    return judged.value.report.accuracy;
  };
  const rawAccuracy = await accuracy();
  assert.ok(session.setFeatures(0, readFeatureText('x:velocity', session.settings.inputs)).ok);
  // Cross-validation judges the rows training sees: velocity tells every example but each round's first.
  assert.equal(await accuracy(), 98 / 100);
  assert.ok(rawAccuracy < 0.9, `positions alone: ${rawAccuracy}`);
  assert.equal(session.modelStatus(0), 'needs-retraining');
  assert.deepEqual(heard(), raw, 'the trained model keeps the features it was trained on');
  assert.ok((await session.trainModels()).ok);
  assert.deepEqual(heard().slice(1), new Array(47).fill(1));
  assert.deepEqual(session.examples(), examples, 'the examples stay raw');
  assert.ok(session.setFeatures(0, null).ok);
  assert.ok((await session.trainModels()).ok);
  assert.deepEqual(heard(), raw, 'back to positions, back to what positions can do');
});

test('features follow their inputs when one is removed; the trained model keeps playing them', async () => {
  const session = watched(['a', 'x', 'b'], [{ kind: 'continuous', name: 'level', model: 'linear' }]);
  const frames = Array.from({ length: 40 }, (_, i) => [i % 3, Math.sin(i / 5), i % 2]);
  recordRound(session, frames, (i) => [Math.cos(i / 5)]);
  assert.ok(session.setFeatures(0, readFeatureText('x:velocity x:value', session.settings.inputs)).ok);
  assert.deepEqual(session.settings.outputs[0].inputs, [false, true, false], 'it reads what its features read');
  assert.deepEqual(session.selectInputs(0, [0]), { ok: false, reason: "'level' reads the inputs its features read; change its features, or clear them to choose inputs" });
  assert.ok((await session.trainModels()).ok);
  const before = play(session, frames, 0).sent;
  assert.ok(session.removeInput(0).ok);
  assert.deepEqual(session.settings.outputs[0].features?.features.map((f) => f.input), [0, 0]);
  assert.equal(session.modelStatus(0), 'trained');
  assert.deepEqual(play(session, frames.map(([, x, b]) => [x, b]), 0).sent, before);
  assert.ok(session.addInput('c').ok);
  assert.deepEqual(session.settings.outputs[0].inputs, [true, false, false], 'a new input is not read by features that do not name it');
});

test('features that do not fit the project are refused with a reason, and change nothing', () => {
  const session = watched(['x'], [{ kind: 'continuous', name: 'level' }]);
  const refusal = session.setFeatures(0, { rate: 100, features: [{ input: 1, kind: 'value' }] });
  assert.deepEqual(refusal, { ok: false, reason: 'feature 1 reads input 2, but there are only 1 inputs; choose an input from 1 to 1' });
  assert.deepEqual(session.setFeatures(3, null), { ok: false, reason: 'there is no output 4; the project has 1 (numbered from 1)' });
  assert.equal(session.settings.outputs[0].features, undefined);
});
