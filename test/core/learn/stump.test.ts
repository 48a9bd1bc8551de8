import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArff } from '../../../src/core/data/arff.ts';
import type { Dataset } from '../../../src/core/data/dataset.ts';
import { InputError } from '../../../src/core/errors.ts';
import type { Model, TrainingSet } from '../../../src/core/learn/algorithm.ts';
import { prepare } from '../../../src/core/learn/prepare.ts';
import { stump } from '../../../src/core/learn/stump.ts';
import { JavaRandom } from '../../../src/core/util/java-random.ts';
import { WEKA_EXAMPLES, WEKA_JAR, needsWeka, wekaPredictions } from '../../peers/weka.ts';

const DECISION_STUMP = 'weka.classifiers.trees.DecisionStump';

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

function oneInput(task: 'classification' | 'regression', xs: number[], targets: number[], weights?: number[]): TrainingSet {
  return {
    task,
    inputs: xs.map((x) => Float64Array.of(x)),
    targets: Float64Array.from(targets),
    weights: weights && Float64Array.from(weights),
    inputCount: 1,
    classCount: task === 'classification' ? 2 : 0,
  };
}

test('hand-computed: weighted classes, split where the entropy left is least', () => {
  // x = 1, 2, 3, 4 of classes a, b, a, b weighing 3, 1, 1, 1. In bits per unit weight:
  // x ≤ 1.5: {3a} | {1a, 2b} → 3·0.918/6 = 0.459; x ≤ 2.5: {3a, 1b} | {1a, 1b} → 0.874;
  // x ≤ 3.5: {4a, 1b} | {1b} → 0.602. So 1.5 wins.
  const model = stump.train(oneInput('classification', [1, 2, 3, 4], [0, 1, 0, 1], [3, 1, 1, 1]), {});
  assert.deepEqual(model.state(), { input: 0, threshold: 1.5, atMost: [1, 0], above: [1 / 3, 2 / 3], whenMissing: [4 / 6, 2 / 6] });
  assert.equal(model.predict([1.5]), 0);
  assert.equal(model.predict([1.6]), 1);
  assertClose(distributionOf(model, [NaN], 2), [4 / 6, 2 / 6], 0, 'missing input');
});

test('hand-computed: numbers, split where the squared error left is least', () => {
  // y = 1, 1, 5, 7 at x = 1..4. Error left: x ≤ 1.5: 18.7; x ≤ 2.5: 0 + 2; x ≤ 3.5: 10.7.
  const model = stump.train(oneInput('regression', [1, 2, 3, 4], [1, 1, 5, 7]), {});
  assert.deepEqual(model.state(), { input: 0, threshold: 2.5, atMost: [1], above: [6], whenMissing: [3.5] });
  assert.equal(model.predict([-100]), 1);
  assert.equal(model.predict([3]), 6);
  assert.equal(model.predict([NaN]), 3.5);
});

test('on a tie between inputs the first keeps the split; no split at all answers like a missing input', () => {
  const twin: TrainingSet = {
    task: 'classification',
    inputs: [1, 2, 3, 4].map((x) => Float64Array.of(x, x)),
    targets: Float64Array.of(0, 0, 1, 1),
    inputCount: 2,
    classCount: 2,
  };
  assert.equal((stump.train(twin, {}).state() as { input: number }).input, 0);

  const flat = stump.train(oneInput('classification', [5, 5, 5], [0, 1, 1]), {});
  assertClose(distributionOf(flat, [0], 2), [1 / 3, 2 / 3], 1e-15, 'flat classes');
  // Weka answers 0 here; the mean is the only sensible number.
  const flatNumbers = stump.train(oneInput('regression', [5, 5, 5], [1, 2, 6]), {});
  assert.equal(flatNumbers.predict([9]), 3);
});

test('the same split whatever scale the weights have (boosting renormalises them)', () => {
  const random = new JavaRandom(5);
  const xs = Array.from({ length: 60 }, () => random.nextInt(20));
  const classes = xs.map((x) => (x + random.nextInt(8) > 12 ? 1 : 0));
  const weights = xs.map(() => random.nextDouble());
  const a = stump.train(oneInput('classification', xs, classes, weights), {});
  const b = stump.train(oneInput('classification', xs, classes, weights.map((w) => w * 0.013)), {});
  const as = a.state() as { input: number; threshold: number; above: number[] };
  const bs = b.state() as { input: number; threshold: number; above: number[] };
  assert.equal(bs.threshold, as.threshold);
  assertClose(bs.above, as.above, 1e-14, 'distribution above the threshold');
});

/** Trains on two rows in three and asks about every row, some with an input missing: Weka's answers, bit for bit. */
function compareWithWeka(name: string): void {
  const data = example(name);
  const classIndex = data.attributes.length - 1;
  const train: Dataset = { ...data, rows: data.rows.filter((_, i) => i % 3 !== 0) };
  const asked = data.rows.map((row, r) => row.map((v, a) => (r % 5 === 0 && a < classIndex ? NaN : v)));
  const { set } = prepare(train, classIndex);
  const model = stump.train(set, {});
  const theirs = wekaPredictions(train, { ...data, rows: asked }, DECISION_STUMP);
  const out = new Float64Array(Math.max(1, set.classCount));
  asked.forEach((row, r) => {
    model.distribution(row.subarray(0, classIndex), out);
    assert.deepEqual(Array.from(out), theirs[r], `${name} row ${r}`);
  });
}

for (const name of ['iris', 'glass', 'diabetes', 'ionosphere', 'segment-challenge', 'cpu']) {
  test(`agrees with Weka DecisionStump bit for bit on ${name}`, (t) => {
    if (needsWeka(t)) compareWithWeka(name);
  });
}

/** An example of weight w against Weka trained on w copies of it. */
function compareWeightedWithCopies(name: string): void {
  const data = example(name);
  const classIndex = data.attributes.length - 1;
  const copies = (i: number) => 1 + ((i * 7) % 5);
  const copied: Dataset = { ...data, rows: data.rows.flatMap((row, i) => Array.from({ length: copies(i) }, () => row)) };
  const { set } = prepare(data, classIndex);
  const model = stump.train({ ...set, weights: Float64Array.from(set.targets, (_, i) => copies(i)) }, {});
  const theirs = wekaPredictions(copied, data, DECISION_STUMP);
  const out = new Float64Array(Math.max(1, set.classCount));
  data.rows.forEach((row, r) => {
    model.distribution(row.subarray(0, classIndex), out);
    assert.deepEqual(Array.from(out), theirs[r], `${name} row ${r}`);
  });
}

test('an example of weight w counts as w copies of it: classes (Weka trained on the copies)', (t) => {
  if (needsWeka(t)) compareWeightedWithCopies('diabetes');
});

test('an example of weight w counts as w copies of it: numbers (Weka trained on the copies)', (t) => {
  if (needsWeka(t)) compareWeightedWithCopies('cpu');
});

/**
 * Weka's DecisionStump trained on weighted examples (an ARFF file's {weight} per row, which
 * Dataset cannot carry), read from its printout: each side's title (e.g. "x <= 4.5") and
 * class distribution, which Java prints to the last bit.
 */
function wekaStumpOnWeighted(inputNames: string[], inputs: number[][], classes: number[], weights: number[]): Map<string, number[]> {
  const header = ['@relation weighted', ...inputNames.map((name) => `@attribute ${name} numeric`), '@attribute class {a,b}', '@data'];
  const rows = inputs.map((row, i) => `${row.join(',')},${'ab'[classes[i]]},{${weights[i]}}`);
  const file = join(mkdtempSync(join(tmpdir(), 'oscine-stump-')), 'weighted.arff');
  writeFileSync(file, [...header, ...rows].join('\n') + '\n');
  const printout = execFileSync('java', ['-cp', WEKA_JAR, DECISION_STUMP, '-t', file, '-no-cv'], { encoding: 'utf8' });
  const lines = printout.slice(printout.indexOf('Class distributions')).split('\n');
  const sides = new Map<string, number[]>();
  // Each side: its title, the class names, then the probabilities.
  for (let at = 2; at + 2 < lines.length && lines[at].trim() !== ''; at += 3) {
    sides.set(lines[at].trim(), lines[at + 2].trim().split('\t').map(Number));
  }
  return sides;
}

test('a class whose side weight sinks a hair below 0 by subtraction gets probability 0 and still saves', (t) => {
  // Above 4.5 only the class-a example stays: b's weight there is 2.4 (summed in row order)
  // less 0.5, 0.7, 0.9, 0.3 (in Weka's sorted order) = −5.6e-17. Weka reports (1 + 2e-16, −6e-17).
  const xs = [5, 4, 4, 4, 3];
  const classes = [0, 1, 1, 1, 1];
  const weights = [0.9, 0.3, 0.9, 0.7, 0.5];
  const model = stump.train(oneInput('classification', xs, classes, weights), {});
  const state = model.state() as { threshold: number; atMost: number[]; above: number[]; whenMissing: number[] };
  assert.equal(state.threshold, 4.5);
  assert.deepEqual(state.atMost, [0, 1]);
  assert.deepEqual(state.above, [1, 0]);
  const restored = stump.restore(JSON.parse(JSON.stringify(state)), {}, { task: 'classification', inputCount: 1, classCount: 2 });
  assert.deepEqual(distributionOf(restored, [5], 2), [1, 0]);

  if (!needsWeka(t)) return;
  const weka = wekaStumpOnWeighted(['x'], xs.map((x) => [x]), classes, weights);
  const clamped = (side: string) => weka.get(side)?.map((p) => Math.min(Math.max(p, 0), 1));
  assert.deepEqual(clamped('x <= 4.5'), state.atMost);
  assert.deepEqual(clamped('x > 4.5'), state.above);
  assert.ok(weka.get('x > 4.5')?.some((p) => p < 0), 'Weka itself reports a negative probability here');
  assert.deepEqual(weka.get('x is missing'), state.whenMissing);
});

test('two inputs that split alike: the tie falls as in Weka, by the order its sums add up in', (t) => {
  // y = 10x, so both inputs split at the same place with the same weights on each side. Only
  // rounding tells their entropies apart, and it depends on the order Weka's quicksort (not a
  // stable sort) leaves the examples in: then y scores a hair lower and wins.
  const xs = [0, 1, 1, 0, 0, 1];
  const classes = [0, 1, 1, 1, 1, 1];
  const weights = [0.488, 0.915, 0.16, 0.37, 0.865, 0.54];
  const set: TrainingSet = {
    task: 'classification',
    inputs: xs.map((x) => Float64Array.of(x, 10 * x)),
    targets: Float64Array.from(classes),
    weights: Float64Array.from(weights),
    inputCount: 2,
    classCount: 2,
  };
  const state = stump.train(set, {}).state() as { input: number; threshold: number; atMost: number[]; above: number[]; whenMissing: number[] };
  assert.equal(state.input, 1);
  assert.equal(state.threshold, 5);

  if (!needsWeka(t)) return;
  const weka = wekaStumpOnWeighted(['x', 'y'], xs.map((x) => [x, 10 * x]), classes, weights);
  assert.deepEqual([...weka.keys()], ['y <= 5.0', 'y > 5.0', 'y is missing']);
  assert.deepEqual(weka.get('y <= 5.0'), state.atMost);
  assert.deepEqual(weka.get('y > 5.0'), state.above);
  assert.deepEqual(weka.get('y is missing'), state.whenMissing);
});

test('refuses examples that all weigh nothing', () => {
  assert.throws(() => stump.train(oneInput('classification', [1, 2], [0, 1], [0, 0]), {}), InputError);
});

test('a saved model predicts bit for bit the same after a JSON round trip', () => {
  const random = new JavaRandom(9);
  const xs = Array.from({ length: 40 }, () => random.nextDouble() - 0.5);
  for (const task of ['classification', 'regression'] as const) {
    const targets = xs.map((x) => (task === 'classification' ? Number(x + random.nextDouble() > 0.5) : 3 * x + random.nextDouble()));
    const model = stump.train(oneInput(task, xs, targets, xs.map(() => random.nextDouble())), {});
    const shape = { task, inputCount: 1, classCount: task === 'classification' ? 2 : 0 };
    const restored = stump.restore(JSON.parse(JSON.stringify(model.state())), {}, shape);
    for (const x of [...xs, NaN, Infinity, -Infinity]) {
      const width = task === 'classification' ? 2 : 1;
      assert.deepEqual(distributionOf(restored, [x], width), distributionOf(model, [x], width));
      assert.equal(restored.predict([x]), model.predict([x]));
    }
  }
});

test('a damaged saved model is refused with an InputError', () => {
  const shape = { task: 'classification', inputCount: 1, classCount: 2 } as const;
  const good = stump.train(oneInput('classification', [1, 2, 3, 4], [0, 0, 1, 1]), {}).state() as Record<string, unknown>;
  assert.doesNotThrow(() => stump.restore(good, {}, shape));
  assert.doesNotThrow(() => stump.restore({ ...good, input: null }, {}, shape));
  const damaged: unknown[] = [
    null,
    42,
    { ...good, input: 1 },
    { ...good, input: 0.5 },
    { ...good, threshold: 'high' },
    { ...good, atMost: [1] },
    { ...good, above: [0.5, 1.5] },
    { ...good, whenMissing: [0.5, -0.5] },
    { ...good, whenMissing: [0.5, 0.4] },
    { ...good, atMost: [-1e-17, 1] },
    { ...good, whenMissing: undefined },
  ];
  for (const state of damaged) {
    assert.throws(() => stump.restore(state, {}, shape), (error: unknown) => {
      assert.ok(error instanceof InputError, String(error));
      assert.match(error.message, /saved stump model is damaged.*train it again/);
      return true;
    });
  }
});
