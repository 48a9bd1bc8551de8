import { InputError } from '../../errors.ts';
import { DEFAULT_OSC, type OutputRequest, type ProjectSettings, checkNames, checkOsc, makeOutputs } from '../project.ts';
import { type XmlElement, parseXml } from './xml.ts';
import { XmlFields } from './xml-fields.ts';

/** A file's text and the path to show in messages. */
export interface TextFile {
  readonly path: string;
  readonly text: string;
}

/** The three settings files of a Wekinator 2.x project folder. */
export interface WekinatorSettingsFiles {
  /** `<name>.wekproj`: the listening port and the project's name. */
  readonly project: TextFile;
  /** `inputConfig.xml`: the input OSC address and the input names. */
  readonly inputs: TextFile;
  /** `outputConfig.xml`: where outputs are sent, and each output's type. */
  readonly outputs: TextFile;
}

const NUMERIC = 'wekimini.osc.OSCNumericOutput';
const CLASSIFIER = 'wekimini.osc.OSCClassificationOutput';
const GESTURE = 'wekimini.osc.OSCDtwOutput';

/**
 * A Wekinator project's settings as Oscine's: the name, the listening port, the input address
 * and names, where outputs go, and each output (numeric → continuous with its range, whole
 * numbers and hard limits; classification → classifier with its classes and probabilities).
 * Models get Wekinator's defaults (neural network, k-nearest neighbour). A gesture (DTW) output
 * keeps its gestures' number and names. `fallbackName` is used when the project has no name.
 */
export function wekinatorSettings(files: WekinatorSettingsFiles, fallbackName: string): ProjectSettings {
  const { name, port } = projectFile(files.project, fallbackName);
  const { inputs, inputAddress } = inputConfig(files.inputs);
  const { outputs, gestureOutputs, outputAddress, outputHost, outputPort } = outputConfig(files.outputs, inputs.length);
  return { name, inputs, outputs, gestureOutputs, osc: { ...DEFAULT_OSC, port, inputAddress, outputAddress, outputHost, outputPort } };
}

function projectFile(file: TextFile, fallbackName: string) {
  const project = root(file, 'WekinatorFileData');
  const name = project.has('projectName') && project.text('projectName').trim() !== '' ? project.text('projectName') : fallbackName;
  const port = project.integer('oscReceivePort');
  within(file, () => checkOsc({ ...DEFAULT_OSC, port }));
  return { name, port };
}

function inputConfig(file: TextFile) {
  const group = root(file, 'OSCInputGroup');
  const inputAddress = group.text('oscMessage').trim();
  const inputs = group.strings('inputNames');
  const declared = group.integer('numInputs');
  if (declared !== inputs.length) throw group.error(group.child('numInputs'), `<numInputs> says ${declared} inputs but <inputNames> lists ${inputs.length}`);
  within(file, () => {
    if (inputs.length === 0) throw new InputError('the project has no inputs');
    checkNames('input', inputs);
    checkOsc({ ...DEFAULT_OSC, inputAddress });
  });
  return { inputs, inputAddress };
}

function outputConfig(file: TextFile, inputCount: number) {
  const group = root(file, 'OSCOutputGroup');
  const outputAddress = group.text('oscMessage').trim();
  const outputHost = group.text('hostName').trim();
  const outputPort = group.integer('outputPort');
  if (outputHost === '') throw group.error(group.child('hostName'), '<hostName> is empty; it says where outputs are sent');
  const requests = group.child('outputs').children.map((element) => outputRequest(element, file.path));
  const made = within(file, () => {
    if (requests.length === 0) throw new InputError('the project has no outputs');
    checkOsc({ ...DEFAULT_OSC, outputAddress, outputPort });
    return makeOutputs(requests, inputCount);
  });
  return { ...made, outputAddress, outputHost, outputPort };
}

function outputRequest(element: XmlElement, source: string): OutputRequest {
  const kind = element.name;
  const unnamed = new XmlFields(element, source, 'this output');
  if (kind !== NUMERIC && kind !== CLASSIFIER && kind !== GESTURE) {
    throw unnamed.error(element, `<${kind}> is not an output type Oscine knows (${NUMERIC}, ${CLASSIFIER} or ${GESTURE})`);
  }
  const name = unnamed.text('name');
  const fields = new XmlFields(element, source, `output '${name}'`);
  if (kind === GESTURE) {
    const count = fields.integer('numGestures');
    const names = fields.has('gestureNames') ? fields.strings('gestureNames') : [];
    return { kind: 'gesture', name, gestures: names.length === count ? names : count };
  }
  if (kind === CLASSIFIER) {
    return { kind: 'classifier', name, classes: fields.integer('numClasses'), probabilities: fields.boolean('isSendingDistribution', false) };
  }
  return {
    kind: 'continuous',
    name,
    min: fields.number('min'),
    max: fields.number('max'),
    integer: fields.choice('outputType', ['REAL', 'INTEGER'] as const) === 'INTEGER',
    hardLimits: fields.choice('limitType', ['SOFT', 'HARD'] as const) === 'HARD',
  };
}

function root(file: TextFile, expected: string): XmlFields {
  const element = parseXml(file.text, file.path);
  if (element.name !== expected) {
    throw new InputError(`${file.path}, line ${element.line}: expected <${expected}> as Wekinator writes it, found <${element.name}>`);
  }
  return new XmlFields(element, file.path);
}

/** Runs a check and puts the file's path before any message it gives. */
function within<T>(file: TextFile, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${file.path}: ${error.message}`);
    throw error;
  }
}
