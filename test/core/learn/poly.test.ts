import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseArff } from '../../../src/core/data/arff.ts';
import type { Dataset } from '../../../src/core/data/dataset.ts';
import { InputError } from '../../../src/core/errors.ts';
import type { TrainingSet } from '../../../src/core/learn/algorithm.ts';
import { linear } from '../../../src/core/learn/linear.ts';
import { poly } from '../../../src/core/learn/poly.ts';
import { prepare } from '../../../src/core/learn/prepare.ts';
import { JavaRandom } from '../../../src/core/util/java-random.ts';
import { WEKA_EXAMPLES, needsWeka, wekaPredictions } from '../../peers/weka.ts';

const WEKINATOR_OPTIONS = ['-S', '1', '-R', '1e-8', '-C'];
const params = (degree: number, eliminateColinear = false) => ({ degree, ridge: 1e-8, eliminateColinear });

function numericDataset(rows: readonly (readonly number[])[]): Dataset {
  const width = rows[0].length;
  return {
    relation: 'made-up',
    attributes: Array.from({ length: width }, (_, i) => ({ name: i === width - 1 ? 'out' : `in${i}`, kind: 'numeric' as const })),
    rows: rows.map((row) => Float64Array.from(row)),
  };
}

/** What Wekinator hands Weka: x, x², …, xⁿ of each input in turn, then the output. */
function expanded(data: Dataset, degree: number): Dataset {
  return numericDataset(
    data.rows.map((row) => {
      const inputs = Array.from(row.subarray(0, row.length - 1));
      return [...inputs.flatMap((x) => Array.from({ length: degree }, (_, p) => x ** (p + 1))), row[row.length - 1]];
    }),
  );
}

function ourPredictions(train: Dataset, test: Dataset, degree: number, eliminateColinear = false): number[] {
  const classIndex = train.attributes.length - 1;
  const model = poly.train(prepare(train, classIndex).set, params(degree, eliminateColinear));
  return test.rows.map((row) => model.predict(row.subarray(0, classIndex)));
}

function wekaOnPowers(train: Dataset, test: Dataset, degree: number, options = WEKINATOR_OPTIONS): number[] {
  return wekaPredictions(expanded(train, degree), expanded(test, degree), 'weka.classifiers.functions.LinearRegression', options).map(
    (p) => p[0],
  );
}

function assertClose(actual: readonly number[], expected: readonly number[], relative: number): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((a, i) => {
    const tolerance = relative * Math.max(1, Math.abs(expected[i]));
    assert.ok(Math.abs(a - expected[i]) <= tolerance, `row ${i}: ${a} vs ${expected[i]}`);
  });
}

function regressionSet(inputs: readonly number[][], targets: readonly number[]): TrainingSet {
  return {
    task: 'regression',
    inputs: inputs.map((row) => Float64Array.from(row)),
    targets: Float64Array.from(targets),
    inputCount: inputs[0].length,
    classCount: 0,
  };
}

const cpu = () => parseArff(readFileSync(`${WEKA_EXAMPLES}/cpu.arff`, 'utf8'), 'cpu.arff');

test('agrees with Weka LinearRegression on the squared cpu.arff inputs', (t) => {
  if (!needsWeka(t)) return;
  const data = cpu();
  assertClose(ourPredictions(data, data, 2), wekaOnPowers(data, data, 2), 1e-12);
});

test('agrees with Weka on cubic cpu.arff trained on one part, Weka default colinear elimination on', (t) => {
  if (!needsWeka(t)) return;
  const data = cpu();
  const train = { ...data, rows: data.rows.filter((_, i) => i % 4 !== 1) };
  const test = { ...data, rows: data.rows.filter((_, i) => i % 4 === 1) };
  assertClose(ourPredictions(train, test, 3, true), wekaOnPowers(train, test, 3, ['-S', '1', '-R', '1e-8']), 1e-12);
});

test('degree 10 on inputs up to 1000 is as ill-conditioned as in Weka, and gives what Weka gives', (t) => {
  const random = new JavaRandom(8);
  const rows = Array.from({ length: 60 }, () => {
    const a = random.nextDouble() * 1000;
    const b = random.nextDouble() * 1000;
    return [a, b, Math.sin(a / 200) + b / 500 + random.nextDouble() * 0.05];
  });
  const data = numericDataset(rows);
  const ours = ourPredictions(data, data, 10);
  for (const p of ours) assert.ok(Number.isFinite(p));
  if (!needsWeka(t)) return;
  assertClose(ours, wekaOnPowers(data, data, 10), 1e-12);
});

test('fits a parabola through its points exactly', () => {
  const xs = [-2, -1, 0, 0.5, 1, 3];
  const model = poly.train(regressionSet(xs.map((x) => [x]), xs.map((x) => 2 * x * x - 3 * x + 1)), params(2));
  const state = model.state() as { weights: number[]; intercept: number };
  assertClose(state.weights, [-3, 2], 1e-7);
  assertClose([state.intercept, model.predict([5])], [1, 36], 1e-7);
});

test('degree 1 is linear regression', () => {
  const set = regressionSet([[0, 1], [1, 3], [2, 2], [4, 0]], [1, 4, 2, 7]);
  const line = linear.train(set, { ridge: 1e-8, eliminateColinear: false });
  const curve = poly.train(set, params(1));
  for (const probe of [[0, 0], [3, 1], [-2, 5]]) assert.equal(curve.predict(probe), line.predict(probe));
});

test('powers too large for doubles are left out rather than turning every weight to NaN', () => {
  // x up to 1e20: x⁸ squared overflows, where Weka would give NaN for everything.
  const random = new JavaRandom(2);
  const xs = Array.from({ length: 40 }, () => random.nextDouble() * 1e20);
  const target = (x: number) => 3 * (x / 1e20) ** 2 - x / 1e20;
  const model = poly.train(regressionSet(xs.map((x) => [x]), xs.map(target)), params(10));
  const weights = (model.state() as { weights: number[] }).weights;
  assert.deepEqual(weights.slice(7), [0, 0, 0]);
  for (const x of xs) assert.ok(Math.abs(model.predict([x]) - target(x)) < 1e-5);
  for (const x of [1e40, -1e40, 1e300, Infinity, -Infinity, NaN]) assert.ok(!Number.isNaN(model.predict([x])), String(x));
});

test('distribution writes the prediction into out[0]', () => {
  const model = poly.train(regressionSet([[0], [1], [2], [3]], [1, 0, 1, 4]), params(3));
  const out = new Float64Array(1);
  model.distribution([1.5], out);
  assert.equal(out[0], model.predict([1.5]));
});

test('a saved model comes back through JSON with identical predictions', () => {
  const data = cpu();
  const model = poly.train(prepare(data, 6).set, params(3));
  const saved = JSON.parse(JSON.stringify(model.state())) as unknown;
  const restored = poly.restore(saved, params(3), { task: 'regression', inputCount: 6, classCount: 0 });
  for (const row of data.rows) assert.equal(restored.predict(row.subarray(0, 6)), model.predict(row.subarray(0, 6)));
});

test('a damaged saved model, or one saved for another degree, is refused with an InputError', () => {
  const shape = { task: 'regression', inputCount: 2, classCount: 0 } as const;
  const good = { degree: 2, weights: [1, 2, 3, 4], intercept: 5, fallback: 6 };
  assert.doesNotThrow(() => poly.restore(good, params(2), shape));
  for (const damaged of [
    null,
    [],
    { ...good, degree: 2.5 },
    { ...good, degree: undefined },
    { ...good, weights: [1, 2, 3] },
    { ...good, weights: [1, 2, 3, 'x'] },
    { ...good, fallback: null },
  ]) {
    assert.throws(() => poly.restore(damaged, params(2), shape), InputError, JSON.stringify(damaged));
  }
  assert.throws(() => poly.restore(good, params(3), shape), /degree 2, not 3/);
});
