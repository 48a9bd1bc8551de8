import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArff } from '../../../src/core/data/arff.ts';
import type { Dataset } from '../../../src/core/data/dataset.ts';
import { InputError, TrainingCancelled } from '../../../src/core/errors.ts';
import { adaboost } from '../../../src/core/learn/adaboost.ts';
import type { Model, TrainingSet } from '../../../src/core/learn/algorithm.ts';
import { j48 } from '../../../src/core/learn/j48.ts';
import { defaultParams } from '../../../src/core/learn/params.ts';
import { prepare } from '../../../src/core/learn/prepare.ts';
import { stump } from '../../../src/core/learn/stump.ts';
import { WEKA_EXAMPLES, needsWeka, wekaPredictions } from '../../peers/weka.ts';

const WITH_J48 = { rounds: 100, base: 'j48' };
const WITH_STUMP = { rounds: 100, base: 'stump' };
const WEKA_OPTIONS = {
  j48: ['-P', '100', '-S', '1', '-I', '100', '-W', 'weka.classifiers.trees.J48', '--', '-C', '0.25', '-M', '2'],
  stump: ['-P', '100', '-S', '1', '-I', '100', '-W', 'weka.classifiers.trees.DecisionStump'],
};

/** A dataset from Weka's examples, split into training rows (two in three) and held-out rows (every third). */
function heldOut(name: string): { train: Dataset; test: Dataset; trainSet: TrainingSet; testSet: TrainingSet } {
  const data = parseArff(readFileSync(join(WEKA_EXAMPLES, `${name}.arff`), 'utf8'));
  const train = { ...data, rows: data.rows.filter((_, i) => i % 3 !== 0) };
  const test = { ...data, rows: data.rows.filter((_, i) => i % 3 === 0) };
  const classIndex = data.attributes.length - 1;
  return { train, test, trainSet: prepare(train, classIndex).set, testSet: prepare(test, classIndex).set };
}

function distributions(model: Model, inputs: readonly ArrayLike<number>[], classCount: number): number[][] {
  const out = new Float64Array(classCount);
  return inputs.map((input) => {
    model.distribution(input, out);
    return Array.from(out);
  });
}

function firstMostProbable(distribution: readonly number[]): number {
  return distribution.indexOf(Math.max(...distribution));
}

function modelCount(model: Model): number {
  return (model.state() as { models: unknown[] }).models.length;
}

/**
 * The trees and the reweighting match Weka bit for bit (each round's vote agrees to the last
 * bit but one), but Java's Math.log and Math.exp may round the last bit differently from
 * JavaScript's, so the voted distributions agree to 1e-12 rather than exactly.
 */
function assertAgrees(ours: number[][], weka: number[][]): void {
  assert.deepEqual(ours.map(firstMostProbable), weka.map(firstMostProbable), 'the predicted classes');
  ours.forEach((row, i) => {
    row.forEach((p, c) => assert.ok(Math.abs(p - weka[i][c]) < 1e-12, `row ${i}: ${row} against Weka's ${weka[i]}`));
  });
}

// Held-out accuracy of Weka 3.6's AdaBoostM1 on these splits, and how many models it keeps.
const WITH_J48_CASES = [
  { name: 'iris', accuracy: 43 / 50, models: 18 },
  { name: 'glass', accuracy: 52 / 72, models: 100 },
  { name: 'diabetes', accuracy: 185 / 256, models: 100 },
];

for (const { name, accuracy, models } of WITH_J48_CASES) {
  test(`agrees with Weka AdaBoostM1 over J48 on every held-out row of ${name}`, (t) => {
    if (!needsWeka(t)) return;
    const { train, test, trainSet, testSet } = heldOut(name);
    const model = adaboost.train(trainSet, WITH_J48);
    const ours = distributions(model, testSet.inputs, testSet.classCount);
    assertAgrees(ours, wekaPredictions(train, test, 'weka.classifiers.meta.AdaBoostM1', WEKA_OPTIONS.j48));
    const predictions = testSet.inputs.map((input) => model.predict(input));
    assert.deepEqual(predictions, ours.map(firstMostProbable));
    assert.equal(predictions.filter((p, i) => p === testSet.targets[i]).length / predictions.length, accuracy);
    assert.equal(modelCount(model), models);
  });
}

// On glass no stump gets below half wrong, so the first is kept alone and answers by itself.
const WITH_STUMP_CASES = [
  { name: 'glass', models: 1 },
  { name: 'diabetes', models: 100 },
  { name: 'ionosphere', models: 100 },
  // At round 14 petallength ≤ 4.45 and petalwidth ≤ 1.35 split the examples alike; only the
  // order in which Weka's sums add up makes petalwidth's entropy smaller, and so its choice.
  { name: 'iris', models: 100 },
];

for (const { name, models } of WITH_STUMP_CASES) {
  test(`agrees with Weka AdaBoostM1 over DecisionStump on every held-out row of ${name}`, (t) => {
    if (!needsWeka(t)) return;
    const { train, test, trainSet, testSet } = heldOut(name);
    const model = adaboost.train(trainSet, WITH_STUMP);
    assertAgrees(distributions(model, testSet.inputs, testSet.classCount), wekaPredictions(train, test, 'weka.classifiers.meta.AdaBoostM1', WEKA_OPTIONS.stump));
    assert.equal(modelCount(model), models);
  });
}

// Worked by hand with stumps on x = 1..5, classes a a b b a:
// round 1 splits at 2.5 (left all a, right b b a → b): x = 5 is wrong, error 1/5, vote ln 4.
// x = 5's weight × 4, then all × 5/8 → 0.625 ×4 and 2.5. Round 2 splits at 4.5 (left a/b half
// and half → a, right a): says a everywhere, wrong on weight 1.25 of 5, error 1/4, vote ln 3.
// Votes: x ≤ 2 → a with ln 12 → (12/13, 1/13); x ≥ 3 → a ln 3 against b ln 4 → (3/7, 4/7).
test('boosts two stumps as worked out by hand', (t) => {
  const xs = [1, 2, 3, 4, 5];
  const classes = [0, 0, 1, 1, 0];
  const set: TrainingSet = { task: 'classification', inputs: xs.map((x) => Float64Array.of(x)), targets: Float64Array.from(classes), inputCount: 1, classCount: 2 };
  const model = adaboost.train(set, { rounds: 2, base: 'stump' });
  const { votes } = model.state() as { votes: number[] };
  assert.ok(Math.abs(votes[0] - Math.log(4)) < 1e-15 && Math.abs(votes[1] - Math.log(3)) < 1e-15, `votes ${votes}`);
  const expected = [[12 / 13, 1 / 13], [12 / 13, 1 / 13], [3 / 7, 4 / 7], [3 / 7, 4 / 7], [3 / 7, 4 / 7]];
  const ours = distributions(model, set.inputs, 2);
  ours.forEach((row, i) => row.forEach((p, c) => assert.ok(Math.abs(p - expected[i][c]) < 1e-15, `x = ${xs[i]}: ${row}`)));
  assert.deepEqual(xs.map((x) => model.predict([x])), [0, 0, 1, 1, 1]);

  if (!needsWeka(t)) return;
  const attributes = [
    { name: 'x', kind: 'numeric' as const },
    { name: 'class', kind: 'nominal' as const, values: ['a', 'b'] },
  ];
  const data = { relation: 'hand', attributes, rows: xs.map((x, i) => Float64Array.of(x, classes[i])) };
  assertAgrees(ours, wekaPredictions(data, data, 'weka.classifiers.meta.AdaBoostM1', ['-I', '2', '-W', 'weka.classifiers.trees.DecisionStump']));
});

test('a first model with no errors is kept alone and answers by itself', () => {
  // Two clean groups: the first tree makes no mistake, so there is nothing to boost.
  const xs = [1, 2, 3, 4, 5, 6, 7, 8];
  const set: TrainingSet = {
    task: 'classification',
    inputs: xs.map((x) => Float64Array.of(x)),
    targets: Float64Array.from(xs, (x) => (x <= 4 ? 0 : 1)),
    inputCount: 1,
    classCount: 2,
  };
  const model = adaboost.train(set, WITH_J48);
  assert.equal(modelCount(model), 1);
  const tree = j48.train(set, defaultParams(j48.params));
  const probes = [[0], [4], [4.5], [9]];
  assert.deepEqual(distributions(model, probes, 2), distributions(tree, probes, 2));
  assert.deepEqual(distributions(model, probes, 2), [[1, 0], [1, 0], [0, 1], [0, 1]]);
});

test('a first stump no better than chance is kept alone and answers by itself', () => {
  const { trainSet, testSet } = heldOut('glass');
  const model = adaboost.train(trainSet, WITH_STUMP);
  assert.equal(modelCount(model), 1);
  const alone = stump.train(trainSet, {});
  assert.deepEqual(distributions(model, testSet.inputs, 7), distributions(alone, testSet.inputs, 7));
});

test('a saved boosted model comes back through JSON with bit-identical answers', () => {
  const { trainSet, testSet } = heldOut('glass');
  const shape = { task: 'classification' as const, inputCount: trainSet.inputCount, classCount: trainSet.classCount };
  const model = adaboost.train(trainSet, { rounds: 20, base: 'j48' });
  const restored = adaboost.restore(JSON.parse(JSON.stringify(model.state())), { rounds: 20, base: 'j48' }, shape);
  assert.deepEqual(distributions(restored, testSet.inputs, 7), distributions(model, testSet.inputs, 7));
  assert.deepEqual(
    testSet.inputs.map((input) => restored.predict(input)),
    testSet.inputs.map((input) => model.predict(input)),
  );
  assert.deepEqual(restored.state(), model.state());
});

// Stumps trained on boosting's fractional weights hold sides found by subtraction (e.g. a class
// left with −2.5e-17 of weight); what they save must still be what they accept.
for (const name of ['iris', 'diabetes']) {
  test(`a saved model boosting stumps on ${name} comes back through JSON with bit-identical answers`, () => {
    const { trainSet, testSet } = heldOut(name);
    const shape = { task: 'classification' as const, inputCount: trainSet.inputCount, classCount: trainSet.classCount };
    const model = adaboost.train(trainSet, WITH_STUMP);
    assert.equal(modelCount(model), 100);
    const restored = adaboost.restore(JSON.parse(JSON.stringify(model.state())), WITH_STUMP, shape);
    assert.deepEqual(distributions(restored, testSet.inputs, testSet.classCount), distributions(model, testSet.inputs, testSet.classCount));
    assert.deepEqual(restored.state(), model.state());
  });
}

test('refuses a damaged saved model with a message that says so', () => {
  const { trainSet } = heldOut('iris');
  const shape = { task: 'classification' as const, inputCount: trainSet.inputCount, classCount: trainSet.classCount };
  const good = adaboost.train(trainSet, { rounds: 3, base: 'j48' }).state() as { votes: number[]; models: unknown[] };
  assert.equal(good.models.length, 3);
  assert.doesNotThrow(() => adaboost.restore(good, WITH_J48, shape));
  const damaged: unknown[] = [
    null,
    { votes: good.votes },
    { votes: [], models: [] },
    { votes: good.votes.slice(1), models: good.models },
    { votes: [-1, ...good.votes.slice(1)], models: good.models },
    { votes: good.votes, models: [good.models[0], { splits: [[0, 1, 0, -1]], leaves: [[1, 0, 0]] }, good.models[2]] },
  ];
  for (const state of damaged) {
    assert.throws(() => adaboost.restore(state, WITH_J48, shape), (error: Error) => error instanceof InputError && /damaged/.test(error.message), JSON.stringify(state));
  }
  assert.throws(() => adaboost.restore(good, WITH_STUMP, shape), /round 1/);
});

test('learns classes only, reports progress round by round and can be cancelled', () => {
  const { trainSet } = heldOut('iris');
  assert.throws(() => adaboost.train({ ...trainSet, task: 'regression', classCount: 0 }, WITH_J48), InputError);
  const seen: number[] = [];
  adaboost.train(trainSet, { rounds: 4, base: 'j48' }, { onProgress: (fraction) => seen.push(fraction) });
  assert.deepEqual(seen, [0, 0.25, 0.5, 0.75, 1]);
  let polls = 0;
  assert.throws(() => adaboost.train(trainSet, WITH_J48, { isCancelled: () => ++polls > 5 }), TrainingCancelled);
});
