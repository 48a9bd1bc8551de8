import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeProject } from '../../../src/core/project/project.ts';
import { Session } from '../../../src/core/project/session.ts';
import { computeFeatures } from '../../../src/core/temporal/features/feature-stream.ts';
import { readFeatureText } from '../../../src/core/temporal/features/feature-text.ts';
import { seriesOf } from '../../../src/core/temporal/series.ts';
import { JavaRandom } from '../../../src/core/util/java-random.ts';

function bowSession(seed: number) {
  const random = new JavaRandom(seed);
  /** A bow stroke from 0 to 1 in n frames, with a hand's jitter. */
  const stroke = (n: number) => Array.from({ length: n }, (_, i) => [i / (n - 1) + 0.04 * (random.nextDouble() - 0.5)]);
  let clock = 0;
  // A match may run at half to twice its template's pace, so the raw path of a slow and a fast stroke is the same.
  const settings = makeProject({ inputs: ['bow'], outputs: [{ kind: 'gesture', name: 'bowing', gestures: ['slow', 'fast'], options: { derivatives: false } }] });
  const session = new Session(settings, { now: () => (clock += 10) });
  for (const [gesture, frames] of [[0, 60], [0, 56], [1, 30], [1, 32]]) {
    session.gestures.startRecording(0, gesture);
    stroke(frames).forEach((frame) => session.input(frame));
    assert.ok(session.gestures.stopRecording().ok);
  }
  return { session, stroke };
}

test('velocity tells a slow bow stroke from a fast one where raw positions cannot, without recording again', () => {
  const { session, stroke } = bowSession(5);
  const fired: string[] = [];
  session.events.on('gestureTriggered', ({ name }) => fired.push(name));
  const performances = [...[52, 54, 56, 57, 58, 59, 60, 62, 64, 66].map((n) => ['slow', stroke(n)] as const), ...[27, 28, 29, 30, 30, 31, 31, 32, 33, 34].map((n) => ['fast', stroke(n)] as const)];
  /** Performances recognised: each stroke between rests must fire its own gesture, once. */
  const recognised = () => {
    let right = 0;
    for (const [name, frames] of performances) {
      fired.length = 0;
      session.startRunning();
      [...Array.from({ length: 10 }, () => [0]), ...frames, ...Array.from({ length: 10 }, () => [1])].forEach((frame) => session.input(frame));
      session.stopRunning();
      if (fired.length === 1 && fired[0] === name) right++;
    }
    return right;
  };
  const raw = recognised();
  assert.ok(raw <= 12, `raw positions recognised ${raw} of 20`);
  const templates = session.gestures.templates().map((t) => [...t.frames.values]);
  const changes: string[] = [];
  session.events.on('templates', ({ reason }) => changes.push(reason));
  assert.ok(session.gestures.setFeatures(0, readFeatureText('bow:velocity:5', session.settings.inputs)).ok);
  assert.deepEqual(session.settings.gestureOutputs[0].features, { rate: 100, features: [{ input: 0, kind: 'velocity', window: 5 }] });
  assert.deepEqual(session.gestures.templates().map((t) => [...t.frames.values]), templates, 'the templates stay raw');
  assert.equal(recognised(), 20);
  assert.deepEqual(changes, [], 'nothing was recorded or deleted: the model learned again from the same templates');
  assert.ok(session.gestures.setFeatures(0, null).ok);
  assert.equal(recognised(), raw, 'back to raw values, back to what raw values can do');
});

test('a template played back live meets its own features exactly: distance 0 at its last frame', () => {
  const { session } = bowSession(7);
  // Features whose history at rest is that of a fresh stream (a wider window would hold rest frames the template never had).
  const spec = readFeatureText('1:velocity 1:value~euro(2,0.1)', session.settings.inputs);
  assert.ok(session.gestures.setFeatures(0, spec).ok);
  const template = session.gestures.templates()[2];
  const frames = Array.from({ length: template.frames.length }, (_, i) => [template.frames.values[i]]);
  // Hand-computed, the first velocities: 0 (one frame only), then the change times 100 frames a second.
  const features = computeFeatures(spec!, seriesOf(frames));
  assert.deepEqual([features.values[0], features.values[2]], [0, (frames[1][0] - frames[0][0]) * 100]);
  const seen: number[] = [];
  session.events.on('gestureMatch', ({ match }) => seen.push(match.distances[1]));
  session.startRunning();
  // At rest where the stroke starts, the live features see the same history the template's did.
  [...Array.from({ length: 10 }, () => frames[0]), ...frames].forEach((frame) => session.input(frame));
  assert.equal(seen.at(-1), 0);
  assert.ok(seen.slice(0, 10).every((d) => d > 0));
});

test('features are checked against the project, and the output reads the inputs they read', () => {
  let clock = 0;
  const session = new Session(makeProject({ inputs: ['x', 'y', 'z'], outputs: [{ kind: 'gesture', name: 'hand', gestures: 2 }] }), { now: () => (clock += 10) });
  const { gestures } = session;
  const hand = () => session.settings.gestureOutputs[0];
  assert.deepEqual(gestures.setFeatures(0, { rate: 100, features: [{ input: 5, kind: 'value' }] }), {
    ok: false,
    reason: 'feature 1 reads input 6, but there are only 3 inputs; choose an input from 1 to 3',
  });
  assert.equal(hand().features, null, 'a refused spec changes nothing');
  assert.ok(gestures.setFeatures(0, readFeatureText('z:velocity x:rms', session.settings.inputs)).ok);
  assert.deepEqual(hand().inputs, [true, false, true]);
  assert.deepEqual(gestures.selectInputs(0, [1]), { ok: false, reason: "'hand' reads the inputs its features read; change its features, or clear them to choose inputs" });
  assert.ok(session.removeInput(1).ok, 'y is read by no feature');
  assert.deepEqual(hand().features?.features.map((f) => [f.input, f.kind]), [[1, 'velocity'], [0, 'rms']], 'each feature follows its input');
  assert.ok(session.addInput('w').ok);
  assert.deepEqual(hand().inputs, [true, true, false]);
  assert.ok(gestures.setFeatures(0, null).ok);
  assert.ok(gestures.selectInputs(0, [2]).ok, 'without features, inputs are chosen again');
});
