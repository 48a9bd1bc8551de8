import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type WekinatorSettingsFiles, wekinatorSettings } from '../../../src/core/project/wekinator/settings.ts';
import { REAL_PROJECTS, classifierOutput, gestureOutput, inputConfig, numericOutput, outputConfig, wekproj } from './wekinator-fixtures.ts';

function realFiles(folder: string): WekinatorSettingsFiles {
  const dir = join(REAL_PROJECTS, folder);
  const project = readdirSync(dir).find((f) => f.endsWith('.wekproj'))!;
  const read = (name: string) => ({ path: `${folder}/${name}`, text: readFileSync(join(dir, name), 'utf8') });
  return { project: read(project), inputs: read('inputConfig.xml'), outputs: read('outputConfig.xml') };
}

const all = (n: number) => new Array<boolean>(n).fill(true);
const osc = { port: 6448, host: '127.0.0.1', inputAddress: '/wek/inputs', outputAddress: '/wek/outputs', outputHost: 'localhost', outputPort: 12000 };
const continuous = (name: string, min: number, max: number, inputs: number) => ({ kind: 'continuous', name, min, max, integer: false, hardLimits: false, model: 'mlp', params: {}, inputs: all(inputs) });

test("pong-hockey: a 3-class classifier and a continuous output, sending to another computer, listening on 6449", () => {
  assert.deepEqual(wekinatorSettings(realFiles('pong-hockey'), 'pong-hockey'), {
    name: 'Hockey',
    inputs: ['inputs-1', 'inputs-2', 'inputs-3', 'inputs-4'],
    outputs: [
      { kind: 'classifier', name: 'outputs-1', classes: 3, probabilities: false, model: 'knn', params: {}, inputs: all(4) },
      continuous('outputs-2', 0, 1, 4),
    ],
    gestureOutputs: [],
    osc: { ...osc, port: 6449, outputHost: '10.201.28.7' },
  });
});

test('drawing-game: 14 named inputs and two continuous outputs from -1 to 1', () => {
  const names = ['x', 'y', 'istSpeed', 'istVelX', 'istVelY', 'istAcc', 'size', 'avgSpeed', 'avgAccel', 'stdSpeed', 'stdAccel', 'timeBeforeDrawing', 'timeDrawing', 'timeBeforeEval'];
  assert.deepEqual(wekinatorSettings(realFiles('drawing-game'), 'drawing-game'), {
    name: 'WekinatorProject',
    inputs: names,
    outputs: [continuous('selectedX', -1, 1, 14), continuous('selectedY', -1, 1, 14)],
    gestureOutputs: [],
    osc,
  });
});

test('pong-puck: one input, one continuous output', () => {
  assert.deepEqual(wekinatorSettings(realFiles('pong-puck'), 'pong-puck'), {
    name: 'Puck',
    inputs: ['inputs-1'],
    outputs: [continuous('outputs-1', 0, 1, 1)],
    gestureOutputs: [],
    osc: { ...osc, port: 6449 },
  });
});

function files(project: string, inputs: string, outputs: string): WekinatorSettingsFiles {
  return { project: { path: 'My.wekproj', text: project }, inputs: { path: 'inputConfig.xml', text: inputs }, outputs: { path: 'outputConfig.xml', text: outputs } };
}

test('maps hard limits, whole numbers, probabilities, custom ports, addresses and hosts, and names with entities', () => {
  const settings = wekinatorSettings(
    files(
      wekproj('Strings & Things', 9000),
      inputConfig(['bow <pressure>', 'bow speed'], '/sensors/bow'),
      outputConfig(
        [numericOutput('pitch', '-12.5', '12.0', 'INTEGER', 'HARD'), numericOutput('gain', 0.1, 0.9, 'REAL', 'HARD'), classifierOutput('mode', 4, true), classifierOutput('old style', 2)],
        'stage.local',
        57120,
        '/synth/params',
      ),
    ),
    'folder',
  );
  assert.deepEqual(settings, {
    name: 'Strings & Things',
    inputs: ['bow <pressure>', 'bow speed'],
    outputs: [
      { kind: 'continuous', name: 'pitch', min: -12.5, max: 12, integer: true, hardLimits: true, model: 'mlp', params: {}, inputs: all(2) },
      { kind: 'continuous', name: 'gain', min: 0.1, max: 0.9, integer: false, hardLimits: true, model: 'mlp', params: {}, inputs: all(2) },
      { kind: 'classifier', name: 'mode', classes: 4, probabilities: true, model: 'knn', params: {}, inputs: all(2) },
      // Wekinator before 2.1 wrote no <isSendingDistribution>.
      { kind: 'classifier', name: 'old style', classes: 2, probabilities: false, model: 'knn', params: {}, inputs: all(2) },
    ],
    gestureOutputs: [],
    osc: { port: 9000, host: '127.0.0.1', inputAddress: '/sensors/bow', outputAddress: '/synth/params', outputHost: 'stage.local', outputPort: 57120 },
  });
});

test('files saved on Windows (CRLF line ends) read the same', () => {
  const crlf = (text: string) => text.replace(/\n/g, '\r\n');
  const unix = files(wekproj('P', 6449), inputConfig(['a', 'b']), outputConfig([numericOutput('o', -1, 1, 'INTEGER', 'HARD'), classifierOutput('c', 5, true)]));
  const windows = { project: { ...unix.project, text: crlf(unix.project.text) }, inputs: { ...unix.inputs, text: crlf(unix.inputs.text) }, outputs: { ...unix.outputs, text: crlf(unix.outputs.text) } };
  assert.deepEqual(wekinatorSettings(windows, 'x'), wekinatorSettings(unix, 'x'));
  assert.equal(wekinatorSettings(windows, 'x').inputs[1], 'b');
});

test('a project without a name takes the fallback (the .wekproj file name)', () => {
  const settings = wekinatorSettings(files(wekproj(''), inputConfig(['a']), outputConfig([classifierOutput('c', 2)])), 'Untitled folder');
  assert.equal(settings.name, 'Untitled folder');
});

const good = { project: wekproj('P'), inputs: inputConfig(['a', 'b']), outputs: outputConfig([numericOutput('o', 0, 1)]) };

function refuses(change: Partial<typeof good>, message: RegExp): void {
  const f = { ...good, ...change };
  assert.throws(() => wekinatorSettings(files(f.project, f.inputs, f.outputs), 'x'), { name: 'InputError', message });
}

test('a gesture (DTW) output keeps its number of gestures and their names, with triggers at /output_k', () => {
  const settings = wekinatorSettings(files(good.project, good.inputs, outputConfig([gestureOutput('swipes')])), 'x');
  assert.deepEqual(settings.outputs, []);
  const [swipes] = settings.gestureOutputs;
  assert.deepEqual([swipes.name, swipes.inputs, swipes.matching], ['swipes', [true, true], 'continuous']);
  assert.deepEqual(swipes.gestures.map((g) => [g.name, g.address]), [['gesture-1', '/output_1'], ['gesture-2', '/output_2']]);
  const named = gestureOutput('swipes').replace('</numGestures>', '</numGestures>\n      <gestureNames><string>left</string><string>right</string></gestureNames>');
  assert.deepEqual(wekinatorSettings(files(good.project, good.inputs, outputConfig([named])), 'x').gestureOutputs[0].gestures.map((g) => g.name), ['left', 'right']);
});

test('damaged or inconsistent settings give one line naming the file and what is wrong', () => {
  refuses({ project: '<WekinatorFileData><oscReceivePort>6448</oscReceivePort>' }, /^My\.wekproj, line 1, column 1: <WekinatorFileData> is never closed/);
  refuses({ project: wekproj('P', 70000) }, /^My\.wekproj: the OSC listening port must be 1–65535, not 70000$/);
  refuses({ project: '<WekinatorFileData><projectName>P</projectName></WekinatorFileData>' }, /^My\.wekproj, line 1: <WekinatorFileData> has no <oscReceivePort>$/);
  refuses({ inputs: outputConfig([]) }, /^inputConfig\.xml, line 2: expected <OSCInputGroup> as Wekinator writes it, found <OSCOutputGroup>$/);
  refuses({ inputs: inputConfig(['a', 'b'], '/wek/inputs', 3) }, /^inputConfig\.xml, line 4: <numInputs> says 3 inputs but <inputNames> lists 2$/);
  refuses({ inputs: inputConfig(['a', 'a']) }, /^inputConfig\.xml: two inputs are called 'a'; names must differ$/);
  refuses({ inputs: inputConfig([]) }, /^inputConfig\.xml: the project has no inputs$/);
  refuses({ inputs: inputConfig(['a'], 'wek inputs') }, /^inputConfig\.xml: the OSC input address must start with \/ and have no spaces, not 'wek inputs'$/);
  refuses({ outputs: outputConfig([numericOutput('o', 1, 0)]) }, /^outputConfig\.xml: the output 'o' needs a minimum below its maximum, not 1\.\.0$/);
  refuses({ outputs: outputConfig([numericOutput('o', 'zero', 1)]) }, /^outputConfig\.xml, line 9: <min> of output 'o' is 'zero', not a number$/);
  refuses({ outputs: outputConfig([numericOutput('o', 0, 1, 'COMPLEX')]) }, /^outputConfig\.xml, line 11: <outputType> of output 'o' is 'COMPLEX'; expected REAL or INTEGER$/);
  refuses({ outputs: outputConfig([classifierOutput('c', 1)]) }, /^outputConfig\.xml: the classifier 'c' needs at least 2 classes, not 1$/);
  refuses({ outputs: outputConfig([classifierOutput('c', 2), numericOutput('c', 0, 1)]) }, /^outputConfig\.xml: two outputs are called 'c'; names must differ$/);
  refuses({ outputs: outputConfig([]) }, /^outputConfig\.xml: the project has no outputs$/);
  refuses({ outputs: outputConfig([numericOutput('o', 0, 1)], '') }, /^outputConfig\.xml, line 4: <hostName> is empty/);
  refuses({ outputs: outputConfig([numericOutput('o', 0, 1)], 'localhost', 0) }, /^outputConfig\.xml: the OSC output port must be 1–65535, not 0$/);
  refuses({ outputs: outputConfig(['    <wekimini.osc.OSCMysteryOutput/>']) }, /^outputConfig\.xml, line 7: <wekimini\.osc\.OSCMysteryOutput> is not an output type Oscine knows/);
});
