import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OscArgument, OutgoingMessage } from '../../../src/core/osc/message.ts';
import { OscFace } from '../../../src/core/osc/osc-face.ts';
import { makeProject } from '../../../src/core/project/project.ts';
import { refused } from '../../../src/core/project/result.ts';
import { Session } from '../../../src/core/project/session.ts';
import { takes } from '../project/gesture-strokes.ts';

function makeFace() {
  let clock = 0;
  const settings = makeProject({ inputs: ['x', 'y'], outputs: [{ kind: 'continuous', name: 'level' }, { kind: 'gesture', name: 'pen', gestures: 3 }] });
  const session = new Session(settings, { now: () => (clock += 10) });
  for (const { gesture, frames } of takes()) {
    session.gestures.startRecording(0, gesture);
    frames.forEach((frame) => session.input(frame));
    session.gestures.stopRecording();
  }
  const sent: OutgoingMessage[] = [];
  const face = new OscFace(session, {
    send: (message) => sent.push({ address: message.address, args: message.args.map((a) => ({ ...a })) }),
    warn: () => {},
    modelFiles: { save: () => refused('no files here'), load: () => refused('no files here') },
  });
  const setOption = (...args: OscArgument[]) => face.receive({ address: '/oscine/control/setGestureOption', args });
  const reply = () => sent.filter((m) => m.address === '/oscine/status/setGestureOption').at(-1)?.args.map((a) => a.value);
  return { session, face, setOption, reply };
}

test('setGestureOption changes one matcher option, stored with the output, and the output learns again at once', () => {
  const { session, setOption, reply } = makeFace();
  const learned = session.gestures.learnedThresholds(0)!;
  setOption('thresholdSpread', 4);
  assert.deepEqual(reply(), [1, "'pen' matches with thresholdSpread=4; learned again from 9 templates"]);
  const wider = session.gestures.learnedThresholds(0)!;
  wider.forEach((threshold, g) => assert.ok(threshold > learned[g], `gesture ${g + 1}: ${threshold} is looser than ${learned[g]}`));
  setOption('pattern', 'symmetric', 1);
  setOption('radius', 'none');
  setOption('derivatives', 0);
  assert.deepEqual(reply(), [1, "'pen' matches with derivatives=off; learned again from 9 templates"]);
  assert.deepEqual(session.settings.gestureOutputs[0].options, { thresholdSpread: 4, pattern: 'symmetric', radius: null, derivatives: false });
});

test('setGestureOption: mistakes are answered with a reason, and the options are left as they were', () => {
  const { session, face, setOption, reply } = makeFace();
  const answers: [OscArgument[], string][] = [
    [['radius'], 'takes an option name, its value, and optionally a gesture output number, not 1 argument'],
    [[2, 3], 'the option name: argument 1 is the number 2, not a string'],
    [['band', 3], "'band' is not a gesture option; choose pattern, radius, lengthNormalisation, inputNormalisation, downsample, derivatives, thresholdSpread, hysteresis, minTriggerInterval"],
    [['radius', 'wide'], "gesture option 'radius' takes a number (or none), not 'wide'"],
    [['downsample', 0], "gesture option 'downsample' is not valid: Too small: expected number to be >=1"],
    [['radius', { unsupported: 'blob' }], "the value of 'radius': give a number or a word"],
    [['radius', 3, 2], 'there is no gesture output 2; the project has 1 (numbered from 1)'],
  ];
  const before = face.counts.badArguments;
  for (const [args, reason] of answers) {
    setOption(...args);
    assert.deepEqual(reply(), [0, reason], JSON.stringify(args));
  }
  assert.equal(face.counts.badArguments, before + answers.length - 1, 'a missing output is where the session stands, not what the message carried');
  assert.deepEqual(session.settings.gestureOutputs[0].options, {});
});
