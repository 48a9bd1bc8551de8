import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArff } from '../../../src/core/data/arff.ts';
import type { Dataset } from '../../../src/core/data/dataset.ts';
import { InputError } from '../../../src/core/errors.ts';
import type { Model, TrainingSet } from '../../../src/core/learn/algorithm.ts';
import { naiveBayes } from '../../../src/core/learn/naive-bayes.ts';
import { normalCdf } from '../../../src/core/learn/normal-cdf.ts';
import { prepare } from '../../../src/core/learn/prepare.ts';
import { JavaRandom } from '../../../src/core/util/java-random.ts';
import { WEKA_EXAMPLES, needsWeka, wekaPredictions } from '../../peers/weka.ts';

const NAIVE_BAYES = 'weka.classifiers.bayes.NaiveBayes';
/**
 * Weka feeds examples to its estimators in the order of its own (unstable) sort; the one-pass
 * variance it uses cancels badly when a class's spread is tiny next to its values (glass's
 * refractive index: 1.52 ± 0.002), so summing in another order moves answers by up to ~3e-10.
 */
const TOLERANCE = 1e-9;

function example(name: string): Dataset {
  return parseArff(readFileSync(join(WEKA_EXAMPLES, `${name}.arff`), 'utf8'), name);
}

function distributionOf(model: Model, input: number[], width: number): number[] {
  const out = new Float64Array(width);
  model.distribution(Float64Array.from(input), out);
  return Array.from(out);
}

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number, what: string): void {
  assert.equal(actual.length, expected.length, what);
  for (let i = 0; i < actual.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= tolerance, `${what}: ${actual[i]} vs ${expected[i]} at ${i}`);
  }
}

test('normalCdf matches the standard normal distribution in the middle and the tails', () => {
  // Φ from Python's math.erfc (an independent implementation). Cephes' exp(-x²) step leaves
  // ~1e-14 relative error far in the tails.
  const reference: [number, number][] = [
    [0, 0.5],
    [0.5, 0.6914624612740131],
    [-1.5, 0.06680720126885809],
    [1.96, 0.9750021048517795],
    [-3, 0.0013498980316300957],
    [-10, 7.619853024160593e-24],
  ];
  for (const [z, p] of reference) assert.ok(Math.abs(normalCdf(z) - p) <= 1e-13 * p, `Φ(${z}) = ${normalCdf(z)}, not ${p}`);
  assert.equal(normalCdf(40), 1);
  assert.equal(normalCdf(-40), 0);
});

/** One input; class a at 1, 2, 3 and class b at 5, 7. */
const twoClasses: TrainingSet = {
  task: 'classification',
  inputs: [1, 2, 3, 5, 7].map((x) => Float64Array.of(x)),
  targets: Float64Array.of(0, 0, 0, 1, 1),
  inputCount: 1,
  classCount: 2,
};

test('hand-computed: precision from the gaps, values rounded to it, Laplace prior', () => {
  // Distinct values 1, 2, 3, 5, 7: gaps sum to 6 over 4 steps, so precision 1.5.
  // Rounded to it, class a holds 1.5, 1.5, 3 (mean 2, sd √0.5) and class b 4.5, 7.5 (mean 6, sd 1.5).
  // Prior with one extra example per class: 4/7 and 3/7. An input of 4 rounds to 4.5, of 1 to 1.5;
  // each class's likelihood is Φ over 4.5 ± 0.75 (resp. 1.5 ± 0.75). Expected values from Python.
  const model = naiveBayes.train(twoClasses, {});
  assertClose(distributionOf(model, [4], 2), [0.03544382470321917, 0.9645561752967808], 1e-14, 'x = 4');
  assertClose(distributionOf(model, [1], 2), [0.9925793633545603, 0.007420636645439729], 1e-14, 'x = 1');
  assert.equal(model.predict([4]), 1);
  // A missing input tells nothing: the prior alone.
  assertClose(distributionOf(model, [NaN], 2), [4 / 7, 3 / 7], 1e-15, 'x missing');
});

test('hand-computed: a class seen at one value keeps a deviation of precision/6', () => {
  const set: TrainingSet = { ...twoClasses, inputs: [1, 1, 1, 5, 7].map((x) => Float64Array.of(x)) };
  // Distinct values 1, 5, 7: precision 3. Class a sits at 0 after rounding (1/3 rounds to 0), sd 0.5.
  const model = naiveBayes.train(set, {});
  const state = model.state() as { precision: number[]; mean: number[][]; deviation: number[][] };
  assert.deepEqual(state.precision, [3]);
  assert.deepEqual(state.mean[0][0], 0);
  assert.deepEqual(state.deviation[0][0], 0.5);
});

test('the hand-computed case agrees with Weka NaiveBayes', (t) => {
  if (!needsWeka(t)) return;
  const data: Dataset = {
    relation: 'two-classes',
    attributes: [
      { name: 'x', kind: 'numeric' },
      { name: 'class', kind: 'nominal', values: ['a', 'b'] },
    ],
    rows: twoClasses.inputs.map((row, i) => Float64Array.of(row[0], twoClasses.targets[i])),
  };
  const queries = [4, 1, NaN, -3, 6.75, 100, 0.75, 2.25];
  const theirs = wekaPredictions(data, { ...data, rows: queries.map((x) => Float64Array.of(x, NaN)) }, NAIVE_BAYES);
  const model = naiveBayes.train(twoClasses, {});
  queries.forEach((x, r) => assertClose(distributionOf(model, [x], 2), theirs[r], 1e-15, `x = ${x}`));
});

/** Trains on two rows in three and asks about every row, some with an input missing. */
function compareWithWeka(name: string): void {
  const data = example(name);
  const classIndex = data.attributes.length - 1;
  const train: Dataset = { ...data, rows: data.rows.filter((_, i) => i % 3 !== 0) };
  const asked = data.rows.map((row, r) => row.map((v, a) => (r % 7 === 0 && a === r % classIndex ? NaN : v)));
  const { set } = prepare(train, classIndex);
  const model = naiveBayes.train(set, {});
  const theirs = wekaPredictions(train, { ...data, rows: asked }, NAIVE_BAYES);
  const out = new Float64Array(set.classCount);
  asked.forEach((row, r) => {
    model.distribution(row.subarray(0, classIndex), out);
    assertClose(out, theirs[r], TOLERANCE, `${name} row ${r}`);
  });
}

for (const name of ['iris', 'glass', 'diabetes', 'ionosphere', 'segment-challenge']) {
  test(`agrees with Weka NaiveBayes on ${name}`, (t) => {
    if (needsWeka(t)) compareWithWeka(name);
  });
}

test('an example of weight w counts as w copies of it (Weka trained on the copies)', (t) => {
  if (!needsWeka(t)) return;
  const data = example('diabetes');
  const classIndex = data.attributes.length - 1;
  const some: Dataset = { ...data, rows: data.rows.slice(0, 300) };
  const copies = (i: number) => 1 + (i % 4);
  const copied: Dataset = { ...some, rows: some.rows.flatMap((row, i) => Array.from({ length: copies(i) }, () => row)) };
  const { set } = prepare(some, classIndex);
  const weighted = naiveBayes.train({ ...set, weights: Float64Array.from(set.targets, (_, i) => copies(i)) }, {});
  const duplicated = naiveBayes.train(prepare(copied, classIndex).set, {});
  const theirs = wekaPredictions(copied, data, NAIVE_BAYES);
  const a = new Float64Array(2);
  const b = new Float64Array(2);
  data.rows.forEach((row, r) => {
    const input = row.subarray(0, classIndex);
    weighted.distribution(input, a);
    duplicated.distribution(input, b);
    // w·x once and x added w times round differently: the same cancellation as above.
    assertClose(a, b, TOLERANCE, `weighted vs copied, row ${r}`);
    assertClose(a, theirs[r], TOLERANCE, `weighted vs Weka, row ${r}`);
  });
});

test('never answers NaN, even for infinite inputs', () => {
  const model = naiveBayes.train(twoClasses, {});
  for (const x of [Infinity, -Infinity, 1e300, -1e300]) {
    const distribution = distributionOf(model, [x], 2);
    assert.ok(distribution.every(Number.isFinite), `x = ${x}: ${distribution}`);
  }
});

test('a saved model predicts bit for bit the same after a JSON round trip', (t) => {
  if (!needsWeka(t)) return; // the example datasets come with Weka
  const data = example('segment-challenge');
  const classIndex = data.attributes.length - 1;
  const { set } = prepare(data, classIndex);
  const model = naiveBayes.train({ ...set, weights: Float64Array.from(set.targets, (_, i) => 0.25 + (i % 5)) }, {});
  const shape = { task: set.task, inputCount: set.inputCount, classCount: set.classCount };
  const restored = naiveBayes.restore(JSON.parse(JSON.stringify(model.state())), {}, shape);
  const a = new Float64Array(set.classCount);
  const b = new Float64Array(set.classCount);
  const random = new JavaRandom(11);
  for (const row of data.rows) {
    const input = row.subarray(0, classIndex).map((v) => v * (0.5 + random.nextDouble()));
    model.distribution(input, a);
    restored.distribution(input, b);
    assert.deepEqual(b, a);
    assert.equal(restored.predict(input), model.predict(input));
  }
});

test('a damaged saved model is refused with an InputError', () => {
  const shape = { task: 'classification', inputCount: 1, classCount: 2 } as const;
  const good = naiveBayes.train(twoClasses, {}).state() as Record<string, unknown>;
  assert.doesNotThrow(() => naiveBayes.restore(good, {}, shape));
  const damaged: unknown[] = [
    undefined,
    [],
    { ...good, prior: [0.5] },
    { ...good, prior: [0, 1] },
    { ...good, precision: [0] },
    { ...good, precision: [] },
    { ...good, mean: [[2]] },
    { ...good, mean: [[2, '6']] },
    { ...good, deviation: [[0.7, -1.5]] },
    { ...good, deviation: undefined },
  ];
  for (const state of damaged) {
    assert.throws(() => naiveBayes.restore(state, {}, shape), (error: unknown) => {
      assert.ok(error instanceof InputError, String(error));
      assert.match(error.message, /saved naive Bayes model is damaged.*train it again/);
      return true;
    });
  }
});

test('refuses to learn numbers', () => {
  const set: TrainingSet = { task: 'regression', inputs: [Float64Array.of(1)], targets: Float64Array.of(2), inputCount: 1, classCount: 0 };
  assert.throws(() => naiveBayes.train(set, {}), InputError);
});
