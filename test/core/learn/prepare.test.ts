import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArff, writeArff } from '../../../src/core/data/arff.ts';
import type { Dataset } from '../../../src/core/data/dataset.ts';
import { InputError } from '../../../src/core/errors.ts';
import { prepare } from '../../../src/core/learn/prepare.ts';
import { WEKA_JAR, needsWeka } from '../../peers/weka.ts';

const NaN = Number.NaN;

// The two examples without a class are red and right-handed with x = 100: were they counted,
// the mean of x would be 36 and the most frequent colour red.
const GESTURES = `@relation gestures
@attribute x numeric
@attribute class {a,b}
@attribute colour {red,green,blue}
@attribute hand {left,right}
@data
1,a,blue,left
?,b,blue,right
4,a,red,?
7,b,?,right
100,?,red,right
100,?,red,right
`;

function gestures(): Dataset {
  return parseArff(GESTURES, 'gestures.arff');
}

function rows(values: readonly Float64Array[]): number[][] {
  return values.map((row) => [...row]);
}

function refuses(run: () => unknown, message: string): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    assert.equal(error.message, message);
    return true;
  });
}

test('one-hot encodes nominal inputs and fills missing values from the examples with a class', () => {
  const prepared = prepare(gestures(), 1);
  assert.equal(prepared.set.task, 'classification');
  assert.equal(prepared.target, 'class');
  assert.deepEqual(prepared.classes, ['a', 'b']);
  assert.deepEqual(prepared.inputAttributes, [0, 2, 3]);
  assert.equal(prepared.set.classCount, 2);
  // x; colour as red, green, blue (three values → three columns); hand as right (two → one).
  assert.equal(prepared.set.inputCount, 5);
  assert.equal(prepared.encoder.width, 5);
  assert.deepEqual(rows(prepared.set.inputs), [
    [1, 0, 0, 1, 0],
    [4, 0, 0, 1, 1], // x missing → mean of 1, 4, 7
    [4, 1, 0, 0, 1], // hand missing → right, the most frequent
    [7, 0, 0, 1, 1], // colour missing → blue, the most frequent
  ]);
  assert.deepEqual([...prepared.set.targets], [0, 1, 0, 1]);
  assert.deepEqual(prepared.encoder.columns, [
    { name: 'x', kind: 'numeric', fill: 4 },
    { name: 'colour', kind: 'nominal', values: ['red', 'green', 'blue'], fill: 2 },
    { name: 'hand', kind: 'nominal', values: ['left', 'right'], fill: 1 },
  ]);
});

test('the encoder reads new raw inputs the same way, filling what is missing', () => {
  const { encoder } = prepare(gestures(), 1);
  const out = new Float64Array(encoder.width);
  encoder.encode([2.5, 1, 0], out);
  assert.deepEqual([...out], [2.5, 0, 1, 0, 0]);
  encoder.encode([NaN, NaN, NaN], out);
  assert.deepEqual([...out], [4, 0, 0, 1, 1]);
});

test("matches Weka's ReplaceMissingValues then NominalToBinary", (t) => {
  if (!needsWeka(t)) return;
  const dataset = gestures();
  const withClass: Dataset = { ...dataset, rows: dataset.rows.filter((row) => !Number.isNaN(row[1])) };
  // Weka wants the class last; move it there.
  const order = [0, 2, 3, 1];
  const classLast: Dataset = {
    relation: 'gestures',
    attributes: order.map((i) => dataset.attributes[i]),
    rows: withClass.rows.map((row) => Float64Array.from(order, (i) => row[i])),
  };
  const file = join(mkdtempSync(join(tmpdir(), 'oscine-prepare-')), 'gestures.arff');
  writeFileSync(file, writeArff(classLast));
  const output = execFileSync(
    'java',
    ['-cp', WEKA_JAR, 'weka.filters.MultiFilter',
      '-F', 'weka.filters.unsupervised.attribute.ReplaceMissingValues',
      '-F', 'weka.filters.unsupervised.attribute.NominalToBinary',
      '-i', file, '-c', 'last'],
    { encoding: 'utf8' },
  );
  const weka = parseArff(output, 'Weka filter output');
  const prepared = prepare(dataset, 1);
  assert.equal(weka.attributes.length, prepared.set.inputCount + 1);
  assert.deepEqual(rows(prepared.set.inputs), weka.rows.map((row) => [...row.subarray(0, -1)]));
  assert.deepEqual([...prepared.set.targets], weka.rows.map((row) => row[row.length - 1]));
});

test('a numeric class means regression, and dates are numeric inputs', () => {
  const dataset = parseArff(
    "@relation r\n@attribute when date 'yyyy'\n@attribute hand {left,right}\n@attribute level numeric\n@data\n1970,left,0.5\n1971,right,?\n?,right,2\n",
  );
  const prepared = prepare(dataset, 2);
  assert.equal(prepared.set.task, 'regression');
  assert.equal(prepared.set.classCount, 0);
  assert.equal(prepared.classes, undefined);
  assert.equal(prepared.target, 'level');
  assert.deepEqual(rows(prepared.set.inputs), [
    [0, 0],
    [0, 1], // the date is missing → the mean of the one date left, 1970
  ]);
  assert.deepEqual([...prepared.set.targets], [0.5, 2]);
});

test('the same data is classification or regression by the kind of the chosen class', () => {
  const dataset = parseArff('@relation r\n@attribute a numeric\n@attribute b {x,y}\n@data\n1,x\n2,y\n');
  assert.equal(prepare(dataset, 1).set.task, 'classification');
  assert.equal(prepare(dataset, 0).set.task, 'regression');
  assert.deepEqual(rows(prepare(dataset, 0).set.inputs), [[0], [1]]);
});

test('keeps only the rows it is given', () => {
  const prepared = prepare(gestures(), 1, [2, 3, 4]);
  // Row 4 has no class; rows 2 and 3 remain, so x is complete and colour's mode is red.
  assert.deepEqual(rows(prepared.set.inputs), [
    [4, 1, 0, 0, 1],
    [7, 1, 0, 0, 1],
  ]);
});

test('refuses a string input, a string or date class, and a class that is not there', () => {
  const dataset = parseArff(
    "@relation r\n@attribute note string\n@attribute when date\n@attribute level numeric\n@data\n'hi',2024-01-01T00:00:00,1\n",
  );
  refuses(() => prepare(dataset, 2), "the input 'note' holds text (a string attribute); remove it or make it nominal");
  refuses(
    () => prepare(dataset, 0),
    "'note' is a string attribute; the class must be nominal (classification) or numeric (regression)",
  );
  refuses(
    () => prepare(dataset, 1),
    "'when' is a date attribute; the class must be nominal (classification) or numeric (regression)",
  );
  refuses(() => prepare(dataset, 3), 'there is no attribute number 4; the data has 3 attributes');
});

test('refuses to prepare nothing: no rows, or no row with a class', () => {
  const message = "there are no examples with a value for 'class' to learn from";
  refuses(() => prepare({ ...gestures(), rows: [] }, 1), message);
  refuses(() => prepare(gestures(), 1, [4, 5]), message);
  refuses(() => prepare(gestures(), 1, []), message);
});
