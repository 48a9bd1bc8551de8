import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArff } from '../../../src/core/data/arff.ts';
import type { Dataset } from '../../../src/core/data/dataset.ts';
import { InputError } from '../../../src/core/errors.ts';
import type { Model, TrainingSet } from '../../../src/core/learn/algorithm.ts';
import { knn } from '../../../src/core/learn/knn.ts';
import { keepSmallest } from '../../../src/core/learn/k-smallest.ts';
import { prepare } from '../../../src/core/learn/prepare.ts';
import { JavaRandom } from '../../../src/core/util/java-random.ts';
import { WEKA_EXAMPLES, needsWeka, wekaPredictions } from '../../peers/weka.ts';

const IBK = 'weka.classifiers.lazy.IBk';

function example(name: string): Dataset {
  return parseArff(readFileSync(join(WEKA_EXAMPLES, `${name}.arff`), 'utf8'), name);
}

function rows(...values: number[][]): Float64Array[] {
  return values.map((row) => Float64Array.from(row));
}

/** x on a line, class low (0) or high (1): x = 0, 1 low; x = 2, 4 high. */
const line: Dataset = {
  relation: 'line',
  attributes: [
    { name: 'x', kind: 'numeric' },
    { name: 'class', kind: 'nominal', values: ['low', 'high'] },
  ],
  rows: rows([0, 0], [1, 0], [2, 1], [4, 1]),
};
const lineSet = prepare(line, 1).set;

function distributionOf(model: Model, input: number[], width = 2): number[] {
  const out = new Float64Array(width);
  model.distribution(Float64Array.from(input), out);
  return Array.from(out);
}

function assertClose(actual: number[], expected: number[], tolerance: number, what: string): void {
  assert.equal(actual.length, expected.length, what);
  actual.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) <= tolerance, `${what}: ${v} vs ${expected[i]} at ${i}`));
}

test('hand-computed: every class starts at 1/N and every example tied with the k-th nearest votes', () => {
  const k1 = knn.train(lineSet, { k: 1, weighting: 'none' });
  // x = 2.9: nearest is x = 2 (high). Prior 1/4 each, total 2/4 + 1.
  assertClose(distributionOf(k1, [2.9]), [0.25 / 1.5, 1.25 / 1.5], 1e-15, 'x = 2.9');
  // x = 3 is as far from 2 as from 4 (both high): both vote.
  assertClose(distributionOf(k1, [3]), [0.25 / 2.5, 2.25 / 2.5], 1e-15, 'x = 3');
  // x = 1.5 is as far from 1 (low) as from 2 (high): an even split, and the first class wins.
  assertClose(distributionOf(k1, [1.5]), [0.5, 0.5], 1e-15, 'x = 1.5');
  assert.equal(k1.predict([1.5]), 0);
  // Missing input: each example is as far as it is from the far end of the range; x = 2 (0.5) is nearest.
  assertClose(distributionOf(k1, [NaN]), [0.25 / 1.5, 1.25 / 1.5], 1e-15, 'x missing');

  const k3 = knn.train(lineSet, { k: 3, weighting: 'none' });
  // x = 3: 2 and 4 at 0.25 of the range, then 1 at 0.5; 0 is left out.
  assertClose(distributionOf(k3, [3]), [1.25 / 3.5, 2.25 / 3.5], 1e-15, 'k = 3, x = 3');
});

test('hand-computed: inverse weighting is 1/(distance + 0.001) and a number is the weighted mean', () => {
  const set: TrainingSet = { task: 'regression', inputs: rows([0], [10]), targets: Float64Array.of(1, 3), inputCount: 1, classCount: 0 };
  const model = knn.train(set, { k: 2, weighting: 'inverse' });
  // x = 2.5 is 0.25 of the range from the first example and 0.75 from the second.
  const near = 1 / 0.251;
  const far = 1 / 0.751;
  assert.ok(Math.abs(model.predict([2.5]) - (1 * near + 3 * far) / (near + far)) < 1e-15);
});

test('hand-computed: example weights scale their votes', () => {
  const weighted = { ...lineSet, weights: Float64Array.of(1, 3, 1, 1) };
  const model = knn.train(weighted, { k: 2, weighting: 'none' });
  // x = 1.5: neighbours x = 1 (low, weight 3) and x = 2 (high, weight 1).
  assertClose(distributionOf(model, [1.5]), [3.25 / 4.5, 1.25 / 4.5], 1e-15, 'weighted');
});

test('the tie and missing-value cases agree with Weka IBk', (t) => {
  if (!needsWeka(t)) return;
  const queries: Dataset = { ...line, rows: rows([2.9, NaN], [3, NaN], [1.5, NaN], [NaN, NaN], [0.5, NaN], [4, NaN]) };
  for (const k of [1, 3]) {
    const model = knn.train(lineSet, { k, weighting: 'none' });
    const theirs = wekaPredictions(line, queries, IBK, ['-K', String(k)]);
    queries.rows.forEach((row, r) => assertClose(distributionOf(model, [row[0]]), theirs[r], 1e-15, `k = ${k}, row ${r}`));
  }
});

/**
 * Trains on two rows in three, asks about every row whose inputs lie inside the training ranges
 * (Weka's IBk widens its ranges with each input it is asked about; Oscine keeps the training ranges,
 * so rows outside them would make the two differ from then on), with a few inputs missing.
 */
function compareWithWeka(name: string, k: number, weighting: 'none' | 'inverse'): void {
  const data = example(name);
  const classIndex = data.attributes.length - 1;
  const train: Dataset = { ...data, rows: data.rows.filter((_, i) => i % 3 !== 0) };
  const low = data.attributes.map((_, a) => Math.min(...train.rows.map((row) => row[a])));
  const high = data.attributes.map((_, a) => Math.max(...train.rows.map((row) => row[a])));
  const inside = data.rows.filter((row) => row.every((v, a) => a === classIndex || (v >= low[a] && v <= high[a])));
  assert.ok(inside.length >= 0.95 * data.rows.length, `${name}: too few rows inside the training ranges`);
  const asked = inside.map((row, r) => row.map((v, a) => (r % 7 === 0 && a === r % classIndex ? NaN : v)));
  const prepared = prepare(train, classIndex);
  const model = knn.train(prepared.set, { k, weighting });
  const options = ['-K', String(k), ...(weighting === 'inverse' ? ['-I'] : [])];
  const theirs = wekaPredictions(train, { ...data, rows: asked }, IBK, options);
  const out = new Float64Array(Math.max(1, prepared.set.classCount));
  asked.forEach((row, r) => {
    model.distribution(row.subarray(0, classIndex), out);
    const scale = prepared.set.task === 'regression' ? Math.max(1, Math.abs(theirs[r][0])) : 1;
    assertClose(Array.from(out), theirs[r], 1e-12 * scale, `${name} row ${r}`);
  });
}

test('agrees with Weka IBk on iris (k = 1)', (t) => {
  if (needsWeka(t)) compareWithWeka('iris', 1, 'none');
});

test('agrees with Weka IBk on glass (k = 3, inverse distance)', (t) => {
  if (needsWeka(t)) compareWithWeka('glass', 3, 'inverse');
});

test('agrees with Weka IBk on diabetes (k = 5, whole-number inputs with many ties)', (t) => {
  if (needsWeka(t)) compareWithWeka('diabetes', 5, 'none');
});

test('agrees with Weka IBk on ionosphere (k = 2, inverse distance, a constant input)', (t) => {
  if (needsWeka(t)) compareWithWeka('ionosphere', 2, 'inverse');
});

test('agrees with Weka IBk on segment-challenge (k = 10, a constant input)', (t) => {
  if (needsWeka(t)) compareWithWeka('segment-challenge', 10, 'none');
});

test('agrees with Weka IBk on cpu regression (k = 4, inverse distance)', (t) => {
  if (needsWeka(t)) compareWithWeka('cpu', 4, 'inverse');
});

test('rows outside the training ranges differ from Weka only because Weka widens its ranges with each input', (t) => {
  if (!needsWeka(t)) return;
  const data = example('glass');
  const train: Dataset = { ...data, rows: data.rows.filter((_, i) => i % 3 !== 0) };
  const params = { k: 5, weighting: 'inverse' };
  const { set } = prepare(train, 9);
  const shape = { task: set.task, inputCount: set.inputCount, classCount: set.classCount };
  const theirs = wekaPredictions(train, data, IBK, ['-K', '5', '-I']);
  let model = knn.train(set, params);
  let differences = 0;
  data.rows.forEach((row, r) => {
    const input = row.subarray(0, 9);
    const asTrained = distributionOf(model, Array.from(input), 7);
    if (asTrained.some((p, c) => Math.abs(p - theirs[r][c]) > 1e-12)) differences++;
    // What IBk does before answering: widen each range to take the input in.
    const state = model.state() as { min: number[]; max: number[] };
    model = knn.restore({ ...state, min: state.min.map((v, a) => Math.min(v, input[a])), max: state.max.map((v, a) => Math.max(v, input[a])) }, params, shape);
    assertClose(distributionOf(model, Array.from(input), 7), theirs[r], 1e-12, `glass row ${r} with Weka's ranges`);
  });
  assert.ok(differences > 0, 'glass was chosen because some of its rows fall outside the training ranges');
});

test('keeps its training ranges: an input far outside them does not change later answers', () => {
  const model = knn.train(lineSet, { k: 1, weighting: 'inverse' });
  const before = distributionOf(model, [2.4]);
  distributionOf(model, [1e6]);
  assert.deepEqual(distributionOf(model, [2.4]), before);
});

test('never answers NaN, even for infinite inputs', () => {
  const classifier = knn.train(lineSet, { k: 2, weighting: 'inverse' });
  for (const x of [Infinity, -Infinity]) {
    const distribution = distributionOf(classifier, [x]);
    assert.ok(distribution.every(Number.isFinite), `class distribution for ${x}`);
    assert.ok(Math.abs(distribution[0] + distribution[1] - 1) < 1e-15);
  }
  const set: TrainingSet = { task: 'regression', inputs: rows([0], [10]), targets: Float64Array.of(1, 3), inputCount: 1, classCount: 0 };
  assert.ok(Number.isFinite(knn.train(set, { k: 1, weighting: 'inverse' }).predict([Infinity])));
});

test('a saved model predicts bit for bit the same after a JSON round trip', (t) => {
  if (!needsWeka(t)) return; // the example datasets come with Weka
  for (const [name, k, weighting] of [['segment-challenge', 3, 'inverse'], ['cpu', 2, 'none']] as const) {
    const data = example(name);
    const classIndex = data.attributes.length - 1;
    const { set } = prepare(data, classIndex);
    const weighted = { ...set, weights: Float64Array.from(set.targets, (_, i) => 1 + (i % 3) / 2) };
    const model = knn.train(weighted, { k, weighting });
    const shape = { task: set.task, inputCount: set.inputCount, classCount: set.classCount };
    const restored = knn.restore(JSON.parse(JSON.stringify(model.state())), { k, weighting }, shape);
    const width = Math.max(1, set.classCount);
    const a = new Float64Array(width);
    const b = new Float64Array(width);
    const random = new JavaRandom(7);
    for (const row of data.rows) {
      const input = row.subarray(0, classIndex).map((v) => v * (0.5 + random.nextDouble()));
      model.distribution(input, a);
      restored.distribution(input, b);
      assert.deepEqual(b, a);
      assert.equal(restored.predict(input), model.predict(input));
    }
  }
});

test('a damaged saved model is refused with an InputError', () => {
  const params = { k: 1, weighting: 'none' };
  const shape = { task: 'classification', inputCount: 1, classCount: 2 } as const;
  const good = knn.train(lineSet, params).state() as Record<string, unknown>;
  assert.doesNotThrow(() => knn.restore(good, params, shape));
  const damaged: unknown[] = [
    null,
    'knn',
    {},
    { ...good, inputs: [[0, 1], [1], [2], [4]] },
    { ...good, inputs: [] },
    { ...good, inputs: [['0'], [1], [2], [4]] },
    { ...good, targets: [0, 0, 1, 2] },
    { ...good, targets: [0, 0, 1] },
    { ...good, targets: [0, 0.5, 1, 1] },
    { ...good, weights: [1, 1, -1, 1] },
    { ...good, weights: [1, 1] },
    { ...good, min: [5] },
    { ...good, max: [] },
  ];
  for (const state of damaged) {
    assert.throws(() => knn.restore(state, params, shape), (error: unknown) => {
      assert.ok(error instanceof InputError, String(error));
      assert.match(error.message, /saved knn model is damaged.*train it again/);
      return true;
    });
  }
});

test('keepSmallest keeps the k smallest values with the largest of them on top, duplicates included', () => {
  const random = new JavaRandom(3);
  for (let trial = 0; trial < 200; trial++) {
    const values = Float64Array.from({ length: 1 + random.nextInt(30) }, () => random.nextInt(10));
    const sorted = Float64Array.from(values).sort();
    const k = 1 + random.nextInt(values.length + 3);
    const heap = new Float64Array(k);
    let size = 0;
    for (const value of values) size = keepSmallest(heap, size, k, value);
    assert.equal(size, Math.min(k, values.length));
    assert.equal(heap[0], sorted[size - 1]);
  }
});
