import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { oscine } from './run-cli.ts';
import { WEKA_EXAMPLES, needsWeka, wekaTime } from '../peers/weka.ts';

const dir = mkdtempSync(join(tmpdir(), 'oscine-cli-'));
const pads = 'examples/drum-pads.arff';

test('eval --json reports 10-fold accuracy with the same folds as Weka', (t) => {
  if (!needsWeka(t)) return;
  const run = oscine(['eval', join(WEKA_EXAMPLES, 'iris.arff'), '--model', 'naive-bayes', '--json']);
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout);
  assert.equal(report.task, 'classification');
  assert.equal(report.model, 'naive-bayes');
  assert.equal(report.folds, 10);
  const weka = wekaTime('cv', join(WEKA_EXAMPLES, 'iris.arff'), 1, 'weka.classifiers.bayes.NaiveBayes');
  assert.equal(report.accuracy, weka.accuracy); // same folds, same estimator: the very same figure
  assert.equal(report.confusion.flat().reduce((a: number, b: number) => a + b, 0), 150);
  assert.ok(report.trainMs >= 0 && report.predictMs >= 0);
});

test('eval prints a readable report for a shipped example, and regression figures for numbers', () => {
  const run = oscine(['eval', pads, '--model', 'naive-bayes']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /Accuracy\s+\d+\.\d\d %/);
  assert.match(run.stdout, /kick/);
  const regression = oscine(['eval', 'examples/filter-sweep.csv', '--model', 'linear', '--json']);
  assert.equal(regression.status, 0, regression.stderr);
  const report = JSON.parse(regression.stdout);
  assert.equal(report.task, 'regression');
  assert.ok(report.correlation > 0.8 && report.rmse > 0 && report.mae > 0 && report.mae <= report.rmse);
});

test('train then predict gives the same classes as the model saw, from a file and from stdin', () => {
  const model = join(dir, 'pads.json');
  const trained = oscine(['train', pads, '--model', 'knn', '--out', model]);
  assert.equal(trained.status, 0, trained.stderr);
  const document = JSON.parse(readFileSync(model, 'utf8'));
  assert.equal(document.format, 'oscine-model');
  const fromFile = oscine(['predict', model, pads]);
  assert.equal(fromFile.status, 0, fromFile.stderr);
  const lines = fromFile.stdout.trim().split('\n');
  assert.equal(lines.length, 240);
  // 1-NN on its own training data finds each example itself.
  const truth = readFileSync(pads, 'utf8').trim().split('\n').filter((l) => /^[-\d.]+,/.test(l)).map((l) => l.split(',')[3]);
  assert.deepEqual(lines, truth);
  const fromStdin = oscine(['predict', model], '0.25,0.75,0.8\n0.25,0.25,0.3\n');
  assert.deepEqual(fromStdin.stdout.trim().split('\n'), ['kick', 'hat']);
  const withHeader = oscine(['predict', model, '--probabilities'], 'pressure,y,x\n0.8,0.75,0.25\n');
  const [label, ...probabilities] = withHeader.stdout.trim().split(',');
  assert.equal(label, 'kick');
  assert.equal(probabilities.length, 4);
  assert.ok(Math.abs(probabilities.map(Number).reduce((a, b) => a + b) - 1) < 1e-3);
  assert.equal(Math.max(...probabilities.map(Number)), Number(probabilities[0]));
});

const badInputs: Array<[string, string[], string | undefined, RegExp]> = [
  ['a missing file', ['eval', 'nowhere.arff', '--model', 'knn'], undefined, /nowhere\.arff: no such file/],
  ['an unknown model', ['eval', pads, '--model', 'forest'], undefined, /no model called 'forest'/],
  ['an unknown parameter', ['eval', pads, '--model', 'knn', '--param', 'depth=3'], undefined, /knn has no parameter 'depth'.*k, weighting/],
  ['a bad parameter value', ['eval', pads, '--model', 'knn', '--param', 'k=0'], undefined, /'k' must be at least 1/],
  ['a regression model on classes', ['eval', pads, '--model', 'linear'], undefined, /linear cannot do classification/],
  ['a file type Oscine does not read', ['eval', 'package.json', '--model', 'knn'], undefined, /reads \.arff and \.csv/],
  ['a missing --model', ['eval', pads], undefined, /--model/],
  ['a damaged model file', ['predict', 'package.json'], '1,2,3\n', /not an Oscine model file/],
  ['the wrong number of inputs', ['predict', 'MODEL'], '1,2\n', /2 values, but the model takes 3 inputs/],
];

for (const [what, args, input, message] of badInputs) {
  test(`${what} gives one clear line and exit code 2`, () => {
    const model = join(dir, 'pads-knn.json');
    oscine(['train', pads, '--model', 'knn', '--out', model]);
    const run = oscine(args.map((a) => (a === 'MODEL' ? model : a)), input);
    assert.equal(run.status, 2, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stderr, message);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.doesNotMatch(run.stderr, /at .*\.ts:\d+/); // no stack trace
  });
}

test('data a model cannot learn from is refused: text in a numeric column, NaN, one class, no rows', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['text.arff', '@relation r\n@attribute a numeric\n@attribute c {x,y}\n@data\n1,x\nabc,y\n', /text\.arff, line 6, column 1: 'abc' is not a number/],
    ['nan.arff', '@relation r\n@attribute a numeric\n@attribute c {x,y}\n@data\n1,x\nNaN,y\n', /line 6, column 1: 'NaN' is not a number/],
    ['inf.csv', 'a,c\n1,x\nInfinity,y\n', /inf\.csv, line 3/],
    ['one.arff', '@relation r\n@attribute a numeric\n@attribute c {x,y}\n@data\n1,x\n2,x\n', /every example is of class 'x'/],
    ['empty.arff', '@relation r\n@attribute a numeric\n@attribute c {x,y}\n@data\n', /has no examples/],
  ];
  for (const [name, text, message] of cases) {
    writeFileSync(join(dir, name), text);
    const run = oscine(['eval', join(dir, name), '--model', 'knn']);
    assert.equal(run.status, 2, `${name}: ${run.stderr}`);
    assert.match(run.stderr, message, name);
  }
});
