import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArff } from '../../../src/core/data/arff.ts';
import { parseCsv } from '../../../src/core/data/csv.ts';
import type { Example } from '../../../src/core/project/example.ts';
import { examplesToArff, examplesToCsv } from '../../../src/core/project/examples-export.ts';
import { examplesFromTable } from '../../../src/core/project/examples-import.ts';
import { Session } from '../../../src/core/project/session.ts';
import { makeProject } from '../../../src/core/project/project.ts';
import { wekinatorExamples } from '../../../src/core/project/wekinator/examples.ts';
import { WEKA_JAR, needsWeka } from '../../peers/weka.ts';

const project = makeProject({
  name: 'Duo',
  inputs: ['x', 'bow speed'],
  outputs: [{ kind: 'classifier', name: 'mode', classes: 3 }, { kind: 'continuous', name: 'level', min: 0, max: 1 }],
});
const t0 = Date.UTC(2024, 4, 1, 12, 30, 0, 0);
const example = (id: number, round: number, time: number, inputs: number[], outputs: number[]): Example => ({
  id, round, time, inputs: Float64Array.from(inputs), outputs: Float64Array.from(outputs),
});
const small = [example(1, 1, t0, [0.1, -2], [2, 0.25]), example(2, 1, t0 + 250, [Number.NaN, 3], [Number.NaN, 1])];

test("exports ARFF in Wekinator's currentData.arff layout, a classifier as {0..K}", () => {
  assert.equal(
    examplesToArff(project, small),
    [
      '@relation Duo',
      '',
      '@attribute ID numeric',
      "@attribute Time date 'yyyy/MM/dd HH:mm:ss:SSS'",
      "@attribute 'Training round' numeric",
      '@attribute x numeric',
      "@attribute 'bow speed' numeric",
      '@attribute mode {0,1,2,3}',
      '@attribute level numeric',
      '',
      '@data',
      "1,'2024/05/01 12:30:00:000',1,0.1,-2,2,0.25",
      "2,'2024/05/01 12:30:00:250',1,?,3,?,1",
      '',
    ].join('\n'),
  );
});

test('exports CSV with id, time, round, the inputs and the outputs; classes as numbers', () => {
  assert.equal(
    examplesToCsv(project, small),
    ['id,time,round,x,bow speed,mode,level', '1,2024-05-01 12:30:00.000,1,0.1,-2,2,0.25', '2,2024-05-01 12:30:00.250,1,?,3,?,1', ''].join('\n'),
  );
});

test('refuses to export when an input or output has the name of a column the file adds', () => {
  const clash = makeProject({ inputs: ['time'], outputs: [{ kind: 'continuous', name: 'v' }] });
  assert.throws(() => examplesToCsv(clash, []), { name: 'InputError', message: /^'time' has the name of the examples file's own 'time' column; rename it in the project first$/ });
  assert.doesNotThrow(() => examplesToArff(clash, [])); // ARFF calls it 'Time'
});

const awkward = [
  example(3, 1, t0, [0.1 + 0.2, 1 / 3], [1, Number.MIN_VALUE]),
  example(4, 2, t0 + 1, [1e-300, -1e300], [3, 123456789.12345679]),
  example(9, 2, t0 + 86_400_000 * 400 + 999, [Number.NaN, 2 ** 53], [Number.NaN, -0.000001]),
  example(10, 5, t0 - 1, [-7, 8], [2, Number.NaN]),
];

test('export then import gives back every example exactly', () => {
  const arff = parseArff(examplesToArff(project, awkward), 'x.arff');
  // In Wekinator's layout, IDs, rounds and times all come back.
  assert.deepEqual(wekinatorExamples(project, arff, 'x.arff'), { examples: awkward, notes: [] });
  for (const data of [arff, parseCsv(examplesToCsv(project, awkward), 'x.csv')]) {
    const read = examplesFromTable(project, data, 'x');
    assert.deepEqual(read.examples, awkward.map((e) => ({ inputs: e.inputs, outputs: e.outputs, time: e.time })));
    assert.deepEqual([read.unrecorded, read.ignored], [[], []]);
  }
});

test('Weka reads the exported ARFF: the right counts, and missing where an output was not recorded', (t) => {
  if (!needsWeka(t)) return;
  const file = join(mkdtempSync(join(tmpdir(), 'oscine-export-')), 'examples.arff');
  writeFileSync(file, examplesToArff(project, awkward));
  const summary = execFileSync('java', ['-cp', WEKA_JAR, 'weka.core.Instances', file], { encoding: 'utf8' });
  assert.match(summary, /Num Instances:\s+4\n/);
  assert.match(summary, /Num Attributes:\s+7\n/);
  const row = (name: string) => summary.split('\n').find((line) => new RegExp(`^\\s+\\d+ ${name}\\s`).test(line))!;
  assert.match(row('Time'), /\bDat\b/);
  assert.match(row('mode'), /\bNom\b.*\s1 \/ 25%/);
  assert.match(row('level'), /\bNum\b.*\s1 \/ 25%/);
  assert.match(row('x'), /\s1 \/ 25%/);
});

test('imports a plain table: columns by name in any order; missing outputs stay unrecorded; extra columns are listed', () => {
  const csv = parseCsv('level,notes,bow speed,x,Round\n0.5,hello,2,1,7\n,,4,3,7\n', 'plain.csv');
  const read = examplesFromTable(project, csv, 'plain.csv');
  assert.deepEqual(read.examples, [
    { inputs: Float64Array.of(1, 2), outputs: Float64Array.of(Number.NaN, 0.5), time: Number.NaN },
    { inputs: Float64Array.of(3, 4), outputs: Float64Array.of(Number.NaN, Number.NaN), time: Number.NaN },
  ]);
  assert.deepEqual(read.unrecorded, ['mode']);
  assert.deepEqual(read.ignored, ['notes']);
});

test('reads times in the CSV form, Wekinator’s form and ISO 8601; a class of 0 is no class', () => {
  const csv = parseCsv('x,bow speed,mode,Time\n1,2,0,2024-05-01 12:30:00.250\n1,2,3,2024/05/01 12:30:00:250\n1,2,1,2024-05-01T12:30:00.250\n', 'times.csv');
  const read = examplesFromTable(project, csv, 'times.csv');
  assert.deepEqual(read.examples.map((e) => e.time), [t0 + 250, t0 + 250, t0 + 250]);
  assert.deepEqual(read.examples.map((e) => e.outputs[0]), [Number.NaN, 3, 1]);
});

test('a table that does not fit the project is refused, saying what is missing or wrong', () => {
  const refuses = (csv: string, message: RegExp) => assert.throws(() => examplesFromTable(project, parseCsv(csv, 'd.csv'), 'd.csv'), { name: 'InputError', message });
  refuses('x,speed,mode\n1,2,1\n', /^d\.csv has no column for the input 'bow speed'; its columns are x, speed, mode$/);
  refuses('a,b,mode\n1,2,1\n', /^d\.csv has no column for the inputs 'x', 'bow speed'; its columns are a, b, mode$/);
  refuses('x,bow speed,loudness\n1,2,1\n', /^d\.csv has a column for none of the outputs \('mode', 'level'\); its columns are x, bow speed, loudness$/);
  refuses('x,bow speed,mode\n1,2,kick\n', /^d\.csv, example 1, column 'mode': 'kick' is not a class of 'mode', which takes 1 to 3 \(0 for no class\)$/);
  refuses('x,bow speed,mode\n1,2,1\n1,2,2.5\n', /^d\.csv, example 2, column 'mode': '2.5' is not a class/);
  refuses('x,bow speed,level\nloud,2,1\n', /^d\.csv: the column 'x' holds nominal values, but it is an input, which takes numbers$/);
  refuses('x,bow speed,level\n1,2,high\n', /^d\.csv: the column 'level' holds nominal values, but it is the continuous output 'level', which takes numbers$/);
  refuses('x,bow speed,level,time\n1,2,1,yesterday\n', /^d\.csv, example 1: the time 'yesterday' is not a date and time like 2024-05-01 12:30:00\.000$/);
  refuses('x,bow speed,level,time\n1,2,1,1714566600000\n', /^d\.csv, example 1: the time '1714566600000' is not a date and time/);
});

test('imported examples become one new round after everything the project holds, with new IDs', () => {
  const read = examplesFromTable(project, parseCsv('x,bow speed,level,time\n1,2,0.5,2024-05-01 12:30:00.000\n3,4,0.75,?\n', 'd.csv'), 'd.csv').examples;
  const session = new Session(project, { examples: awkward, inactiveExamples: [10], now: () => 42 });
  assert.deepEqual(session.addExamples(read), { ok: true, value: { round: 6, added: 2 } });
  assert.deepEqual(session.examples().slice(-2).map((e) => [e.id, e.round, e.time]), [[11, 6, t0], [12, 6, 42]]);
  const empty = new Session(project, { now: () => 42 });
  assert.ok(empty.addExamples(read).ok);
  assert.deepEqual(empty.examples().map((e) => [e.id, e.round]), [[1, 1], [2, 1]]);
  empty.startRecording();
  assert.equal(empty.addExamples(read).ok, false, 'not while recording');
});
