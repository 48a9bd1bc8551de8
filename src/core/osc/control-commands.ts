import type { ModelDocument } from '../format/model-document.ts';
import { type Result, done, refused } from '../project/result.ts';
import type { Session } from '../project/session.ts';
import type { OscArgument } from './message.ts';
import { argumentProblem, expectCount, readNumbers, readPositions, readStrings } from './read-arguments.ts';

/** Where a model is written when a patch asks for it (`saveModelToFile`); a file system lives at the edge. */
export interface ModelFiles {
  /** Writes the document and says where, or refuses with a reason. */
  save(path: string, document: ModelDocument): Result<string>;
  /** Reads a model file, or refuses with a reason (missing, not a model, damaged, newer). */
  load(path: string): Result<{ document: ModelDocument; from: string }>;
}

export interface ControlContext {
  readonly session: Session;
  readonly modelFiles: ModelFiles;
}

/** A control message's effect: what it did (a short line for `/oscine/status/…`), or why not. */
export type Control = (args: readonly OscArgument[], context: ControlContext) => Result<string> | Promise<Result<string>>;

/**
 * Wekinator 2.x's `/wekinator/control/*` messages, each mapped to the engine command it stands
 * for. Output and input numbers are counted from 1 here, as in Wekinator; the engine counts from 0.
 * Messages that take no arguments ignore any they are given, as Wekinator did.
 */
const CONTROLS: Readonly<Record<string, Control>> = {
  outputs: (args, { session }) => {
    const count = expectCount(args, session.settings.outputs.length, `${session.settings.outputs.length} output values, one per output`);
    if (!count.ok) return count;
    const values = readNumbers(args, 'output values');
    if (!values.ok) return values;
    // Seven digits: what a float32 from a patch holds, without its binary tail (0.1 is 0.10000000149…).
    return then(session.setOutputValues(values.value), () => `next examples get ${values.value.map((v) => Number(v.toPrecision(7))).join(' ')}`);
  },
  startRecording: (_, { session }) => then(session.startRecording(), ({ round }) => `recording round ${round}`),
  stopRecording: (_, { session }) => then(session.stopRecording(), () => `recording stopped; ${session.examples().length} examples in all`),
  train: async (_, { session }) => {
    const result = await session.trainModels();
    return then(result, ({ trained, failed }) => {
      const names = trained.map((j) => session.settings.outputs[j].name);
      return [`trained ${names.join(', ')}`, ...failed.map((f) => `not trained: ${f.reason}`)].join('; ');
    });
  },
  cancelTrain: (_, { session }) => then(session.cancelTraining(), () => 'cancelling training'),
  startRunning: (_, { session }) => then(session.startRunning(), () => 'running'),
  stopRunning: (_, { session }) => then(session.stopRunning(), () => 'stopped running'),
  // As in Wekinator, this deletes gesture templates too.
  deleteAllExamples: (_, { session }) => {
    const examples = session.deleteAllExamples();
    if (!examples.ok || session.settings.gestureOutputs.length === 0) return then(examples, ({ deleted }) => `deleted ${deleted} examples`);
    return then(session.gestures.deleteAllTemplates(), ({ deleted }) => `deleted ${examples.value.deleted} examples and ${deleted} gesture templates`);
  },
  deleteExamplesForOutput: (args, { session }) => {
    const output = onePosition(args, 'one output number', 'the output number');
    if (!output.ok) return output;
    return then(session.deleteExamplesOfOutput(output.value - 1), ({ deleted }) => `cleared output ${output.value} from ${deleted} examples`);
  },
  enableModelRecording: (args, context) => toggle(args, context, 'record', true),
  disableModelRecording: (args, context) => toggle(args, context, 'record', false),
  enableModelRunning: (args, context) => toggle(args, context, 'run', true),
  disableModelRunning: (args, context) => toggle(args, context, 'run', false),
  selectInputsForOutput: (args, { session }) => {
    const numbers = readPositions(args, 'the output and input numbers');
    if (!numbers.ok) return numbers;
    if (numbers.value.length < 2) return argumentProblem('takes an output number followed by at least one input number');
    const [output, ...inputs] = numbers.value;
    // Gesture outputs are numbered after the others, as in the outputs message.
    const models = session.settings.outputs.length;
    const all = models + session.settings.gestureOutputs.length;
    if (output > all) return refused(`there is no output ${output}; the project has ${all} (numbered from 1)`);
    const chosen = inputs.map((i) => i - 1);
    const result = output > models ? session.gestures.selectInputs(output - 1 - models, chosen) : session.selectInputs(output - 1, chosen);
    return then(result, () => `output ${output} reads inputs ${inputs.join(' ')}`);
  },
  setInputNames: (args, { session }) => {
    const count = expectCount(args, session.settings.inputs.length, `${session.settings.inputs.length} input names, one per input`);
    if (!count.ok) return count;
    const names = readStrings(args, 'input names');
    return names.ok ? then(session.renameInputs(names.value), () => `inputs are ${names.value.join(', ')}`) : names;
  },
  setOutputNames: (args, { session }) => {
    const count = expectCount(args, session.settings.outputs.length, `${session.settings.outputs.length} output names, one per output`);
    if (!count.ok) return count;
    const names = readStrings(args, 'output names');
    return names.ok ? then(session.renameOutputs(names.value), () => `outputs are ${names.value.join(', ')}`) : names;
  },
  saveModelToFile: (args, { session, modelFiles }) => {
    const target = outputAndFile(args, session);
    if (!target.ok) return target;
    const { output, path } = target.value;
    const name = session.settings.outputs[output].name;
    const document = session.modelDocument(output);
    if (!document) return refused(`'${name}' has no trained model to save; train it first`);
    return then(modelFiles.save(path, document), (where) => `saved the model of '${name}' to ${where}`);
  },
  loadModelFromFile: (args, { session, modelFiles }) => {
    const target = outputAndFile(args, session);
    if (!target.ok) return target;
    const { output, path } = target.value;
    const file = modelFiles.load(path);
    if (!file.ok) return file;
    return then(session.loadModel(output, file.value.document), () => `loaded ${file.value.from} into '${session.settings.outputs[output].name}'`);
  },
};

/** The control named after `/wekinator/control/`, if there is one; gesture recording is in gesture-controls.ts. */
export const findControl = (name: string) => controlIn(CONTROLS, name);

export function controlIn(table: Readonly<Record<string, Control>>, name: string): Control | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

function toggle(args: readonly OscArgument[], { session }: ControlContext, which: 'record' | 'run', on: boolean): Result<string> {
  const outputs = readPositions(args, 'model numbers');
  if (!outputs.ok) return outputs;
  if (outputs.value.length === 0) return argumentProblem('takes a list of model numbers (counted from 1)');
  const verb = which === 'record' ? 'recording' : 'running';
  return then(session.setToggle(which, outputs.value.map((n) => n - 1), on), () => `${verb} ${on ? 'on' : 'off'} for output ${outputs.value.join(' ')}`);
}

/** `saveModelToFile` and `loadModelFromFile` take an output number (from 1) and a file name. */
function outputAndFile(args: readonly OscArgument[], session: Session): Result<{ output: number; path: string }> {
  const count = expectCount(args, 2, 'an output number and a file name (model.json)');
  if (!count.ok) return count;
  const output = onePosition(args.slice(0, 1), 'an output number', 'the output number');
  if (!output.ok) return output;
  const path = readStrings(args.slice(1), 'the file name');
  if (!path.ok) return path;
  const outputs = session.settings.outputs.length;
  if (output.value > outputs) return refused(`there is no output ${output.value}; the project has ${outputs}`);
  return done({ output: output.value - 1, path: path.value[0] });
}

export function onePosition(args: readonly OscArgument[], takes: string, what: string): Result<number> {
  const count = expectCount(args, 1, takes);
  if (!count.ok) return count;
  const position = readPositions(args, what);
  return position.ok ? done(position.value[0]) : position;
}

/** The engine's answer, with what it did said in words when it was done. */
export function then<T>(result: Result<T>, say: (value: T) => string): Result<string> {
  return result.ok ? done(say(result.value), result.warning) : result;
}
