import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OscArgument, OutgoingMessage } from '../../../src/core/osc/message.ts';
import { OscFace } from '../../../src/core/osc/osc-face.ts';
import { makeProject } from '../../../src/core/project/project.ts';
import { refused } from '../../../src/core/project/result.ts';
import { Session } from '../../../src/core/project/session.ts';

function makeFace() {
  let clock = 0;
  const settings = makeProject({ inputs: ['x', 'y'], outputs: [{ kind: 'continuous', name: 'level', model: 'linear' }, { kind: 'gesture', name: 'pen', gestures: 2 }] });
  const session = new Session(settings, { now: () => (clock += 10) });
  const sent: OutgoingMessage[] = [];
  const face = new OscFace(session, {
    send: (message) => sent.push({ address: message.address, args: message.args.map((a) => ({ ...a })) }),
    warn: () => {},
    modelFiles: { save: () => refused('no files here'), load: () => refused('no files here') },
  });
  const receive = (address: string, ...args: OscArgument[]) => face.receive({ address, args });
  const setFeatures = (...args: OscArgument[]) => receive('/oscine/control/setFeatures', ...args);
  const reply = () => sent.filter((m) => m.address === '/oscine/status/setFeatures').at(-1)?.args.map((a) => a.value);
  return { session, face, sent, receive, setFeatures, reply };
}

test('setFeatures sets any output\'s features by name or number, and a model trained through OSC plays them', async () => {
  const { session, sent, receive, setFeatures, reply } = makeFace();
  setFeatures('x:velocity y:value', 'level');
  assert.deepEqual(reply(), [1, "'level' reads 1:velocity 2:value; train to use them"]);
  setFeatures('y:velocity', 2);
  assert.deepEqual(reply(), [1, "'pen' reads 2:velocity; learned again from 0 templates"]);
  assert.deepEqual(session.settings.gestureOutputs[0].features?.features, [{ input: 1, kind: 'velocity' }]);
  // level = 10 × the speed of x per second (100 frames a second), one recording round per speed.
  for (const speed of [0.01, 0.03, -0.02, 0.05]) {
    receive('/wekinator/control/outputs', speed * 100 * 10);
    receive('/wekinator/control/startRecording');
    for (let i = 0; i < 20; i++) receive('/wek/inputs', 0.3 + speed * i, 0.5);
    receive('/wekinator/control/stopRecording');
  }
  const trained = new Promise((resolve) => session.events.on('trained', resolve));
  receive('/wekinator/control/train');
  await trained;
  receive('/wekinator/control/startRunning');
  sent.length = 0;
  for (let i = 0; i < 10; i++) receive('/wek/inputs', 0.9 - 0.04 * i, 0.5);
  const levels = sent.filter((m) => m.address === '/wek/outputs').map((m) => m.args[0].value as number);
  assert.equal(levels.length, 10);
  // The first frame of each round (no velocity yet) pulls the fitted line a little.
  levels.slice(1).forEach((level) => assert.ok(Math.abs(level + 40) < 4, `${level}: x moving down at 4 a second`));
  setFeatures('none', '1');
  assert.deepEqual(reply(), [1, "'level' reads the values of x, y (no features); train again to use them"]);
});

test('setFeatures: mistakes are answered with a reason and change nothing', () => {
  const { session, face, setFeatures, reply } = makeFace();
  const answers: [OscArgument[], string][] = [
    [[], 'takes the features as one string (or "none"), and an output name or number if there are several, not 0 arguments'],
    [['1:value', 1, 2], 'takes the features as one string (or "none"), and an output name or number if there are several, not 3 arguments'],
    [[3, 1], 'the features: argument 1 is the number 3, not a string'],
    [['1:value'], 'the project has 2 outputs (level, pen); say which, by name or by number from 1'],
    [['1:value', 3], 'there is no output 3; the outputs are 1. level, 2. pen'],
    [['1:value', 'volume'], "there is no output 'volume'; the outputs are 1. level, 2. pen"],
    [['1:value', { unsupported: 'blob' }], 'the output: give its name or its number from 1'],
    [['1:jerk', 1], "'1:jerk': 'jerk' is not a feature; choose value, velocity, acceleration, min, max, mean, sd, rms, zero-crossings"],
    [['1:acceleration:2', 'level'], 'feature 1 (acceleration) needs a window of at least 3 frames, not 2'],
  ];
  const before = face.counts.badArguments;
  for (const [args, reason] of answers) {
    setFeatures(...args);
    assert.deepEqual(reply(), [0, reason], JSON.stringify(args));
  }
  assert.equal(face.counts.badArguments, before + answers.length);
  assert.equal(session.settings.outputs[0].features, undefined);
  assert.equal(session.settings.gestureOutputs[0].features, null);
});
