import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArff, writeArff } from '../../../src/core/data/arff.ts';
import { parseDate } from '../../../src/core/data/dates.ts';
import type { Dataset } from '../../../src/core/data/dataset.ts';
import { InputError } from '../../../src/core/errors.ts';
import { WEKA_EXAMPLES, WEKA_JAR, needsWeka } from '../../peers/weka.ts';

const NaN = Number.NaN;

function rows(dataset: Dataset): number[][] {
  return dataset.rows.map((row) => [...row]);
}

function refuses(text: string, message: string): void {
  assert.throws(() => parseArff(text, 'take.arff'), (error: unknown) => {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    assert.equal(error.message, message);
    return true;
  });
}

/** What the file declares, counted line by line without the parser. */
function declaredCounts(text: string): { attributes: number; rows: number } {
  const lines = text.split(/\r?\n/);
  const dataLine = lines.findIndex((line) => /^\s*@data\b/i.test(line));
  return {
    attributes: lines.filter((line) => /^\s*@attribute\s/i.test(line)).length,
    rows: lines.slice(dataLine + 1).filter((line) => line.trim() !== '' && !line.trim().startsWith('%')).length,
  };
}

test("reads every one of Weka's example files with the attributes and rows they declare", (t) => {
  if (!needsWeka(t)) return;
  const files = readdirSync(WEKA_EXAMPLES).filter((name) => name.endsWith('.arff'));
  assert.ok(files.length >= 20, `only ${files.length} example files found`);
  for (const name of files) {
    const text = readFileSync(join(WEKA_EXAMPLES, name), 'utf8');
    const expected = declaredCounts(text);
    const dataset = parseArff(text, name);
    assert.equal(dataset.attributes.length, expected.attributes, `${name}: attributes`);
    assert.equal(dataset.rows.length, expected.rows, `${name}: rows`);
    assert.ok(expected.rows > 0, `${name}: no data lines counted`);
    for (const row of dataset.rows) assert.equal(row.length, expected.attributes, `${name}: row width`);
  }
});

test("reads the values of Weka's examples as written", (t) => {
  if (!needsWeka(t)) return;
  const read = (name: string) => parseArff(readFileSync(join(WEKA_EXAMPLES, name), 'utf8'), name);
  const iris = read('iris.arff');
  assert.equal(iris.relation, 'iris');
  assert.deepEqual(iris.attributes[4], { name: 'class', kind: 'nominal', values: ['Iris-setosa', 'Iris-versicolor', 'Iris-virginica'] });
  assert.deepEqual(rows(iris)[0], [5.1, 3.5, 1.4, 0.2, 0]);
  assert.deepEqual(rows(iris)[149], [5.9, 3.0, 5.1, 1.8, 2]);
  assert.deepEqual(parseArff(writeArff(iris)), iris);

  // labor: quoted nominal values and ? for missing; its first line of data is
  // 1,5,?,?,?,40,?,?,2,?,11,'average',?,?,'yes',?,'good'
  const labor = read('labor.arff');
  assert.deepEqual(rows(labor)[0], [1, 5, NaN, NaN, NaN, 40, NaN, NaN, 2, NaN, 11, 1, NaN, NaN, 0, NaN, 1]);

  // Reuters: a string attribute whose values hold \n and \' escapes.
  const reuters = read('ReutersCorn-test.arff');
  assert.equal(reuters.attributes[0].kind, 'string');
  const text = reuters.attributes[0].kind === 'string' ? reuters.attributes[0].values[reuters.rows[0][0]] : '';
  assert.ok(text.startsWith("ASIAN EXPORTERS FEAR DAMAGE FROM U.S.-JAPAN RIFT Mounting trade friction between the\nU.S. And Japan has raised fears among many of Asia's exporting\n"));
});

test('reads quoted names and values with spaces and escapes', () => {
  const dataset = parseArff(
    [
      "@relation 'my take'",
      "@attribute 'pitch (Hz)' numeric",
      '@attribute "it\'s" {\'slow wave\', "say \\"hi\\"", \'back\\\\slash\', \'tab\\there\', \'new\\nline\', plain}',
      '@data',
      "1.5,'slow wave'",
      '2,"say \\"hi\\""',
      "3,'back\\\\slash'",
      "4,'tab\\there'",
      "5,'new\\nline'",
      "'6',plain",
    ].join('\n'),
  );
  assert.equal(dataset.relation, 'my take');
  assert.deepEqual(dataset.attributes, [
    { name: 'pitch (Hz)', kind: 'numeric' },
    { name: "it's", kind: 'nominal', values: ['slow wave', 'say "hi"', 'back\\slash', 'tab\there', 'new\nline', 'plain'] },
  ]);
  assert.deepEqual(rows(dataset), [
    [1.5, 0],
    [2, 1],
    [3, 2],
    [4, 3],
    [5, 4],
    [6, 5],
  ]);
});

test('skips comments at the start of a line and after data, but not % inside quotes', () => {
  const dataset = parseArff(
    [
      '% A take recorded on stage',
      '@relation take % the name',
      '  % indented comment',
      '@attribute x numeric % in Hz',
      "@attribute label {'50%', full}",
      '@data',
      '% first row next',
      "1,'50%' % half",
      '2,full%no space',
      '',
    ].join('\r\n'),
  );
  assert.equal(dataset.relation, 'take');
  assert.deepEqual(dataset.attributes[1], { name: 'label', kind: 'nominal', values: ['50%', 'full'] });
  assert.deepEqual(rows(dataset), [
    [1, 0],
    [2, 1],
  ]);
});

test('reads sparse rows: attributes left out are 0, the first value for a nominal one', () => {
  const dataset = parseArff(
    [
      '@relation sparse',
      '@attribute a numeric',
      '@attribute b {x, y}',
      '@attribute c numeric',
      '@attribute d {u, v, w}',
      '@data',
      '{1 y, 3 w}',
      '{0 2.5}',
      '{}',
      '  { 2 ?, 1 x }',
      '3,y,4,v',
    ].join('\n'),
  );
  assert.deepEqual(rows(dataset), [
    [0, 1, 0, 2],
    [2.5, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, NaN, 0],
    [3, 1, 4, 1],
  ]);
});

test('a string attribute left out of a sparse row is missing, not some other row\'s text', () => {
  const dataset = parseArff('@relation s\n@attribute a numeric\n@attribute note string\n@data\n{0 1}\n{1 hello}\n{0 2}\n');
  assert.deepEqual(rows(dataset), [
    [1, NaN],
    [0, 0],
    [2, NaN],
  ]);
  assert.deepEqual(dataset.attributes[1], { name: 'note', kind: 'string', values: ['hello'] });
});

test('reads dates in the default ISO format and in a custom one, as UTC milliseconds', () => {
  const dataset = parseArff(
    [
      '@relation dates',
      '@attribute stamp date',
      "@attribute day date 'dd/MM/yyyy HH:mm'",
      "@attribute clock date \"HH 'o''clock'\"",
      '@data',
      "2024-03-01T12:34:56,'25/12/2023 08:05','07 o\\'clock'",
      "'2024-02-29T00:00:00','1/2/0050 9:30',?",
      '?,?,?',
    ].join('\n'),
  );
  assert.deepEqual(dataset.attributes, [
    { name: 'stamp', kind: 'date', format: "yyyy-MM-dd'T'HH:mm:ss" },
    { name: 'day', kind: 'date', format: 'dd/MM/yyyy HH:mm' },
    { name: 'clock', kind: 'date', format: "HH 'o''clock'" },
  ]);
  const year50 = new Date(0);
  year50.setUTCFullYear(50, 1, 1);
  year50.setUTCHours(9, 30, 0, 0);
  assert.deepEqual(rows(dataset), [
    [Date.UTC(2024, 2, 1, 12, 34, 56), Date.UTC(2023, 11, 25, 8, 5), Date.UTC(1970, 0, 1, 7)],
    [Date.UTC(2024, 1, 29), year50.getTime(), NaN],
    [NaN, NaN, NaN],
  ]);
  // Written back in each attribute's own format, with the year in four digits.
  assert.deepEqual(parseArff(writeArff(dataset)), dataset);
  assert.match(writeArff(dataset), /\n2024-02-29T00:00:00,'01\/02\/0050 09:30',\?\n/);
});

test('refuses a date that is not a real moment, as Weka does', () => {
  refuses(
    "@relation d\n@attribute day date 'yyyy-MM-dd'\n@data\n2021-02-29\n",
    "take.arff, line 4, column 1: '2021-02-29' is not a date in the form yyyy-MM-dd",
  );
  refuses(
    "@relation d\n@attribute day date 'yyyy-MM-dd'\n@data\n2020-13-01\n",
    "take.arff, line 4, column 1: '2020-13-01' is not a date in the form yyyy-MM-dd",
  );
  refuses(
    "@relation d\n@attribute day date 'yy-MM-dd'\n@data\n20-01-01\n",
    "take.arff, line 2, column 21: the date format 'yy-MM-dd' uses 'y', which Oscine does not read; use yyyy MM dd HH mm ss SSS",
  );
});

// Milliseconds printed by Java 17's SimpleDateFormat, strict and in UTC, as Weka parses dates.
test("reads dates as Java's strict SimpleDateFormat does", () => {
  const java: [string, string, number | undefined][] = [
    ['yyyyMMdd', '2020115', 1604534400000],
    ['yyyyMMdd', '202011051', undefined],
    ['yyyyMMddHH', '2020110512', 1604577600000],
    ['yyyy-MM-dd', '2020-1-5', 1578182400000],
    ['yyyy-MM-dd', '2020-01-005', 1578182400000],
    ['yyyy-MM-dd', '20200-01-05', 575283600000000],
    ['HH:mm', '7:5', 25500000],
    ['yyyy-MM-dd HH:mm:ss.SSS', '2020-01-05 01:02:03.5', 1578186123005],
  ];
  for (const [format, text, time] of java) assert.equal(parseDate(text, format), time, `${text} as ${format}`);
});

test('reads ? as missing in every kind of attribute', () => {
  const dataset = parseArff(
    ['@relation m', '@attribute n numeric', '@attribute k {a,b}', '@attribute s string', '@attribute d date', '@data', '?,?,?,?', "1,b,'?',?"].join('\n'),
  );
  assert.deepEqual(rows(dataset), [
    [NaN, NaN, NaN, NaN],
    [1, 1, 0, NaN],
  ]);
  // A quoted '?' is the text ?, not a missing value.
  assert.deepEqual(dataset.attributes[2], { name: 's', kind: 'string', values: ['?'] });
});

const HEADER = '@relation take\n@attribute x numeric\n@attribute label {slow, fast}\n@data\n';

test('refuses a value that does not fit its attribute, naming line and column', () => {
  refuses(HEADER + '1,slow\nabc,fast\n', "take.arff, line 6, column 1: 'abc' is not a number, and 'x' is numeric");
  refuses(HEADER + '0x1F,slow\n', "take.arff, line 5, column 1: '0x1F' is not a number, and 'x' is numeric");
  refuses(HEADER + 'NaN,slow\n', "take.arff, line 5, column 1: 'NaN' is not a number, and 'x' is numeric (write ? for an unknown value)");
  refuses(HEADER + '1, medium\n', "take.arff, line 5, column 4: 'medium' is not one of the values of 'label' {slow,fast}");
  refuses(HEADER + '1,,\n', "take.arff, line 5, column 3: a value for 'label' is missing (write ? for an unknown value)");
});

test('refuses a row with too many or too few values', () => {
  refuses(HEADER + '1,slow,2\n', 'take.arff, line 5, column 7: more than 2 values (one per attribute)');
  refuses(HEADER + '1\n', 'take.arff, line 5, column 2: expected a comma and 2 values in all');
});

test('refuses an unclosed quote or brace', () => {
  refuses(HEADER + "1,'slow\n", "take.arff, line 5, column 3: the quote ' is never closed");
  refuses("@relation take\n@attribute 'pitch numeric\n@data\n", "take.arff, line 2, column 12: the quote ' is never closed");
  refuses('@relation take\n@attribute label {slow, fast\n@data\n', "take.arff, line 2, column 29: the list of values of 'label' is never closed with }");
  refuses(HEADER + '{0 1, 1 fast\n', 'take.arff, line 5, column 13: the sparse row is never closed with }');
  refuses(HEADER + '{2 1}\n', "take.arff, line 5, column 2: '2' is not an attribute index from 0 to 1");
});

test('refuses a file without @data or with a broken header', () => {
  refuses('@relation take\n@attribute x numeric\n', 'take.arff, line 3, column 1: the file ends without a @data line; is this an ARFF file?');
  refuses('x,y\n1,2', "take.arff, line 1, column 1: expected @relation, @attribute or @data, found 'x,y'");
  refuses('@relation take\n@data\n1\n', 'take.arff, line 2, column 6: @data comes before any @attribute');
  refuses('@relation t\n@attribute x numeric\n@attribute x numeric\n@data\n', "take.arff, line 3, column 12: the attribute 'x' is declared twice");
  refuses(
    '@relation t\n@attribute x relational\n@data\n',
    "take.arff, line 2, column 14: 'relational' is not an attribute type Oscine reads (numeric, nominal {…}, string, date)",
  );
});

/** A dataset with everything ARFF must quote or escape, and one value of each kind missing. */
function awkwardDataset(): Dataset {
  const labels = ['slow wave', "it's", 'say "hi"', 'back\\slash', '50%', 'tab\there', 'new\nline', 'cr\rhere', 'x{y}', '?', 'café 日本', 'a,b'];
  return {
    relation: 'take: one, two',
    attributes: [
      { name: 'pitch (Hz)', kind: 'numeric' },
      { name: "gesture's name", kind: 'nominal', values: labels },
      { name: 'when', kind: 'date', format: 'yyyy-MM-dd HH:mm' },
      { name: 'note', kind: 'string', values: ['hello, world', 'plain'] },
    ],
    rows: [
      new Float64Array([0.1, 0, Date.UTC(2024, 2, 1, 20, 15), 0]),
      new Float64Array([NaN, NaN, NaN, NaN]),
      new Float64Array([-0.125, 1, NaN, 1]),
      ...labels.slice(2).map((_, i) => new Float64Array([i * 1.25, i + 2, NaN, NaN])),
    ],
  };
}

test('round trip: parseArff(writeArff(d)) gives d back', () => {
  const dataset = awkwardDataset();
  assert.deepEqual(parseArff(writeArff(dataset)), dataset);
  const extremes: Dataset = {
    relation: 'numbers',
    attributes: [{ name: 'x', kind: 'numeric' }],
    rows: [1e-7, 5e-324, -1.7976931348623157e308, 0.30000000000000004, 123456789012345680000].map((x) => new Float64Array([x])),
  };
  assert.deepEqual(parseArff(writeArff(extremes)), extremes);
});

test('Weka reads what writeArff writes: the counts, the kinds and every value', (t) => {
  if (!needsWeka(t)) return;
  const dataset = awkwardDataset();
  const dir = mkdtempSync(join(tmpdir(), 'oscine-arff-'));
  const file = join(dir, 'awkward.arff');
  writeFileSync(file, writeArff(dataset));

  const summary = execFileSync('java', ['-cp', WEKA_JAR, 'weka.core.Instances', file], { encoding: 'utf8' });
  assert.match(summary, /^Relation Name:\s+take: one, two$/m);
  assert.match(summary, /^Num Instances:\s+13$/m);
  assert.match(summary, /^Num Attributes:\s+4$/m);
  // Per attribute: number, name, type, then the missing count.
  const attributeLines = [...summary.matchAll(/^\s*(\d+) (.+?)\s+(Num|Nom|Str|Dat)\s+\d+%\s+\d+%\s+\d+%\s+(\d+) \//gm)];
  assert.deepEqual(
    attributeLines.map((m) => [m[2], m[3], Number(m[4])]),
    [
      ['pitch (Hz)', 'Num', 1],
      ["gesture's name", 'Nom', 1],
      ['when', 'Dat', 12],
      ['note', 'Str', 11],
    ],
  );

  // Weka's own ARFF writer, fed what Weka read, must give back every name and value.
  const resaved = join(dir, 'resaved.arff');
  execFileSync('java', ['-cp', WEKA_JAR, 'weka.core.converters.ArffSaver', '-i', file, '-o', resaved], { stdio: 'pipe' });
  assert.deepEqual(parseArff(readFileSync(resaved, 'utf8')), dataset);
});
