import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArff } from '../../../src/core/data/arff.ts';
import { type ProjectSettings, makeProject } from '../../../src/core/project/project.ts';
import { wekinatorExamples } from '../../../src/core/project/wekinator/examples.ts';
import { wekinatorSettings } from '../../../src/core/project/wekinator/settings.ts';
import { REAL_PROJECTS, currentData } from './wekinator-fixtures.ts';

function realProject(folder: string): { settings: ProjectSettings; arff: string } {
  const dir = join(REAL_PROJECTS, folder);
  const read = (name: string) => ({ path: name, text: readFileSync(join(dir, name), 'utf8') });
  const project = readdirSync(dir).find((f) => f.endsWith('.wekproj'))!;
  const settings = wekinatorSettings({ project: read(project), inputs: read('inputConfig.xml'), outputs: read('outputConfig.xml') }, folder);
  return { settings, arff: readFileSync(join(dir, 'current', 'currentData.arff'), 'utf8') };
}

/** The data lines of an ARFF file, read naively (these files quote only the time, which has no comma). */
function dataLines(arff: string): string[][] {
  const lines = arff.split('\n');
  const start = lines.findIndex((l) => l.trim().toLowerCase() === '@data');
  return lines.slice(start + 1).filter((l) => l.trim() !== '' && !l.startsWith('%')).map((l) => l.split(','));
}

function naiveTime(quoted: string): number {
  const [, y, mo, d, h, mi, s, ms] = /^'(\d+)\/(\d+)\/(\d+) (\d+):(\d+):(\d+):(\d+)'$/.exec(quoted)!.map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

const COUNTS = { 'pong-hockey': 7465, 'drawing-game': 1298, 'pong-puck': 1286 };

for (const [folder, count] of Object.entries(COUNTS)) {
  test(`${folder}: all ${count} examples come across with their IDs, rounds, times and values`, () => {
    const { settings, arff } = realProject(folder);
    const lines = dataLines(arff);
    assert.equal(lines.length, count);
    const { examples, notes } = wekinatorExamples(settings, parseArff(arff, 'currentData.arff'), 'currentData.arff');
    assert.equal(examples.length, lines.length);
    assert.deepEqual(notes, []);
    const inputs = settings.inputs.length;
    examples.forEach((example, r) => {
      const cells = lines[r];
      assert.equal(example.id, Number(cells[0]));
      assert.equal(example.time, naiveTime(cells[1]));
      assert.equal(example.round, Number(cells[2]));
      assert.deepEqual([...example.inputs], cells.slice(3, 3 + inputs).map(Number));
      const outputs = cells.slice(3 + inputs).map((cell, j) => (settings.outputs[j].kind === 'classifier' && cell === '0') || cell === '?' ? Number.NaN : Number(cell));
      assert.deepEqual([...example.outputs], outputs);
    });
  });
}

test('pong-hockey: the class column (called Tilt in the file) becomes the classifier, Swing the continuous output', () => {
  const { settings, arff } = realProject('pong-hockey');
  assert.match(arff, /@attribute Tilt \{0,1,2,3\}/);
  assert.match(arff, /@attribute Swing numeric/);
  const { examples } = wekinatorExamples(settings, parseArff(arff, 'currentData.arff'), 'currentData.arff');
  const lines = dataLines(arff);
  const perClass = (k: number) => examples.filter((e) => e.outputs[0] === k).length;
  for (const k of [1, 2, 3]) assert.equal(perClass(k), lines.filter((cells) => cells[7] === String(k)).length);
  // This file has no class-0 ("no class") rows, so every example counts for both outputs.
  assert.equal(lines.filter((cells) => cells[7] === '0').length, 0);
  assert.equal(perClass(1) + perClass(2) + perClass(3), 7465);
  assert.ok(examples.every((e) => e.outputs[1] >= 0 && e.outputs[1] <= 1));
});

const settings = makeProject({
  name: 'Hand-made',
  inputs: ['a', 'b'],
  outputs: [{ kind: 'classifier', name: 'c', classes: 3 }, { kind: 'continuous', name: 'v', min: 0, max: 10 }],
});

function examplesOf(rows: string[], classType = '{0,1,2,3}') {
  const text = currentData(['a', 'b'], [['c', classType], ['v', 'numeric']], rows);
  return wekinatorExamples(settings, parseArff(text, 'currentData.arff'), 'currentData.arff');
}

test("class 0 (Wekinator's \"no class\") and ? leave an output unrecorded; missing inputs stay missing", () => {
  const { examples, notes } = examplesOf([
    "7,'2020/01/02 03:04:05:006',1,0.5,1.5,2,3.25",
    "8,'2020/01/02 03:04:05:106',1,?,2,0,4",
    "9,'2020/01/02 03:04:05:206',2,1,2,?,?",
    "10,'2020/01/02 03:04:05:306',2,1,2,0,?",
  ]);
  assert.deepEqual(examples.map((e) => [e.id, e.round, e.time]), [
    [7, 1, Date.UTC(2020, 0, 2, 3, 4, 5, 6)],
    [8, 1, Date.UTC(2020, 0, 2, 3, 4, 5, 106)],
    [9, 2, Date.UTC(2020, 0, 2, 3, 4, 5, 206)],
    [10, 2, Date.UTC(2020, 0, 2, 3, 4, 5, 306)],
  ]);
  assert.deepEqual(examples.map((e) => [...e.inputs]), [[0.5, 1.5], [Number.NaN, 2], [1, 2], [1, 2]]);
  assert.deepEqual(examples.map((e) => [...e.outputs]), [[2, 3.25], [Number.NaN, 4], [Number.NaN, Number.NaN], [Number.NaN, Number.NaN]]);
  assert.deepEqual(notes, [`2 examples have class 0 ("no class") for 'c'; kept without a value for it`]);
});

test('a class column written as numbers is read too', () => {
  const { examples } = examplesOf(["1,'2020/01/02 03:04:05:006',1,0,0,3,1", "2,'2020/01/02 03:04:05:006',1,0,0,0,1"], 'numeric');
  assert.deepEqual(examples.map((e) => e.outputs[0]), [3, Number.NaN]);
});

test('missing, repeated or broken IDs are renumbered in file order, with a note', () => {
  const { examples, notes } = examplesOf(["5,'2020/01/02 03:04:05:006',1,0,0,1,1", "5,'2020/01/02 03:04:05:006',1,0,0,1,1", "?,'2020/01/02 03:04:05:006',1,0,0,1,1"]);
  assert.deepEqual(examples.map((e) => e.id), [1, 2, 3]);
  assert.match(notes[0], /missing, repeated or broken IDs; the examples are numbered 1 to 3 in file order/);
});

test('a data file that does not fit the settings is refused, naming the file, the example and the column', () => {
  const refuses = (text: string, message: RegExp) =>
    assert.throws(() => wekinatorExamples(settings, parseArff(text, 'currentData.arff'), 'currentData.arff'), { name: 'InputError', message });
  refuses(currentData(['a'], [['c', '{0,1,2,3}'], ['v', 'numeric']], []), /^currentData\.arff has 6 columns, but the project's settings describe 7: ID, Time, Training round, 2 inputs and 2 outputs/);
  refuses(currentData(['a', 'b'], [['c', '{0,1,2,3}'], ['v', '{x,y}']], []), /^currentData\.arff: the column 'v' holds nominal values, but it is the continuous output 'v', which takes numbers/);
  refuses(currentData(['a', 'b'], [['c', "date 'yyyy'"], ['v', 'numeric']], []), /^currentData\.arff: the column 'c' holds date values, but it is the classifier 'c', which takes class numbers$/);
  refuses(currentData(['a', 'b'], [['c', '{0,1,2,3,4}'], ['v', 'numeric']], ["1,'2020/01/02 03:04:05:006',1,0,0,4,1"]), /^currentData\.arff, example 1, column 'c': '4' is not a class of 'c', which takes 1 to 3 \(0 for no class\)/);
  refuses(currentData(['a', 'b'], [['c', '{0,1,2,3}'], ['v', 'numeric']], ["1,?,1,0,0,1,1"]), /^currentData\.arff, example 1 has no time/);
  refuses(currentData(['a', 'b'], [['c', '{0,1,2,3}'], ['v', 'numeric']], ["1,'2020/01/02 03:04:05:006',1.5,0,0,1,1"]), /^currentData\.arff, example 1: the training round is 1\.5, not a whole number/);
  const noDate = currentData(['a', 'b'], [['c', '{0,1,2,3}'], ['v', 'numeric']], []).replace("Time date 'yyyy/MM/dd HH:mm:ss:SSS'", 'Time numeric');
  refuses(noDate, /^currentData\.arff: column 2 \('Time'\) should be the time \(date\), not numeric/);
});
