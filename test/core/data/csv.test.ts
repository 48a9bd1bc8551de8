import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArff } from '../../../src/core/data/arff.ts';
import { parseCsv, writeCsv } from '../../../src/core/data/csv.ts';
import type { Dataset } from '../../../src/core/data/dataset.ts';
import { InputError } from '../../../src/core/errors.ts';
import { WEKA_EXAMPLES, WEKA_JAR, needsWeka } from '../../peers/weka.ts';

const NaN = Number.NaN;

function rows(dataset: Dataset): number[][] {
  return dataset.rows.map((row) => [...row]);
}

/** Asserts that parsing fails with exactly this InputError message. */
function refuses(text: string, message: string): void {
  assert.throws(() => parseCsv(text, 'take.csv'), (error: unknown) => {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    assert.equal(error.message, message);
    return true;
  });
}

test('reads names, numeric columns and nominal columns in order of first appearance', () => {
  const dataset = parseCsv('pitch,gesture,volume\n440,wave,0.5\n220,punch,-1e-3\n330,wave,2\n', 'recordings/take 1.csv');
  assert.equal(dataset.relation, 'take 1');
  assert.deepEqual(dataset.attributes, [
    { name: 'pitch', kind: 'numeric' },
    { name: 'gesture', kind: 'nominal', values: ['wave', 'punch'] },
    { name: 'volume', kind: 'numeric' },
  ]);
  assert.deepEqual(rows(dataset), [
    [440, 0, 0.5],
    [220, 1, -0.001],
    [330, 0, 2],
  ]);
});

test('one word that is not a number makes the whole column nominal', () => {
  const dataset = parseCsv('x\n1\n2.5\nlots\n1\n');
  assert.deepEqual(dataset.attributes, [{ name: 'x', kind: 'nominal', values: ['1', '2.5', 'lots'] }]);
  assert.deepEqual(rows(dataset), [[0], [1], [2], [0]]);
  // Only plain decimal numbers count: hexadecimal and binary are words, as in a spreadsheet.
  assert.equal(parseCsv('x\n0x10\n5\n').attributes[0].kind, 'nominal');
  assert.equal(parseCsv('x\n+.5\n-3.\n1E+2\n').attributes[0].kind, 'numeric');
  assert.deepEqual(rows(parseCsv('x\n+.5\n-3.\n1E+2\n')), [[0.5], [-3], [100]]);
});

test('reads RFC 4180 quoting: commas, "" for a quote, and line breaks inside quotes', () => {
  const text = 'name,"comment, long"\n"Smith, J.","she said ""hi"""\nplain,"two\nlines"\n"3",4\n';
  const dataset = parseCsv(text);
  assert.deepEqual(dataset.attributes, [
    { name: 'name', kind: 'nominal', values: ['Smith, J.', 'plain', '3'] },
    { name: 'comment, long', kind: 'nominal', values: ['she said "hi"', 'two\nlines', '4'] },
  ]);
  assert.equal(dataset.rows.length, 3);
  // Quoted numbers are numbers, as Weka's CSVLoader and spreadsheets read them.
  assert.deepEqual(rows(parseCsv('a,b\n"1.5"," 2"\n')), [[1.5, 0]]);
  assert.equal(parseCsv('a\n"1.5"\n').attributes[0].kind, 'numeric');
});

test('? and empty fields are missing, quoted or not', () => {
  const dataset = parseCsv('a,b,c\n1,?,x\n,"?",""\n3,4,\n');
  assert.deepEqual(dataset.attributes, [
    { name: 'a', kind: 'numeric' },
    { name: 'b', kind: 'numeric' },
    { name: 'c', kind: 'nominal', values: ['x'] },
  ]);
  assert.deepEqual(rows(dataset), [
    [1, NaN, 0],
    [NaN, NaN, NaN],
    [3, 4, NaN],
  ]);
  // A column with no values at all is numeric, like Weka's.
  assert.deepEqual(parseCsv('a,b\n?,1\n,2\n').attributes[0], { name: 'a', kind: 'numeric' });
});

test('reads Windows line ends, a byte-order mark, blank lines and a missing last line end', () => {
  const dataset = parseCsv('\uFEFFx,label\r\n1,a\r\n\r\n2,"b\r\nc"\r\n   \r\n3,a');
  assert.deepEqual(dataset.attributes, [
    { name: 'x', kind: 'numeric' },
    { name: 'label', kind: 'nominal', values: ['a', 'b\r\nc'] },
  ]);
  assert.deepEqual(rows(dataset), [
    [1, 0],
    [2, 1],
    [3, 0],
  ]);
});

test('trims spaces around unquoted fields and around quotes, but not inside quotes', () => {
  const dataset = parseCsv(' x , label \n 1 ,  slow wave  \n\t2\t, " fast " \n');
  assert.deepEqual(dataset.attributes, [
    { name: 'x', kind: 'numeric' },
    { name: 'label', kind: 'nominal', values: ['slow wave', ' fast '] },
  ]);
  assert.deepEqual(rows(dataset), [
    [1, 0],
    [2, 1],
  ]);
});

test('a header without rows gives an empty dataset', () => {
  const dataset = parseCsv('a,b\n');
  assert.deepEqual(dataset.attributes, [
    { name: 'a', kind: 'numeric' },
    { name: 'b', kind: 'numeric' },
  ]);
  assert.equal(dataset.rows.length, 0);
});

test('refuses NaN and Infinity among numbers instead of guessing, naming file, line and column', () => {
  for (const word of ['NaN', 'Infinity', '-Infinity', 'inf', '1e999']) {
    refuses(
      `x,y\n1,2\n3,${word}\n`,
      `take.csv, line 3, column 3: '${word}' in the numeric column 'y' is not a usable number; write ? for an unknown value`,
    );
  }
  refuses('x\nNaN\n', "take.csv, line 2, column 1: 'NaN' in the numeric column 'x' is not a usable number; write ? for an unknown value");
  // Among words, 'NaN' is just another label.
  assert.deepEqual(parseCsv('grandma\nNaN\nNana\n').attributes[0], { name: 'grandma', kind: 'nominal', values: ['NaN', 'Nana'] });
});

test('refuses a row with too many or too few values, pointing at the place', () => {
  refuses(
    'a,b\n1,2\n3,4,5\n',
    'take.csv, line 3, column 5: this row has 3 values but the first line names 2 columns; put a value that holds a comma in "quotes"',
  );
  refuses('a,b,c\n1,2,3\n4\n', 'take.csv, line 3, column 2: this row has 1 value but the first line names 3 columns; write ? for an unknown value');
  // Lines are counted in the file, so a quoted line break moves the place on.
  refuses('a,b\n"x\ny",1\n2\n', 'take.csv, line 4, column 2: this row has 1 value but the first line names 2 columns; write ? for an unknown value');
});

test('refuses an unclosed quote at the quote that opens it, and text after a closing quote', () => {
  refuses('a,b\n1,2\n3,"four\n5,6\n', 'take.csv, line 3, column 3: this quote is never closed; end the value with " (and write "" for a quote inside it)');
  refuses('a,b\n1,"two" words\n', 'take.csv, line 2, column 9: expected a comma after the quoted value; write "" for a quote inside quotes');
});

test('refuses an empty file', () => {
  const message = 'take.csv, line 1, column 1: the file is empty; its first line must name the columns, e.g. x,y,label';
  refuses('', message);
  refuses('\uFEFF', message);
  refuses('\n  \r\n\n', message);
});

test('refuses a header with a repeated or an empty name', () => {
  refuses('x,y,x\n1,2,3\n', "take.csv, line 1, column 5: the name 'x' is given to two columns; each column needs its own name");
  refuses('x,,z\n1,2,3\n', 'take.csv, line 1, column 3: column 2 has no name; the first line must name every column');
  refuses('x,y,\n1,2,\n', 'take.csv, line 1, column 5: column 3 has no name; the first line must name every column');
  refuses('x,"",z\n1,2,3\n', 'take.csv, line 1, column 3: column 2 has no name; the first line must name every column');
});

test('refuses a file separated by semicolons or tabs, as some spreadsheets save them', () => {
  refuses('x;y;label\n1;2;a\n', 'take.csv, line 1, column 1: the first line is separated by semicolons, not commas; save the file as comma-separated values (CSV)');
  refuses('x\ty\n1\t2\n', 'take.csv, line 1, column 1: the first line is separated by tabs, not commas; save the file as comma-separated values (CSV)');
  // A single column whose quoted name holds a semicolon is fine.
  assert.deepEqual(parseCsv('"x;y"\n1\n').attributes, [{ name: 'x;y', kind: 'numeric' }]);
});

test('writes a header and rows, quoting only what needs quotes and ? for missing', () => {
  const dataset: Dataset = {
    relation: 'take',
    attributes: [
      { name: 'pitch (Hz)', kind: 'numeric' },
      { name: 'label, kind', kind: 'nominal', values: ['slow wave', 'say "hi"', ' padded', 'two\nlines', '?', 'café'] },
      { name: 'when', kind: 'date', format: 'yyyy-MM-dd' },
    ],
    rows: [
      new Float64Array([440, 0, Date.UTC(2024, 2, 1)]),
      new Float64Array([-0.125, 1, NaN]),
      new Float64Array([NaN, 2, NaN]),
      new Float64Array([1e-7, 3, NaN]),
      new Float64Array([2, 4, NaN]),
      new Float64Array([3, 5, NaN]),
      new Float64Array([4, NaN, NaN]),
    ],
  };
  assert.equal(
    writeCsv(dataset),
    [
      'pitch (Hz),"label, kind",when',
      '440,slow wave,2024-03-01',
      '-0.125,"say ""hi""",?',
      '?," padded",?',
      '1e-7,"two\nlines",?',
      '2,"?",?',
      '3,café,?',
      '4,?,?',
      '',
    ].join('\n'),
  );
});

test('round trip: parseCsv(writeCsv(d)) gives d back', () => {
  const original = parseCsv(
    [
      'x,"label, with comma",y,"quote ""q"""',
      '0.1,"a, b",?,"line\nbreak"',
      '-1.7976931348623157e308,plain,5e-324,"say ""hi"""',
      '?," lead",0.30000000000000004,x',
      '12345678901234567890,?,-3,?',
    ].join('\n'),
    'round trip.csv',
  );
  const again = parseCsv(writeCsv(original), 'round trip.csv');
  assert.deepEqual(again, original);
  assert.equal(writeCsv(again), writeCsv(original));
});

test("round trip of Weka's iris: ARFF, written as CSV and read back, is the same data", (t) => {
  if (!needsWeka(t)) return;
  const iris = parseArff(readFileSync(join(WEKA_EXAMPLES, 'iris.arff'), 'utf8'), 'iris.arff');
  const fromCsv = parseCsv(writeCsv(iris), 'iris.csv');
  assert.equal(fromCsv.relation, 'iris');
  assert.deepEqual(fromCsv.attributes, iris.attributes);
  assert.deepEqual(fromCsv.rows, iris.rows);
});

function weka(className: string, args: string[]): string {
  return execFileSync('java', ['-cp', WEKA_JAR, className, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

test("Weka's CSVLoader reads the CSV Oscine writes as Oscine reads it", (t) => {
  if (!needsWeka(t)) return;
  // labor.arff has missing values, nominal and numeric columns; a quoted name and labels that
  // hold commas and spaces make the writer quote.
  const labor = parseArff(readFileSync(join(WEKA_EXAMPLES, 'labor.arff'), 'utf8'), 'labor.arff');
  const vacation = labor.attributes.findIndex((a) => a.name === 'vacation');
  const dataset: Dataset = {
    ...labor,
    attributes: labor.attributes.map((attribute, i) =>
      i === vacation ? { name: 'vacation, days', kind: 'nominal', values: ['below average', 'average, ok', 'generous'] } : attribute,
    ),
  };
  const file = join(mkdtempSync(join(tmpdir(), 'oscine-csv-')), 'labor.csv');
  writeFileSync(file, writeCsv(dataset));

  const ours = parseCsv(readFileSync(file, 'utf8'), 'labor.csv');
  const theirs = parseArff(weka('weka.core.converters.CSVLoader', [file]), 'CSVLoader output');
  assert.equal(theirs.attributes.length, 17);
  assert.equal(theirs.rows.length, 57);
  assert.ok(theirs.attributes.some((a) => a.kind === 'nominal' && a.values.includes('average, ok')));
  assert.deepEqual(ours.attributes, theirs.attributes);
  assert.deepEqual(ours.rows, theirs.rows);
});
