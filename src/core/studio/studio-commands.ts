import { parseArff } from '../data/arff.ts';
import { parseCsv } from '../data/csv.ts';
import { InputError } from '../errors.ts';
import type { EditableSession } from '../project/example-edits.ts';
import { examplesToArff, examplesToCsv } from '../project/examples-export.ts';
import { examplesFromTable } from '../project/examples-import.ts';
import { fileStem } from '../project/file-name.ts';
import { type Result, done, refused } from '../project/result.ts';
import { GESTURE_COMMANDS } from './gesture-commands.ts';
import type { ExampleRow, SessionRequest } from './protocol.ts';

type Command<K extends SessionRequest['do']> = (session: EditableSession, request: Extract<SessionRequest, { do: K }>) => Result<unknown> | Promise<Result<unknown>>;

/** Each request the page may make of the engine, and the engine command it becomes. */
const COMMANDS: { [K in SessionRequest['do']]: Command<K> } = {
  record: (s, r) => (r.on ? s.startRecording() : s.stopRecording()),
  run: (s, r) => (r.on ? s.startRunning() : s.stopRunning()),
  // Training ends with a 'trained' event every page hears; the reply need not wait for it.
  train: (s) => {
    const outcome = s.trainModels();
    if (s.state !== 'training') return outcome;
    outcome.catch((error: unknown) => s.events.emit('fault', { error }));
    return done('training started');
  },
  cancelTraining: (s) => s.cancelTraining(),
  setValue: (s, r) => s.setOutputValue(r.output, r.value),
  toggle: (s, r) => s.setToggle(r.which, r.outputs, r.on),
  deleteAll: (s) => s.deleteAllExamples(),
  deleteLastRound: (s) => s.deleteLastRound(),
  deleteOutputExamples: (s, r) => s.deleteExamplesOfOutput(r.output),
  deleteExamples: (s, r) => s.deleteExamples(r.ids),
  relabel: (s, r) => s.relabelExamples(r.ids, r.output, r.value),
  undo: (s) => s.undo(),
  redo: (s) => s.redo(),
  examples: (s) => done(s.examples().map(exampleRow)),
  evaluate: (s, r) => s.evaluateOutput(r.output, r.folds),
  setModel: (s, r) => s.setModel(r.output, r.model, r.params),
  selectInputs: (s, r) => s.selectInputs(r.output, r.inputs),
  setOutputOptions: (s, r) => s.setOutputOptions(r.output, given({ min: r.min, max: r.max, integer: r.integer, hardLimits: r.hardLimits, probabilities: r.probabilities })),
  renameInputs: (s, r) => s.renameInputs(r.names),
  renameOutputs: (s, r) => s.renameOutputs(r.names),
  setOsc: (s, r) => s.setOsc(given({ port: r.port, inputAddress: r.inputAddress, outputAddress: r.outputAddress, outputHost: r.outputHost, outputPort: r.outputPort })),
  importExamples: (s, r) => importExamples(s, r.fileName, r.text),
  exportExamples: (s, r) => exportExamples(s, r.format),
  ...GESTURE_COMMANDS,
};

/** Carries out one request; a user's mistake comes back refused, never thrown. */
export async function carryOut(session: EditableSession, request: SessionRequest): Promise<Result<unknown>> {
  const command = COMMANDS[request.do] as Command<SessionRequest['do']>;
  try {
    return await command(session, request);
  } catch (error) {
    if (error instanceof InputError) return refused(error.message);
    throw error;
  }
}

export function isSessionRequest(name: string): name is SessionRequest['do'] {
  return Object.hasOwn(COMMANDS, name);
}

/** Only the fields the page gave: a missing one must not overwrite a setting with undefined. */
function given<T extends object>(fields: T): Partial<{ [K in keyof T]: Exclude<T[K], undefined> }> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<{ [K in keyof T]: Exclude<T[K], undefined> }>;
}

function exampleRow(example: { id: number; round: number; time: number; inputs: Float64Array; outputs: Float64Array }): ExampleRow {
  return {
    id: example.id,
    round: example.round,
    time: example.time,
    inputs: Array.from(example.inputs),
    outputs: Array.from(example.outputs, (v) => (Number.isNaN(v) ? null : v)),
  };
}

function importExamples(session: EditableSession, fileName: string, text: string): Result<unknown> {
  const kind = /\.(arff|csv)$/i.exec(fileName)?.[1].toLowerCase();
  if (!kind) return refused(`${fileName}: the studio reads .arff and .csv files of examples`);
  const data = kind === 'arff' ? parseArff(text, fileName) : parseCsv(text, fileName);
  if (data.rows.length === 0) return refused(`${fileName} has no examples (no data rows)`);
  const read = examplesFromTable(session.settings, data, fileName);
  const added = session.addExamples(read.examples);
  if (!added.ok) return added;
  return done({ ...added.value, unrecorded: read.unrecorded, ignored: read.ignored });
}

function exportExamples(session: EditableSession, format: 'arff' | 'csv'): Result<unknown> {
  const { settings } = session;
  const text = format === 'arff' ? examplesToArff(settings, session.examples()) : examplesToCsv(settings, session.examples());
  return done({ fileName: `${fileStem(settings.name)}.${format}`, text });
}
