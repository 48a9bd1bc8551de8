import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Normaliser } from '../../../src/core/data/normaliser.ts';
import { JavaRandom } from '../../../src/core/util/java-random.ts';

const NaN = Number.NaN;

// Column 0 spans 2..10, column 1 is constant, column 2 spans 1..7 with one value missing.
const ROWS = [
  [2, 5, 7],
  [4, 5, 1],
  [10, 5, NaN],
  [6, 5, 3],
];

function applied(normaliser: Normaliser, input: number[]): number[] {
  const out = new Float64Array(normaliser.width);
  normaliser.apply(input, out);
  return [...out];
}

test('minmax maps each training range onto [0, 1], skipping missing values', () => {
  const normaliser = Normaliser.fit(ROWS, 3, 'minmax');
  assert.deepEqual(normaliser.state(), { range: 'minmax', min: [2, 5, 1], max: [10, 5, 7] });
  assert.deepEqual(applied(normaliser, [2, 5, 1]), [0, 0, 0]);
  assert.deepEqual(applied(normaliser, [10, 5, 7]), [1, 0, 1]);
  assert.deepEqual(applied(normaliser, [4, 5, 3]), [0.25, 0, 1 / 3]);
  assert.deepEqual(applied(normaliser, [6, 5, 4]), [0.5, 0, 0.5]);
  // Values outside the training range extrapolate, as in Weka.
  assert.deepEqual(applied(normaliser, [14, 5, -2]), [1.5, 0, -0.5]);
});

test('symmetric maps each training range onto [-1, 1]', () => {
  const normaliser = Normaliser.fit(ROWS, 3, 'symmetric');
  assert.deepEqual(applied(normaliser, [2, 5, 1]), [-1, 0, -1]);
  assert.deepEqual(applied(normaliser, [10, 5, 7]), [1, 0, 1]);
  assert.deepEqual(applied(normaliser, [4, 5, 4]), [-0.5, 0, 0]);
  assert.deepEqual(applied(normaliser, [6, 5, 6]), [0, 0, 2 / 3]);
  assert.deepEqual(applied(normaliser, [14, 5, -5]), [2, 0, -3]);
});

test('a constant column, or one with no values, gives 0 and never NaN', () => {
  for (const range of ['minmax', 'symmetric'] as const) {
    const normaliser = Normaliser.fit([[5, NaN], [5, NaN]], 2, range);
    for (const x of [5, -3, 1e300, 0]) {
      assert.deepEqual(applied(normaliser, [x, x]), [0, 0], `${range} ${x}`);
      assert.equal(normaliser.value(0, x), 0);
    }
    assert.deepEqual(normaliser.state().min, [5, 0]);
    assert.deepEqual(Normaliser.fit([], 2, range).state(), { range, min: [0, 0], max: [0, 0] });
  }
});

test("scales with Weka's own arithmetic, to the last bit", () => {
  // IBk's distance computes (x - min) / (max - min); MultilayerPerceptron (x - base) / halfRange
  // with base = (max + min) / 2 and halfRange = (max - min) / 2. Multiplying by a precomputed
  // reciprocal instead differs in the last bit for about half of all values.
  const random = new JavaRandom(42);
  const rows = Array.from({ length: 50 }, () => [random.nextDouble() * 20 - 7, random.nextDouble() * 1e-3]);
  const minmax = Normaliser.fit(rows, 2, 'minmax');
  const symmetric = Normaliser.fit(rows, 2, 'symmetric');
  const { min, max } = minmax.state();
  for (let k = 0; k < 1000; k++) {
    const input = [random.nextDouble() * 30 - 10, random.nextDouble() * 2e-3];
    for (let i = 0; i < 2; i++) {
      assert.equal(minmax.value(i, input[i]), (input[i] - min[i]) / (max[i] - min[i]));
      assert.equal(symmetric.value(i, input[i]), (input[i] - (max[i] + min[i]) / 2) / ((max[i] - min[i]) / 2));
    }
  }
});

test('apply may write over its input', () => {
  const normaliser = Normaliser.fit(ROWS, 3, 'minmax');
  const values = new Float64Array([6, 5, 4]);
  normaliser.apply(values, values);
  assert.deepEqual([...values], [0.5, 0, 0.5]);
});

test('the state survives JSON and gives bit-identical values', () => {
  const random = new JavaRandom(7);
  const rows = Array.from({ length: 30 }, () => [(random.nextDouble() - 0.5) * 1e6, random.nextDouble() / 3, 4]);
  for (const range of ['minmax', 'symmetric'] as const) {
    const original = Normaliser.fit(rows, 3, range);
    const state: unknown = JSON.parse(JSON.stringify(original.state()));
    const restored = new Normaliser(state as ReturnType<Normaliser['state']>);
    assert.deepEqual(restored.state(), original.state());
    for (let k = 0; k < 100; k++) {
      const input = [(random.nextDouble() - 0.5) * 2e6, random.nextDouble(), random.nextDouble() * 8];
      assert.deepEqual(applied(restored, input), applied(original, input));
    }
  }
});
