import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModelDocument } from '../../../src/core/format/model-document.ts';
import type { OscArgument, OutgoingMessage } from '../../../src/core/osc/message.ts';
import { DONE_TRAINING, OscFace, type WarningKind } from '../../../src/core/osc/osc-face.ts';
import { makeProject } from '../../../src/core/project/project.ts';
import { done, refused } from '../../../src/core/project/result.ts';
import { Session } from '../../../src/core/project/session.ts';

/**
 * A session with 2 inputs → "pitch" (continuous 0..10, linear regression) and "mood" (3-class
 * kNN with probabilities on), driven only through the OSC face, as a patch would.
 */
function makeFace() {
  const settings = makeProject({
    inputs: 2,
    outputs: [
      { kind: 'continuous', name: 'pitch', min: 0, max: 10, model: 'linear' },
      { kind: 'classifier', name: 'mood', classes: 3, probabilities: true },
    ],
  });
  let clock = 1000;
  const session = new Session(settings, { now: () => clock++ });
  const sent: OutgoingMessage[] = [];
  const raw: OutgoingMessage[] = [];
  const warnings: Array<[WarningKind, string]> = [];
  const saved: Array<[string, ModelDocument]> = [];
  const face = new OscFace(session, {
    // Outgoing messages are refilled in place, so the test keeps a copy of each.
    send: (message) => {
      raw.push(message);
      sent.push({ address: message.address, args: message.args.map((a) => ({ ...a })) });
    },
    warn: (kind, message) => warnings.push([kind, message]),
    modelFiles: {
      save: (path, document) => (saved.push([path, document]), done(`/projects/${path}`)),
      load: (path) => {
        const file = [...saved].reverse().find(([name]) => name === path);
        return file ? done({ document: file[1], from: `/projects/${path}` }) : refused(`there is no model file /projects/${path}`);
      },
    },
  });
  const control = (name: string, ...args: OscArgument[]) => face.receive({ address: `/wekinator/control/${name}`, args });
  const input = (...args: OscArgument[]) => face.receive({ address: '/wek/inputs', args });
  return { session, face, sent, raw, warnings, saved, control, input };
}

/** The values of a sent message, e.g. [1, 'running'] for `/oscine/status/startRunning 1 "running"`. */
const values = (message: OutgoingMessage) => message.args.map((a) => a.value);
const sentTo = (sent: OutgoingMessage[], address: string) => sent.filter((m) => m.address === address);
const lastReply = (sent: OutgoingMessage[], command: string) => sentTo(sent, `/oscine/status/${command}`).at(-1);

/** Waits until an asynchronous command (train) has been answered. */
async function answered(sent: OutgoingMessage[], command: string): Promise<OutgoingMessage> {
  for (let i = 0; i < 1000; i++) {
    const reply = lastReply(sent, command);
    if (reply) return reply;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`no answer to ${command}`);
}

/** Two recording rounds of pitch = x0 + 0.5 and mood = which third of x0, all through OSC. */
function recordTwoRounds(control: (name: string, ...args: OscArgument[]) => void, input: (...args: OscArgument[]) => void): void {
  for (const [from, to] of [
    [0, 1.5],
    [1.5, 3],
  ]) {
    control('startRecording');
    for (let x = from; x < to; x += 0.25) {
      control('outputs', x + 0.5, x < 1 ? 1 : x < 2 ? 2 : 3);
      input(x, 0.5);
    }
    control('stopRecording');
  }
}

test('a whole Wekinator session through OSC: set outputs, record two rounds, train, run, read the outputs back', async () => {
  const { session, sent, control, input } = makeFace();
  recordTwoRounds(control, input);
  assert.equal(session.examples().length, 12);
  assert.deepEqual(values(lastReply(sent, 'startRecording')!), [1, 'recording round 2']);
  assert.deepEqual(
    session.examples().map((e) => e.round),
    [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2],
  );

  control('train');
  assert.deepEqual(values(await answered(sent, 'train')), [1, 'trained pitch, mood']);
  const done = sent.findIndex((m) => m.address === DONE_TRAINING);
  assert.ok(done >= 0, 'Wekinator’s done-training message is sent after training');
  assert.deepEqual(sent[done].args, []);

  control('startRunning');
  assert.deepEqual(values(lastReply(sent, 'startRunning')!), [1, 'running']);
  const before = sent.length;
  input(1.25, 0.5);
  const frame = sent.slice(before);
  assert.deepEqual(
    frame.map((m) => m.address),
    ['/wek/outputs', '/mood'],
    'one outputs message per frame, then the classifier’s distribution, as Wekinator orders them',
  );
  const [outputs, mood] = frame;
  assert.ok(outputs.args.every((a) => a.type === 'float'), 'outputs go out as float32, as in Wekinator');
  const [pitch, klass] = values(outputs) as number[];
  assert.ok(Math.abs(pitch - 1.75) < 1e-6, `linear regression learned pitch = x0 + 0.5 (got ${pitch})`);
  assert.equal(klass, 2, 'x0 = 1.25 is in the middle third; kNN with k = 1 finds the example at 1.25');
  // K+1 floats: class 0 (never used) first, then classes 1..3. Weka's IBk starts every class
  // at 1/n (n = 12 examples) and adds 1 for the nearest neighbour's: (1, 13, 1) / 15.
  const expected = [0, 1 / 15, 13 / 15, 1 / 15];
  assert.equal(mood.args.length, 4);
  (values(mood) as number[]).forEach((p, k) => assert.ok(Math.abs(p - expected[k]) < 1e-12, `class ${k}: ${p} vs ${expected[k]}`));
  assert.ok(mood.args.every((a) => a.type === 'float'));
});

test('control messages count outputs and inputs from 1, and reach the engine commands', () => {
  const { session, sent, control, input } = makeFace();
  control('disableModelRecording', 2);
  assert.deepEqual(session.record, [true, false]);
  control('enableModelRecording', 2.0); // Pure Data sends every number as a float
  assert.deepEqual(session.record, [true, true]);
  control('disableModelRunning', 1, 2);
  assert.deepEqual(session.run, [false, false]);
  control('enableModelRunning', 1);
  assert.deepEqual(session.run, [true, false]);
  assert.deepEqual(values(lastReply(sent, 'enableModelRunning')!), [1, 'running on for output 1']);

  control('selectInputsForOutput', 1, 2);
  assert.deepEqual(session.settings.outputs[0].inputs, [false, true]);
  control('setInputNames', 'x', 'y');
  control('setOutputNames', 'pitch', 'colour');
  assert.deepEqual(session.settings.inputs, ['x', 'y']);
  assert.deepEqual(
    session.settings.outputs.map((o) => o.name),
    ['pitch', 'colour'],
  );

  control('startRecording');
  control('outputs', 5, 3);
  input(1, 2);
  input(3, 4);
  control('stopRecording');
  control('deleteExamplesForOutput', 2);
  assert.deepEqual(values(lastReply(sent, 'deleteExamplesForOutput')!), [1, 'cleared output 2 from 2 examples']);
  assert.deepEqual(session.exampleCounts(), [2, 0]);
  control('deleteAllExamples');
  assert.deepEqual(values(lastReply(sent, 'deleteAllExamples')!), [1, 'deleted 2 examples']);
  assert.equal(session.examples().length, 0);

  control('enableModelRecording', 3);
  assert.deepEqual(values(lastReply(sent, 'enableModelRecording')!), [0, 'there is no output 3; the project has 2 (numbered from 1)']);
  control('selectInputsForOutput', 2, 5);
  assert.deepEqual(values(lastReply(sent, 'selectInputsForOutput')!), [0, 'there is no input 5; the project has 2 (numbered from 1)']);
});

test('input frames: int32, float32 and double are all numbers; wrong counts, NaN and text are dropped with a counted warning', () => {
  const { session, face, warnings, control, input } = makeFace();
  control('startRecording');
  input(1, 2); // ChucK sends `1 => xmit.add` as an int32, which Wekinator read as 0
  input(0.5, 2.5);
  input(1, 2, 3);
  input(Number.NaN, 1);
  input('one', 2);
  input();
  control('stopRecording');
  assert.deepEqual(
    session.examples().map((e) => [...e.inputs]),
    [
      [1, 2],
      [0.5, 2.5],
    ],
  );
  assert.deepEqual(session.rejections, { wrongCount: 2, notANumber: 1 });
  assert.equal(face.counts.inputs, 6);
  assert.equal(face.counts.badArguments, 1);
  assert.deepEqual(warnings, [
    ['input', '/wek/inputs: expected 2 input values, got 3; frame dropped'],
    ['input', '/wek/inputs: input 1 (inputs-1) is NaN, not a number; frame dropped'],
    ['input', '/wek/inputs: input 1 is a string ("one"), not a number; frame dropped'],
    ['input', '/wek/inputs: expected 2 input values, got 0; frame dropped'],
  ]);
});

test('unknown addresses and bad arguments are counted and answered on /oscine/status, never thrown', () => {
  const { session, face, sent, warnings, control } = makeFace();
  const cases: Array<[string, OscArgument[], string, RegExp]> = [
    ['outputs', [1, 'two'], 'outputs', /^output values: argument 2 is a string \("two"\), not a number$/],
    ['outputs', [1], 'outputs', /^takes 2 output values, one per output, not 1 argument$/],
    ['outputs', [1, 7], 'outputs', /^'mood' takes a class from 1 to 3, not 7$/],
    ['deleteExamplesForOutput', [], 'deleteExamplesForOutput', /^takes one output number, not 0 arguments$/],
    ['deleteExamplesForOutput', [1.5], 'deleteExamplesForOutput', /^the output number: argument 1 is 1\.5, not a whole number counted from 1$/],
    ['enableModelRunning', [], 'enableModelRunning', /takes a list of model numbers/],
    ['disableModelRecording', [0], 'disableModelRecording', /^model numbers: argument 1 is 0, not a whole number counted from 1$/],
    ['selectInputsForOutput', [1], 'selectInputsForOutput', /output number followed by at least one input number/],
    ['setInputNames', ['a'], 'setInputNames', /^takes 2 input names, one per input, not 1 argument$/],
    ['setOutputNames', ['a', { unsupported: 'blob' }], 'setOutputNames', /^output names: argument 2 is a blob, not a string$/],
    ['setOutputNames', ['same', 'same'], 'setOutputNames', /two outputs are called 'same'/],
    ['startRunning', [], 'startRunning', /no model is trained yet/],
    ['cancelTrain', [], 'cancelTrain', /nothing is training/],
    ['noSuchThing', [1], 'unknown', /^\/wekinator\/control\/"noSuchThing" is not a Wekinator control message$/],
    ['constructor', [], 'unknown', /"constructor" is not a Wekinator control message/],
  ];
  for (const [name, args, replyTo, reason] of cases) {
    const before = sent.length;
    assert.doesNotThrow(() => control(name, ...args));
    const replies = sent.slice(before);
    assert.equal(replies.length, 1, `${name}: one answer`);
    assert.equal(replies[0].address, `/oscine/status/${replyTo}`);
    assert.equal(replies[0].args[0].value, 0, `${name} is refused`);
    assert.match(String(replies[0].args[1].value), reason);
  }
  face.receive({ address: '/wek/input', args: [1, 2] });
  assert.deepEqual(values(sent.at(-1)!), [0, '"/wek/input" is not an address Oscine knows: inputs go to /wek/inputs, control messages to /wekinator/control/… or /oscine/control/…']);
  assert.deepEqual(face.counts, { inputs: 0, controls: 0, refused: 4, badArguments: 9, unknown: 3 });
  assert.equal(warnings.length, cases.length + 1);
  assert.ok(warnings.every(([kind]) => kind === 'control' || kind === 'unknown'));
  assert.equal(session.state, 'idle');
  assert.equal(session.examples().length, 0);
});

test('messages that take no arguments ignore extra ones, as in Wekinator', () => {
  const { session, sent, control } = makeFace();
  control('startRecording', 1);
  assert.equal(session.state, 'recording');
  control('stopRecording', 'now');
  assert.equal(session.state, 'idle');
  assert.deepEqual(values(lastReply(sent, 'stopRecording')!), [1, 'recording stopped; 0 examples in all']);
});

test('recording, training and running changes are reported on /oscine/status/state', async () => {
  const { face, sent, control, input } = makeFace();
  face.sendState();
  recordTwoRounds(control, input);
  control('train');
  await answered(sent, 'train');
  control('startRunning');
  control('startRecording'); // recording takes precedence over running
  control('stopRecording');
  assert.deepEqual(
    sentTo(sent, '/oscine/status/state').map((m) => m.args[0].value),
    ['idle', 'recording', 'idle', 'recording', 'idle', 'training', 'idle', 'running', 'recording', 'idle'],
  );
});

test('saveModelToFile saves an output’s trained model, loadModelFromFile puts one back if it fits; the DTW messages need a gesture output', async () => {
  const { session, sent, saved, control, input } = makeFace();
  control('saveModelToFile', 1, 'pitch.json');
  assert.deepEqual(values(lastReply(sent, 'saveModelToFile')!), [0, "'pitch' has no trained model to save; train it first"]);
  recordTwoRounds(control, input);
  control('train');
  await answered(sent, 'train');
  control('saveModelToFile', 1, 'pitch.json');
  assert.deepEqual(values(lastReply(sent, 'saveModelToFile')!), [1, "saved the model of 'pitch' to /projects/pitch.json"]);
  assert.equal(saved.length, 1);
  assert.equal(saved[0][0], 'pitch.json');
  assert.equal(saved[0][1].algorithm, 'linear');
  assert.equal(saved[0][1].examples, 12);
  control('saveModelToFile', 3, 'x.json');
  assert.deepEqual(values(lastReply(sent, 'saveModelToFile')!), [0, 'there is no output 3; the project has 2']);
  control('saveModelToFile', 'pitch.json');
  assert.match(String(lastReply(sent, 'saveModelToFile')!.args[1].value), /^takes an output number and a file name/);

  control('deleteAllExamples');
  control('train');
  await answered(sent, 'train');
  assert.equal(session.modelStatus(0), 'needs-retraining');
  control('loadModelFromFile', 1, 'pitch.json');
  assert.deepEqual(values(lastReply(sent, 'loadModelFromFile')!), [1, "loaded /projects/pitch.json into 'pitch'"]);
  assert.equal(session.modelStatus(0), 'trained');
  assert.deepEqual(session.modelDocument(0), saved[0][1]);
  control('loadModelFromFile', 2, 'pitch.json');
  assert.deepEqual(values(lastReply(sent, 'loadModelFromFile')!), [0, "this model cannot play 'mood': it does regression and the output needs classification"]);
  control('loadModelFromFile', 1, 'gone.json');
  assert.deepEqual(values(lastReply(sent, 'loadModelFromFile')!), [0, 'there is no model file /projects/gone.json']);
  control('startDtwRecording', 1);
  control('stopDtwRecording');
  assert.deepEqual(values(lastReply(sent, 'startDtwRecording')!), [0, 'the project has no gesture output; add one first']);
  assert.deepEqual(values(lastReply(sent, 'stopDtwRecording')!), [1, 'no gesture was being recorded']);
});

test('the run path refills the same outputs message on every frame, and follows renamed outputs', async () => {
  const { session, sent, raw, control, input } = makeFace();
  recordTwoRounds(control, input);
  control('train');
  await answered(sent, 'train');
  control('startRunning');
  const first = raw.length;
  input(0.5, 0.5);
  input(2.5, 0.5);
  const frames = raw.slice(first);
  assert.deepEqual(
    frames.map((m) => m.address),
    ['/wek/outputs', '/mood', '/wek/outputs', '/mood'],
  );
  assert.equal(frames[0], frames[2], 'the same message object, refilled');
  assert.equal(frames[1], frames[3]);
  assert.equal(frames[0].args[1], frames[2].args[1], 'and the same argument objects');
  assert.equal(sent[first].args[1].value, 1);
  assert.equal(sent[first + 2].args[1].value, 3);

  session.renameOutputs(['pitch', 'feeling']);
  const renamed = raw.length;
  input(0.5, 0.5);
  assert.deepEqual(
    raw.slice(renamed).map((m) => m.address),
    ['/wek/outputs', '/feeling'],
  );
});
