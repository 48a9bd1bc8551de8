import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeProject, type OutputRequest } from '../../../src/core/project/project.ts';
import { Session } from '../../../src/core/project/session.ts';
import type { GestureTemplate } from '../../../src/core/project/gesture-template.ts';
import { performance, stroke, takes } from './gesture-strokes.ts';

/** A session at 100 frames a second (10 ms per frame) with these outputs over 2 inputs. */
function makeSession(outputs: OutputRequest[] = [{ kind: 'gesture', name: 'strokes', gestures: 4 }], templates?: GestureTemplate[]) {
  let clock = 0;
  const session = new Session(makeProject({ inputs: 2, outputs }), { now: () => (clock += 10), templates });
  return session;
}

/** Records three templates of each stroke (circle, line, V) into gesture output `output`. */
function recordStrokes(session: Session, output = 0): void {
  for (const { gesture, frames } of takes()) {
    assert.ok(session.gestures.startRecording(output, gesture).ok);
    for (const frame of frames) session.input(frame);
    const kept = session.gestures.stopRecording();
    assert.ok(kept.ok && kept.value.template?.frames.length === frames.length, `gesture ${gesture + 1}`);
  }
}

test('a gesture output has 5 gestures by default, named gesture-k, sending /output_k, matched continuously', () => {
  const settings = makeProject({ inputs: 2, outputs: [{ kind: 'continuous' }, { kind: 'gesture' }, { kind: 'gesture', name: 'hands', gestures: ['wave', 'clap'] }] });
  assert.equal(settings.outputs.length, 1);
  const [first, second] = settings.gestureOutputs;
  assert.equal(first.name, 'outputs-2', 'named after its place among all outputs');
  assert.deepEqual(first.gestures.map((g) => [g.name, g.address, g.enabled, g.threshold]), [1, 2, 3, 4, 5].map((k) => [`gesture-${k}`, `/output_${k}`, true, null]));
  assert.deepEqual([first.matching, first.inputs, first.options], ['continuous', [true, true], {}]);
  assert.deepEqual(second.gestures.map((g) => [g.name, g.address]), [['wave', '/hands_1'], ['clap', '/hands_2']], 'a second gesture output does not share /output_k');
  assert.throws(() => makeProject({ inputs: 1, outputs: [{ kind: 'gesture', gestures: 0 }] }), /needs at least 1 gesture/);
  assert.throws(() => makeProject({ inputs: 1, outputs: [{ kind: 'gesture', gestures: ['a', 'a'] }] }), /two gestures of .* are called 'a'/);
  assert.throws(() => makeProject({ inputs: 1, outputs: [{ kind: 'continuous', name: 'x' }, { kind: 'gesture', name: 'x' }] }), /two outputs are called 'x'/);
});

test('running, each performed stroke fires its gesture once, late in the stroke; a gesture without templates reads +Infinity', () => {
  const session = makeSession();
  recordStrokes(session);
  assert.deepEqual(session.gestures.counts(), [[3, 3, 3, 0]]);
  const fired: [string, string, number][] = [];
  let frame = 0;
  session.events.on('gestureTriggered', ({ name, address }) => fired.push([name, address, frame]));
  const empty: number[] = [];
  session.events.on('gestureMatch', ({ output, match }) => {
    assert.equal(output, 0);
    empty.push(match.distances[3]);
  });
  let sent = 0;
  session.events.on('outputs', ({ computed }) => (sent += computed ? 1 : 0));
  assert.ok(session.startRunning().ok, 'templates are enough to run: there is no training step');
  const { frames, spans } = performance();
  for (; frame < frames.length; frame++) session.input(frames[frame]);
  assert.deepEqual(fired.map(([name, address]) => [name, address]), [['gesture-1', '/output_1'], ['gesture-2', '/output_2'], ['gesture-3', '/output_3']]);
  fired.forEach(([name, , at], g) => {
    const [start, end] = spans[g];
    assert.ok(at >= start + 0.5 * (end - start) && at <= end + 5, `${name} fired at frame ${at}, not in the second half of its stroke (${start}..${end})`);
  });
  assert.equal(sent, frames.length, 'one outputs message per frame');
  assert.ok(empty.length === frames.length && empty.every((d) => d === Infinity));
  assert.deepEqual([...session.gestures.distances()[0]].slice(3), [Infinity]);
});

test('a disabled gesture never fires and reads +Infinity; a threshold of 0 silences one; "learned" brings it back', () => {
  const session = makeSession();
  recordStrokes(session);
  const learned = session.gestures.learnedThresholds(0)!;
  assert.ok(learned.slice(0, 3).every((t) => Number.isFinite(t) && t > 0) && learned[3] === Infinity);
  assert.ok(session.gestures.setEnabled(0, 0, false).ok);
  assert.ok(session.gestures.setThreshold(0, 1, 0).ok);
  assert.equal(session.settings.gestureOutputs[0].gestures[1].threshold, 0);
  const fired: string[] = [];
  session.events.on('gestureTriggered', ({ name }) => fired.push(name));
  const circle: number[] = [];
  session.events.on('gestureMatch', ({ match }) => circle.push(match.distances[0]));
  session.startRunning();
  const play = () => performance().frames.forEach((f) => session.input(f));
  play();
  assert.deepEqual(fired, ['gesture-3']);
  assert.ok(circle.every((d) => d === Infinity));
  session.gestures.setEnabled(0, 0, true);
  session.gestures.setThreshold(0, 1, null);
  session.gestures.setAddress(0, 0, '/circle');
  assert.deepEqual(session.gestures.learnedThresholds(0), learned, 'changing thresholds learns nothing again');
  fired.length = 0;
  const addresses: string[] = [];
  session.events.on('gestureTriggered', ({ address }) => addresses.push(address));
  play();
  assert.deepEqual(fired, ['gesture-1', 'gesture-2', 'gesture-3']);
  assert.deepEqual(addresses, ['/circle', '/output_2', '/output_3']);
  assert.deepEqual(session.gestures.setThreshold(0, 0, -1), { ok: false, reason: 'a match threshold is a distance, 0 or more, not -1' });
  assert.deepEqual(session.gestures.setEnabled(0, 4, true), { ok: false, reason: "'strokes' has no gesture 5; it has 4 (numbered from 1)" });
  assert.deepEqual(session.gestures.setEnabled(1, 0, true), { ok: false, reason: 'there is no gesture output 2; the project has 1 (numbered from 1)' });
});

test('a recording too short to be a gesture is refused with what to do, and kept nowhere', () => {
  const session = makeSession();
  session.gestures.startRecording(0, 1);
  assert.deepEqual(session.gestures.stopRecording(), {
    ok: false,
    reason: "no template was kept for 'gesture-2': no input frame arrived while recording, and a template needs at least 3; send inputs while recording, and perform the whole gesture",
  });
  session.gestures.setOptions(0, { downsample: 2 });
  session.gestures.startRecording(0, 1);
  for (const frame of stroke(1, 5)) session.input(frame);
  const refusal = session.gestures.stopRecording();
  assert.ok(!refusal.ok && /only 5 input frames arrived while recording, and a template needs at least 6/.test(refusal.reason));
  assert.deepEqual(session.gestures.counts(), [[0, 0, 0, 0]]);
  assert.deepEqual(session.gestures.stopRecording(), { ok: true, value: { template: null } }, 'stopping when nothing records is harmless');
  assert.deepEqual(session.gestures.setOptions(0, { downsample: 0 }).ok, false);
  assert.deepEqual(session.settings.gestureOutputs[0].options, { downsample: 2 }, 'a refused option leaves the others as they were');
});

test('frames recorded into a gesture become neither examples nor outputs; gesture and example recording exclude each other', () => {
  const session = makeSession([{ kind: 'continuous' }, { kind: 'gesture', gestures: 2 }]);
  const events: string[] = [];
  session.events.on('gestureRecording', ({ gesture, recording }) => events.push(`${recording ? 'start' : 'stop'} ${gesture + 1}`));
  session.events.on('templates', ({ counts, reason }) => events.push(`${reason}: ${JSON.stringify(counts)}`));
  session.gestures.startRecording(0, 1);
  assert.deepEqual(session.startRecording(), { ok: false, reason: 'a gesture is being recorded; stop that recording before recording examples' });
  assert.match((session.gestures.startRecording(0, 0) as { reason: string }).reason, /'gesture-2' is being recorded; stop that recording first/);
  for (const frame of stroke(0, 20)) session.input(frame);
  session.gestures.stopRecording();
  assert.equal(session.examples().length, 0);
  assert.deepEqual(events, ['start 2', 'stop 2', "recorded 'gesture-2': [[0,1]]"]);
  session.startRecording();
  assert.deepEqual(session.gestures.startRecording(0, 0), { ok: false, reason: 'examples are being recorded; stop that recording before recording a gesture' });
});

test('model outputs and gesture outputs run side by side; running needs a trained model or some templates', async () => {
  const session = makeSession([{ kind: 'continuous', name: 'level', model: 'linear' }, { kind: 'gesture', name: 'strokes', gestures: 3 }]);
  assert.deepEqual(session.startRunning(), { ok: false, reason: 'no model is trained yet; record examples and train first, or record gesture templates' });
  session.setOutputValue(0, 0.5);
  session.startRecording();
  session.input([0, 0]);
  session.input([1, 1]);
  session.stopRecording();
  await session.trainModels();
  assert.ok(session.startRunning().ok, 'a trained model is enough');
  session.stopRunning();
  recordStrokes(session);
  const fired: string[] = [];
  session.events.on('gestureTriggered', ({ name }) => fired.push(name));
  session.startRunning();
  for (const frame of performance().frames) session.input(frame);
  assert.deepEqual(fired, ['gesture-1', 'gesture-2', 'gesture-3']);
  assert.equal(session.values[0], 0.5);
});

test('"match once": the whole run is matched when running stops, and its distances go out once', () => {
  const session = makeSession([{ kind: 'gesture', name: 'strokes', gestures: 3, matching: 'once' }]);
  recordStrokes(session);
  const fired: string[] = [];
  session.events.on('gestureTriggered', ({ name }) => fired.push(name));
  let outputs = 0;
  session.events.on('outputs', () => outputs++);
  session.startRunning();
  for (const frame of stroke(2, 41, 0.01)) session.input(frame);
  assert.deepEqual([fired, outputs], [[], 0], 'nothing is matched while running');
  session.stopRunning();
  assert.deepEqual(fired, ['gesture-3']);
  assert.equal(outputs, 1);
  const distances = session.gestures.distances()[0];
  assert.ok(distances[2] < distances[0] && distances[2] < distances[1]);
  session.stopRunning();
  assert.equal(outputs, 1, 'stopping again matches nothing');
});

test('renaming gestures and outputs, trigger addresses, and matching mode are settings, saved and announced', () => {
  const session = makeSession([{ kind: 'continuous', name: 'level' }, { kind: 'gesture', name: 'strokes', gestures: 2 }]);
  let saved = 0;
  session.events.on('project', () => saved++);
  assert.ok(session.gestures.renameGestures(0, ['circle', 'line']).ok);
  assert.deepEqual(session.gestures.renameGestures(0, ['circle', 'circle']), { ok: false, reason: "two gestures of the gesture output 'strokes' are called 'circle'; names must differ" });
  assert.ok(session.gestures.setAddress(0, 1, '/line').ok);
  assert.equal(session.gestures.setAddress(0, 1, 'line').ok, false);
  assert.ok(session.gestures.setMatching(0, 'once').ok);
  assert.ok(session.renameOutputs(['volume', 'pen']).ok, 'outputs are named in order, gesture outputs last');
  const output = session.settings.gestureOutputs[0];
  assert.deepEqual([output.name, output.matching, output.gestures.map((g) => `${g.name} ${g.address}`)], ['pen', 'once', ['circle /output_1', 'line /line']]);
  assert.equal(saved, 4);
});

test('templates outlive the session that recorded them, and follow inputs being added and removed', () => {
  const first = makeSession();
  recordStrokes(first);
  const templates = first.gestures.templates();
  assert.deepEqual(templates.map((t) => t.round), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const again = makeSession(undefined, templates);
  assert.deepEqual(again.gestures.learnedThresholds(0), first.gestures.learnedThresholds(0));
  assert.ok(again.addInput('pressure').ok);
  assert.deepEqual(again.settings.gestureOutputs[0].inputs, [true, true, false], 'the templates have no pressure: it is not read');
  assert.ok(again.gestures.templates().every((t) => t.frames.width === 3 && Number.isNaN(t.frames.values[2])));
  assert.deepEqual(again.gestures.learnedThresholds(0), first.gestures.learnedThresholds(0));
  assert.ok(again.removeInput(0).ok);
  assert.deepEqual(again.settings.gestureOutputs[0].inputs, [true, false]);
  assert.deepEqual(again.gestures.templates()[0].frames.values.slice(0, 2), Float64Array.of(templates[0].frames.values[1], Number.NaN));
  assert.deepEqual(again.removeInput(0), { ok: false, reason: "'strokes' reads only 'inputs-2'; select other inputs for it first" });
  assert.deepEqual(again.gestures.deleteTemplates(0, 1), { ok: true, value: { deleted: 3 } });
  assert.deepEqual(again.gestures.counts(), [[3, 0, 3, 0]]);
  assert.deepEqual(again.gestures.deleteAllTemplates(), { ok: true, value: { deleted: 6 } });
  assert.equal(again.gestures.ready, false);
});

test('deleting templates can be undone and redone, with examples in the same history', () => {
  const session = makeSession([{ kind: 'continuous' }, { kind: 'gesture', name: 'strokes', gestures: 3 }]);
  recordStrokes(session);
  session.startRecording();
  session.input([0, 0]);
  session.stopRecording();
  const reasons: string[] = [];
  session.events.on('templates', ({ reason }) => reasons.push(reason));
  session.gestures.deleteTemplates(0, 2);
  session.deleteAllExamples();
  assert.deepEqual(session.undoable(), { undo: 'delete all examples', redo: undefined });
  session.undo();
  assert.deepEqual(session.undo(), { ok: true, value: { undone: "delete the templates of 'gesture-3'" } });
  assert.deepEqual([session.gestures.counts(), session.examples().length], [[[3, 3, 3]], 1]);
  session.redo();
  assert.deepEqual(session.gestures.counts(), [[3, 3, 0]]);
  session.gestures.deleteAllTemplates();
  assert.equal(session.gestures.ready, false);
  session.undo();
  assert.deepEqual(session.gestures.counts(), [[3, 3, 0]]);
  assert.deepEqual(reasons, ["delete the templates of 'gesture-3'", "undo: delete the templates of 'gesture-3'", "redo: delete the templates of 'gesture-3'", 'delete every template', 'undo: delete every template']);
});
