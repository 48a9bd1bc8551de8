import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OscArgument, OutgoingMessage } from '../../../src/core/osc/message.ts';
import { OscFace } from '../../../src/core/osc/osc-face.ts';
import { type OutputRequest, makeProject } from '../../../src/core/project/project.ts';
import { refused } from '../../../src/core/project/result.ts';
import { Session } from '../../../src/core/project/session.ts';
import { rest, stroke, takes } from '../project/gesture-strokes.ts';

/** A session over inputs x and y driven through the OSC face, with three templates of each stroke in gesture output 1. */
function makeFace(outputs: OutputRequest[]) {
  let clock = 0;
  const session = new Session(makeProject({ inputs: ['x', 'y'], outputs }), { now: () => (clock += 10) });
  const sent: OutgoingMessage[] = [];
  const face = new OscFace(session, {
    send: (message) => sent.push({ address: message.address, args: message.args.map((a) => ({ ...a })) }),
    warn: () => {},
    modelFiles: { save: () => refused('no files here'), load: () => refused('no files here') },
  });
  const oscine = (name: string, ...args: OscArgument[]) => face.receive({ address: `/oscine/control/${name}`, args });
  const control = (name: string) => face.receive({ address: `/wekinator/control/${name}`, args: [] });
  const input = (frame: readonly number[]) => face.receive({ address: '/wek/inputs', args: frame });
  const reply = (name: string) => sent.filter((m) => m.address === `/oscine/status/${name}`).at(-1)?.args.map((a) => a.value);
  for (const { gesture, frames } of takes()) {
    session.gestures.startRecording(0, gesture);
    frames.forEach((frame) => session.input(frame));
    session.gestures.stopRecording();
  }
  return { session, face, sent, oscine, control, input, reply };
}

test('enableGestureFollowing: after every /wek/outputs, /<output>/following with the gesture (from 1, 0 for none), progress and speed', () => {
  const { sent, oscine, control, input, reply, session } = makeFace([{ kind: 'gesture', name: 'pen strokes', gestures: 3 }]);
  oscine('enableGestureFollowing');
  assert.deepEqual(reply('enableGestureFollowing'), [1, "'pen strokes' sends /pen_strokes/following"]);
  control('startRunning');
  sent.length = 0;
  const frames = [...rest(10), ...stroke(2, 44, 0.01)];
  const following: number[][] = [];
  session.events.on('outputs', ({ following: [f] }) => following.push([f.gesture + 1, f.progress, f.speed]));
  frames.forEach(input);
  const messages = sent.filter((m) => !/^\/(oscine\/status\/|output_)/.test(m.address));
  assert.equal(messages.length, 2 * frames.length);
  messages.forEach((m, i) => assert.equal(m.address, i % 2 === 0 ? '/wek/outputs' : '/pen_strokes/following'));
  const sentFollowing = messages.filter((m) => m.address === '/pen_strokes/following');
  assert.ok(sentFollowing.every((m) => m.args.length === 3 && m.args.every((a) => a.type === 'float')), 'three floats, as every number Wekinator sends');
  assert.deepEqual(sentFollowing.map((m) => m.args.map((a) => a.value)), following);
  assert.deepEqual(following[0], [0, 0, 0], 'at rest: none');
  const last = following.at(-1)!;
  assert.equal(last[0], 3, 'the S is under way');
  assert.ok(last[1] > 0.9 && last[2] > 0.7 && last[2] < 1.3, `progress ${last[1]}, speed ${last[2]}`);
  oscine('disableGestureFollowing', 1);
  assert.deepEqual(reply('disableGestureFollowing'), [1, "'pen strokes' sends no following"]);
  sent.length = 0;
  input([0, 0]);
  assert.deepEqual(sent.map((m) => m.address), ['/wek/outputs']);
});

test('a Wekinator DTW project sends no following; mistakes in following and feature messages are answered', () => {
  const { sent, oscine, control, input, reply, face } = makeFace([{ kind: 'gesture', name: 'strokes', gestures: 3 }]);
  control('startRunning');
  sent.length = 0;
  stroke(0, 30).forEach(input);
  assert.deepEqual([...new Set(sent.map((m) => m.address))], ['/wek/outputs', '/output_1']);
  oscine('enableGestureFollowing', 2);
  assert.deepEqual(reply('enableGestureFollowing'), [0, 'there is no gesture output 2; the project has 1 (numbered from 1)']);
  oscine('enableGestureFollowing', 1, 2);
  assert.deepEqual(reply('enableGestureFollowing'), [0, 'takes optionally a gesture output number, not 2 arguments']);
  oscine('setGestureFeatures');
  assert.deepEqual(reply('setGestureFeatures'), [0, 'takes the features as one string (or "none"), and optionally a gesture output number, not 0 arguments']);
  oscine('setGestureFeatures', 3);
  assert.deepEqual(reply('setGestureFeatures'), [0, 'the features: argument 1 is the number 3, not a string']);
  const before = face.counts.badArguments;
  oscine('setGestureFeatures', '1:velocity 3:velocity');
  assert.deepEqual(reply('setGestureFeatures'), [0, "'3:velocity' reads input 3, but the inputs are numbered 1 to 2"]);
  assert.equal(face.counts.badArguments, before + 1, "a bad feature line is a bad argument");
});

test('setGestureFeatures: the output learns again from its raw templates, at once, and "none" goes back to the values', () => {
  const { oscine, reply, session } = makeFace([{ kind: 'continuous', name: 'level' }, { kind: 'gesture', name: 'strokes', gestures: 3 }]);
  const before = session.gestures.learnedThresholds(0);
  oscine('setGestureFeatures', 'x:velocity y:velocity x:value~avg(3)', 1);
  assert.deepEqual(reply('setGestureFeatures'), [1, "'strokes' matches 1:velocity 2:velocity 1:value~avg(3)"]);
  const after = session.gestures.learnedThresholds(0);
  assert.ok(after && before && after.every((t, k) => t !== before[k]), 'thresholds learned again from the same templates');
  oscine('setGestureFeatures', 'none');
  assert.deepEqual(reply('setGestureFeatures'), [1, "'strokes' matches the values of its inputs"]);
  assert.deepEqual(session.gestures.learnedThresholds(0), before);
});
