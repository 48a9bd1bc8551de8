import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../../src/core/errors.ts';
import { type LabelledSeries, evaluateSeries } from '../../../src/core/temporal/series-evaluation.ts';
import { parseSeriesLines } from '../../../src/core/temporal/series-file.ts';
import { normaliseSeries } from '../../../src/core/temporal/series-normalise.ts';
import { learnScaling, scaleFrame } from '../../../src/core/temporal/input-scaling.ts';
import { resample, seriesOf, seriesRows, withDerivatives } from '../../../src/core/temporal/series.ts';
import { DEFAULT_COMPARISON, SeriesClassifier } from '../../../src/core/temporal/whole-series.ts';

test('resampling interpolates linearly over frame indices and keeps both ends', () => {
  assert.deepEqual(seriesRows(resample(seriesOf([[0], [10], [20]]), 5)), [[0], [5], [10], [15], [20]]);
  assert.deepEqual(seriesRows(resample(seriesOf([[0, 1], [6, 1]]), 4)), [[0, 1], [2, 1], [4, 1], [6, 1]]);
  assert.deepEqual(seriesRows(resample(seriesOf([[3]]), 3)), [[3], [3], [3]]);
});

test('series normalisation: z-score per input, shape with one scale, a still input only shifted', () => {
  const series = seriesOf([[0, 5, 1], [2, 5, 3], [4, 5, 5]]);
  const z = seriesRows(normaliseSeries(series, 'zscore'));
  const sd = Math.sqrt(8 / 3);
  assert.deepEqual(z.map((r) => r[0]), [-2 / sd, 0, 2 / sd]);
  assert.deepEqual(z.map((r) => r[1]), [0, 0, 0]);
  // shape: centred, every input divided by the widest range (4).
  assert.deepEqual(seriesRows(normaliseSeries(series, 'shape')), [[-0.5, 0, -0.5], [0, 0, 0], [0.5, 0, 0.5]]);
  assert.equal(normaliseSeries(series, 'none'), series);
});

test('derivatives append each frame\'s change, 0 for the first', () => {
  assert.deepEqual(seriesRows(withDerivatives(seriesOf([[1, 2], [4, 2], [5, 0]]))), [[1, 2, 0, 0], [4, 2, 3, 0], [5, 0, 1, -2]]);
});

test('series lines are read with file and line in every message', () => {
  const examples = parseSeriesLines('{"label":"a","group":1,"series":[[1,2],[3,4]]}\n\n{"label":"b","series":[[0,0]]}\n', 'g.jsonl');
  assert.deepEqual(examples.map((e) => [e.label, e.group, e.series.length]), [['a', '1', 2], ['b', '', 1]]);
  const bad = (text: string, pattern: RegExp) => assert.throws(() => parseSeriesLines(text, 'g.jsonl'), (e: unknown) => e instanceof InputError && pattern.test(e.message));
  bad('{"label":"a","series":[[1]]}\n{"label":', /^g\.jsonl, line 2: not valid JSON/);
  bad('{"series":[[1]]}', /line 1: "label" is missing/);
  bad('{"label":"a","series":[]}', /line 1: "series" must be a non-empty list/);
  bad('{"label":"a","series":[[1,2]]}\n{"label":"b","series":[[1,2],[3]]}', /line 2: frame 2 of "series" must be a list of 2 numbers/);
  bad('{"label":"a","series":[[1,"x"]]}', /line 1: frame 1, value 2 is "x", not a number/);
  bad('\n\n', /g\.jsonl has no examples/);
});

test('the evaluation protocol picks templates within each group and classifies the rest', () => {
  // Two groups; in each, label = the sign of the series. Each repeat: 1 template per label, 2 tested per label.
  const examples: LabelledSeries[] = ['anna', 'ben'].flatMap((group) =>
    [1, 2, 3, -1, -2, -3].map((x) => ({ label: x > 0 ? 'up' : 'down', group, series: seriesOf([[0], [x]]) })),
  );
  const seen: string[][] = [];
  let clock = 0;
  const result = evaluateSeries(
    examples,
    (templates) => {
      seen.push(templates.map((t) => `${t.group}:${t.label}`));
      return (series) => (series.values[1] > 0 ? 'up' : 'down');
    },
    { templatesPerClass: 1, repeats: 3, seed: 1, now: () => (clock += 0.5) },
  );
  assert.equal(result.accuracy, 1);
  assert.deepEqual(result.perLabel, { up: 1, down: 1 });
  assert.equal(result.classified, 8);
  assert.equal(seen.length, 6);
  seen.forEach((templates, i) => assert.deepEqual(templates, [`${i % 2 ? 'ben' : 'anna'}:up`, `${i % 2 ? 'ben' : 'anna'}:down`]));
  assert.equal(result.msPerClassification, (6 * 0.5) / 24);
  assert.throws(() => evaluateSeries(examples, () => () => 'up', { templatesPerClass: 3, repeats: 1, seed: 1, now: () => 0 }), /no example is left to classify/);
});

test('the series classifier names a series after its nearest template', () => {
  const line = (slope: number, n: number) => seriesOf(Array.from({ length: n }, (_, i) => [i, slope * i * i]));
  const classifier = new SeriesClassifier(
    [
      { label: 'flat', series: seriesOf(Array.from({ length: 20 }, (_, i) => [i, 0])) },
      { label: 'curve', series: line(1, 25) },
      { label: 'wave', series: seriesOf(Array.from({ length: 30 }, (_, i) => [i, Math.sin(i / 2)])) },
    ],
    DEFAULT_COMPARISON,
  );
  assert.equal(classifier.classify(line(3, 40)), 'curve');
  assert.equal(classifier.classify(seriesOf(Array.from({ length: 50 }, (_, i) => [i, Math.sin(i / 3.3)]))), 'wave');
});

test('input scaling is learned from every template frame: z-score, min/max, and a still input only shifted', () => {
  const templates = [seriesOf([[0, 7], [2, 7]]), seriesOf([[4, 7]])];
  const z = learnScaling('zscore', templates, 2);
  assert.deepEqual(z, { offset: [2, 7], scale: [Math.sqrt(8 / 3), 1] });
  const range = learnScaling('minmax', templates, 2);
  assert.deepEqual(range, { offset: [0, 7], scale: [4, 1] });
  const frame = Float64Array.of(3, 8);
  scaleFrame(range, frame);
  assert.deepEqual([...frame], [0.75, 1]);
  assert.deepEqual(learnScaling('none', templates, 2), { offset: [0, 0], scale: [1, 1] });
});
