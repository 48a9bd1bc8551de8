import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OscArgument, OutgoingMessage } from '../../../src/core/osc/message.ts';
import { OscFace } from '../../../src/core/osc/osc-face.ts';
import { type OutputRequest, makeProject } from '../../../src/core/project/project.ts';
import { refused } from '../../../src/core/project/result.ts';
import { Session } from '../../../src/core/project/session.ts';
import { performance, stroke, takes } from '../project/gesture-strokes.ts';

/** A session with 2 inputs and these outputs, driven only through the OSC face, as a patch would. */
function makeFace(outputs: OutputRequest[]) {
  let clock = 0;
  const session = new Session(makeProject({ inputs: 2, outputs }), { now: () => (clock += 10) });
  const sent: OutgoingMessage[] = [];
  const warnings: string[] = [];
  const face = new OscFace(session, {
    send: (message) => sent.push({ address: message.address, args: message.args.map((a) => ({ ...a })) }),
    warn: (_, message) => warnings.push(message),
    modelFiles: { save: () => refused('no files here'), load: () => refused('no files here') },
  });
  const control = (name: string, ...args: OscArgument[]) => face.receive({ address: `/wekinator/control/${name}`, args });
  const oscine = (name: string, ...args: OscArgument[]) => face.receive({ address: `/oscine/control/${name}`, args });
  const input = (frame: readonly number[]) => face.receive({ address: '/wek/inputs', args: frame });
  const reply = (name: string) => sent.filter((m) => m.address === `/oscine/status/${name}`).at(-1)?.args.map((a) => a.value);
  return { session, face, sent, warnings, control, oscine, input, reply };
}

type Face = ReturnType<typeof makeFace>;

/** Three templates of each stroke, recorded with Wekinator's messages. */
function recordStrokes({ control, input, reply }: Face): void {
  for (const { gesture, frames } of takes()) {
    control('startDtwRecording', gesture + 1);
    assert.equal(reply('startDtwRecording')?.[0], 1, String(reply('startDtwRecording')?.[1]));
    frames.forEach(input);
    control('stopDtwRecording');
  }
}

test("a Wekinator DTW project gets exactly Wekinator's messages: one distance per gesture, then /output_k with no arguments", () => {
  const face = makeFace([{ kind: 'gesture', name: 'strokes', gestures: 4 }]);
  const { control, input, reply, sent, session } = face;
  control('startDtwRecording', 2);
  assert.deepEqual(reply('startDtwRecording'), [1, "recording a template of 'gesture-2'"]);
  stroke(1, 30).forEach(input);
  control('stopDtwRecording', 1);
  assert.deepEqual(reply('stopDtwRecording'), [1, "kept a template of 'gesture-2' (30 frames); it has 1"], 'an argument, as some patches send, is ignored');
  session.gestures.deleteAllTemplates();
  recordStrokes(face);
  assert.deepEqual(sent.filter((m) => m.address === '/wek/outputs'), [], 'recording sends no outputs');
  control('startRunning');
  assert.deepEqual(reply('startRunning'), [1, 'running']);
  sent.length = 0;
  const { frames } = performance();
  frames.forEach(input);
  const outputs = sent.filter((m) => m.address === '/wek/outputs');
  assert.equal(outputs.length, frames.length);
  assert.ok(outputs.every((m) => m.args.length === 4 && m.args.every((a) => a.type === 'float') && m.args[3].value === Infinity));
  const triggers = sent.filter((m) => /^\/output_\d$/.test(m.address));
  assert.deepEqual(triggers, ['/output_1', '/output_2', '/output_3'].map((address) => ({ address, args: [] })));
  const first = sent.findIndex((m) => m.address === '/output_1');
  assert.equal(sent[first + 1].address, '/wek/outputs', "the trigger goes first, then that frame's distances, as in Wekinator");
});

test('gestures are chosen by number, and the gesture output by an optional second number; mistakes are answered', () => {
  const face = makeFace([{ kind: 'continuous', name: 'level' }, { kind: 'gesture', name: 'left', gestures: 2 }, { kind: 'gesture', name: 'right', gestures: 3 }]);
  const { control, reply, session, face: osc } = face;
  control('startDtwRecording', 3, 2);
  assert.deepEqual(reply('startDtwRecording'), [1, "recording a template of 'gesture-3'"]);
  assert.deepEqual(session.gestures.recordingGesture, { output: 1, gesture: 2 });
  control('stopDtwRecording');
  assert.match(String(reply('stopDtwRecording')?.[1]), /^no template was kept for 'gesture-3': no input frame arrived/);
  control('startDtwRecording', 3);
  assert.deepEqual(reply('startDtwRecording'), [0, "'left' has no gesture 3; it has 2 (numbered from 1)"]);
  control('startDtwRecording', 1, 3);
  assert.deepEqual(reply('startDtwRecording'), [0, 'there is no gesture output 3; the project has 2 (numbered from 1)']);
  control('startDtwRecording');
  assert.deepEqual(reply('startDtwRecording'), [0, 'takes a gesture number, and optionally a gesture output number, not 0 arguments']);
  control('startDtwRecording', 'one');
  assert.deepEqual(reply('startDtwRecording'), [0, 'the gesture and gesture output numbers: argument 1 is a string ("one"), not a number']);
  control('selectInputsForOutput', 3, 2);
  assert.deepEqual(reply('selectInputsForOutput'), [1, 'output 3 reads inputs 2']);
  assert.deepEqual(session.settings.gestureOutputs.map((o) => o.inputs), [[true, true], [false, true]], 'gesture outputs are numbered after the others');
  control('selectInputsForOutput', 4, 1);
  assert.deepEqual(reply('selectInputsForOutput'), [0, 'there is no output 4; the project has 3 (numbered from 1)']);
  assert.deepEqual([osc.counts.refused, osc.counts.badArguments], [4, 2]);
});

test('Oscine\'s own controls turn gestures on and off, set thresholds and delete templates, answered on /oscine/status/…', () => {
  const face = makeFace([{ kind: 'gesture', name: 'strokes', gestures: 3 }]);
  const { oscine, reply, session, control, input, sent, warnings } = face;
  recordStrokes(face);
  oscine('disableGesture', 1);
  assert.deepEqual(reply('disableGesture'), [1, "'gesture-1' is off"]);
  oscine('setGestureThreshold', 2, 0);
  assert.deepEqual(reply('setGestureThreshold'), [1, "'gesture-2' matches under 0"]);
  control('startRunning');
  sent.length = 0;
  performance().frames.forEach(input);
  assert.deepEqual(sent.filter((m) => m.address.startsWith('/output_')).map((m) => m.address), ['/output_3']);
  oscine('enableGesture', 1, 1);
  oscine('setGestureThreshold', 2, 'learned');
  const learned = session.gestures.learnedThresholds(0)![1];
  assert.deepEqual(reply('setGestureThreshold'), [1, `'gesture-2' uses its learned threshold (${learned})`]);
  assert.deepEqual(session.settings.gestureOutputs[0].gestures.map((g) => [g.enabled, g.threshold]), [[true, null], [true, null], [true, null]]);
  oscine('setGestureThreshold', 2, -3);
  assert.deepEqual(reply('setGestureThreshold'), [0, 'a match threshold is a distance, 0 or more, not -3']);
  oscine('setGestureThreshold', 2);
  assert.deepEqual(reply('setGestureThreshold'), [0, 'takes a gesture number, a threshold (or "learned"), and optionally a gesture output number']);
  oscine('deleteGestureTemplates', 3);
  assert.deepEqual(reply('deleteGestureTemplates'), [1, "deleted 3 templates of 'gesture-3'"]);
  oscine('sing');
  assert.deepEqual(reply('unknown'), [0, '/oscine/control/"sing" is not an Oscine control message']);
  assert.ok(warnings.includes('/oscine/control/setGestureThreshold: a match threshold is a distance, 0 or more, not -3'));
  control('deleteAllExamples');
  assert.deepEqual(reply('deleteAllExamples'), [1, 'deleted 0 examples and 6 gesture templates'], 'as in Wekinator, templates are examples too');
});

test('/wek/outputs carries the model outputs first, then the distances of each gesture output', () => {
  const face = makeFace([{ kind: 'gesture', name: 'strokes', gestures: 3 }, { kind: 'classifier', name: 'mood', classes: 2 }, { kind: 'gesture', name: 'other', gestures: 2 }]);
  const { control, input, sent } = face;
  recordStrokes(face);
  control('startRunning');
  sent.length = 0;
  stroke(0, 40).forEach(input);
  const last = sent.filter((m) => m.address === '/wek/outputs').at(-1)!;
  const values = last.args.map((a) => a.value as number);
  assert.equal(values.length, 1 + 3 + 2);
  assert.equal(values[0], 1, "the untrained classifier's value");
  assert.ok(values[1] < values[2] && values[1] < values[3], 'the circle is nearest');
  assert.deepEqual(values.slice(4), [Infinity, Infinity], 'a gesture output without templates');
  assert.deepEqual(sent.filter((m) => m.address.startsWith('/output_')).map((m) => m.address), ['/output_1']);
});
