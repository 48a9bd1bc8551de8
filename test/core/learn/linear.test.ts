import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseArff } from '../../../src/core/data/arff.ts';
import type { Dataset } from '../../../src/core/data/dataset.ts';
import { InputError } from '../../../src/core/errors.ts';
import type { TrainingSet } from '../../../src/core/learn/algorithm.ts';
import { linear } from '../../../src/core/learn/linear.ts';
import { prepare } from '../../../src/core/learn/prepare.ts';
import { JavaRandom } from '../../../src/core/util/java-random.ts';
import { WEKA_EXAMPLES, needsWeka, wekaPredictions } from '../../peers/weka.ts';

const WEKINATOR = { ridge: 1e-8, eliminateColinear: false };
const WEKINATOR_OPTIONS = ['-S', '1', '-R', '1e-8', '-C'];

function numericDataset(rows: readonly number[][]): Dataset {
  const width = rows[0].length;
  return {
    relation: 'made-up',
    attributes: Array.from({ length: width }, (_, i) => ({ name: i === width - 1 ? 'out' : `in${i}`, kind: 'numeric' as const })),
    rows: rows.map((row) => Float64Array.from(row)),
  };
}

function regressionSet(inputs: readonly number[][], targets: readonly number[], weights?: readonly number[]): TrainingSet {
  return {
    task: 'regression',
    inputs: inputs.map((row) => Float64Array.from(row)),
    targets: Float64Array.from(targets),
    weights: weights && Float64Array.from(weights),
    inputCount: inputs[0].length,
    classCount: 0,
  };
}

/** Trains on `train` (class last) and predicts every row of `test`, as Weka's peer does. */
function ourPredictions(train: Dataset, test: Dataset, params = WEKINATOR): number[] {
  const classIndex = train.attributes.length - 1;
  const model = linear.train(prepare(train, classIndex).set, params);
  return test.rows.map((row) => model.predict(row.subarray(0, classIndex)));
}

function wekaLinear(train: Dataset, test: Dataset, options = WEKINATOR_OPTIONS): number[] {
  return wekaPredictions(train, test, 'weka.classifiers.functions.LinearRegression', options).map((p) => p[0]);
}

function assertClose(actual: readonly number[], expected: readonly number[], relative: number): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((a, i) => {
    const tolerance = relative * Math.max(1, Math.abs(expected[i]));
    assert.ok(Math.abs(a - expected[i]) <= tolerance, `row ${i}: ${a} vs ${expected[i]}`);
  });
}

const cpu = () => parseArff(readFileSync(`${WEKA_EXAMPLES}/cpu.arff`, 'utf8'), 'cpu.arff');

/** Two nearly identical inputs and one independent one: colinear elimination has work to do. */
function nearlyColinear(): Dataset {
  const random = new JavaRandom(5);
  return numericDataset(
    Array.from({ length: 30 }, () => {
      const a = random.nextDouble() * 10;
      const b = a + random.nextDouble() * 0.01;
      const c = random.nextDouble();
      return [a, b, c, 2 * a - b + 3 * c + random.nextDouble()];
    }),
  );
}

test('agrees with Weka LinearRegression on cpu.arff, trained on all of it', (t) => {
  if (!needsWeka(t)) return;
  const data = cpu();
  // Same arithmetic in the same order: the predictions are the same doubles.
  assertClose(ourPredictions(data, data), wekaLinear(data, data), 1e-12);
});

test('agrees with Weka on cpu.arff trained on one part and tested on the rest', (t) => {
  if (!needsWeka(t)) return;
  const data = cpu();
  const train = { ...data, rows: data.rows.filter((_, i) => i % 3 !== 0) };
  const test = { ...data, rows: data.rows.filter((_, i) => i % 3 === 0) };
  assertClose(ourPredictions(train, test), wekaLinear(train, test), 1e-12);
});

test("with eliminateColinear on, drops the inputs Weka's default drops", (t) => {
  if (!needsWeka(t)) return;
  const data = nearlyColinear();
  const eliminating = ourPredictions(data, data, { ridge: 1e-8, eliminateColinear: true });
  assertClose(eliminating, wekaLinear(data, data, ['-S', '1', '-R', '1e-8']), 1e-12);
  assertClose(ourPredictions(data, data), wekaLinear(data, data), 1e-12);
  assert.ok(Math.abs(eliminating[0] - ourPredictions(data, data)[0]) > 1e-3, 'elimination changed nothing');
});

test('fits an exact plane through its points', () => {
  const inputs = [
    [0, 0],
    [1, 0],
    [0, 1],
    [2, 3],
    [-1, 4],
  ];
  const model = linear.train(regressionSet(inputs, inputs.map(([a, b]) => 3 * a - 2 * b + 5)), WEKINATOR);
  const state = model.state() as { weights: number[]; intercept: number };
  assertClose(state.weights, [3, -2], 1e-7);
  assertClose([state.intercept], [5], 1e-7);
  assertClose([model.predict([10, -10])], [55], 1e-6);
});

test('applies the ridge to inputs scaled to unit spread, as Weka does', () => {
  // x = 0,1,2 has mean 1 and spread 1, so the scaled inputs are -1,0,1 with Σz² = 2;
  // for y = x the scaled weight is Σzy / (Σz² + ridge) = 2/3, the intercept 1 - 2/3.
  const model = linear.train(regressionSet([[0], [1], [2]], [0, 1, 2]), { ridge: 1, eliminateColinear: false });
  const state = model.state() as { weights: number[]; intercept: number };
  assert.equal(state.weights[0], 2 / 3);
  assertClose([state.intercept, model.predict([3])], [1 / 3, 7 / 3], 1e-15);
});

test('an example of weight 2 counts as that example twice', () => {
  const inputs = [
    [0, 1],
    [1, 3],
    [2, 2],
    [4, 0],
  ];
  const targets = [1, 4, 2, 7];
  const weighted = linear.train(regressionSet(inputs, targets, [1, 2, 1, 1]), WEKINATOR);
  const repeated = linear.train(regressionSet([...inputs, inputs[1]], [...targets, targets[1]]), WEKINATOR);
  for (const probe of [[0, 0], [3, 1], [-2, 5]]) assertClose([weighted.predict(probe)], [repeated.predict(probe)], 1e-12);
});

test('a constant input gets no weight and Weka’s predictions', (t) => {
  const random = new JavaRandom(11);
  const rows = Array.from({ length: 13 }, () => {
    const x = random.nextDouble();
    return [7, x, 3 * x + 1 + random.nextDouble() * 0.1];
  });
  const model = linear.train(prepare(numericDataset(rows), 2).set, WEKINATOR);
  assert.equal((model.state() as { weights: number[] }).weights[0], 0);
  if (!needsWeka(t)) return;
  const data = numericDataset(rows);
  assertClose(ourPredictions(data, data), wekaLinear(data, data), 1e-12);
  // 1.1 ten times has a variance of 8e-16 by Weka's formula, so Weka keeps it as an input.
  const nearlyConstant = numericDataset(rows.slice(0, 10).map(([, x, y]) => [1.1, x, y]));
  assertClose(ourPredictions(nearlyConstant, nearlyConstant), wekaLinear(nearlyConstant, nearlyConstant), 1e-12);
});

test('identical inputs make the system singular: the ridge grows tenfold until it solves, as in Weka', (t) => {
  const random = new JavaRandom(3);
  const rows = Array.from({ length: 10 }, () => {
    const x = random.nextDouble();
    return [x, x, 2 * x + random.nextDouble()];
  });
  const data = numericDataset(rows);
  // A ridge of 0 (Weka would loop for ever) is retried from 1e-8.
  const fromZero = ourPredictions(data, data, { ridge: 0, eliminateColinear: false });
  for (const p of fromZero) assert.ok(Number.isFinite(p));
  if (!needsWeka(t)) return;
  assertClose(fromZero, wekaLinear(data, data), 1e-12);
  // 1e-300 vanishes beside the diagonal, so the LU meets an exact zero pivot and retries.
  const tiny = { ridge: 1e-300, eliminateColinear: false };
  assertClose(ourPredictions(data, data, tiny), wekaLinear(data, data, ['-S', '1', '-R', '1e-300', '-C']), 1e-12);
});

test('one example, or none that vary, gives the mean output', () => {
  const single = linear.train(regressionSet([[3, 4]], [9]), WEKINATOR);
  assert.equal(single.predict([100, -100]), 9);
  const flat = linear.train(regressionSet([[1], [1], [1]], [2, 4, 9]), WEKINATOR);
  assert.equal(flat.predict([50]), 5);
});

test('never predicts NaN, even for NaN or infinite inputs', () => {
  const model = linear.train(regressionSet([[0, 0], [1, 2], [2, 1], [3, 3]], [1, 2, 6, 5]), WEKINATOR);
  assert.equal(model.predict([NaN, 1]), 3.5);
  const infinite = [[Infinity, Infinity], [Infinity, -Infinity], [-Infinity, 0]].map((input) => model.predict(input));
  assert.ok(!infinite.some(Number.isNaN), String(infinite));
  assert.ok(infinite.includes(3.5), 'one of them sums ∞ - ∞ and falls back to the mean output');
  const out = new Float64Array(1);
  model.distribution([1, 2], out);
  assert.equal(out[0], model.predict([1, 2]));
});

test('values too far apart in size for doubles are refused with a message, not fitted to ∞', () => {
  const tooLarge = /too far apart in size/;
  assert.throws(() => linear.train(regressionSet([[0], [1], [2]], [-1.7e308, 0, 1.7e308]), WEKINATOR), tooLarge);
  assert.throws(() => linear.train(regressionSet([[0], [1e-150], [2e-150]], [0, 1e160, 2e160]), WEKINATOR), tooLarge);
});

test('a saved model comes back through JSON with identical predictions', () => {
  const data = cpu();
  const model = linear.train(prepare(data, 6).set, { ridge: 1e-3, eliminateColinear: true });
  const saved = JSON.parse(JSON.stringify(model.state())) as unknown;
  const restored = linear.restore(saved, { ridge: 1e-3, eliminateColinear: true }, { task: 'regression', inputCount: 6, classCount: 0 });
  for (const row of data.rows) assert.equal(restored.predict(row.subarray(0, 6)), model.predict(row.subarray(0, 6)));
});

test('a damaged saved model is refused with an InputError', () => {
  const shape = { task: 'regression', inputCount: 2, classCount: 0 } as const;
  const good = { weights: [1, 2], intercept: 3, fallback: 4 };
  assert.doesNotThrow(() => linear.restore(good, WEKINATOR, shape));
  for (const damaged of [
    null,
    'weights',
    { ...good, weights: [1] },
    { ...good, weights: [1, '2'] },
    { ...good, weights: [1, null] },
    { ...good, intercept: undefined },
    { weights: [1, 2], intercept: 3 },
  ]) {
    assert.throws(() => linear.restore(damaged, WEKINATOR, shape), InputError, JSON.stringify(damaged));
  }
  assert.throws(() => linear.restore(good, WEKINATOR, { ...shape, task: 'classification', classCount: 2 }), InputError);
});

test('refuses to classify', () => {
  const set: TrainingSet = { ...regressionSet([[0], [1]], [0, 1]), task: 'classification', classCount: 2 };
  assert.throws(() => linear.train(set, WEKINATOR), /use a classifier/);
});
