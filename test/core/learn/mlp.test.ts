import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArff } from '../../../src/core/data/arff.ts';
import type { Dataset } from '../../../src/core/data/dataset.ts';
import { InputError, TrainingCancelled } from '../../../src/core/errors.ts';
import type { ModelShape, TrainingSet } from '../../../src/core/learn/algorithm.ts';
import { mlp } from '../../../src/core/learn/mlp.ts';
import { Backpropagation, Network } from '../../../src/core/learn/mlp-network.ts';
import { defaultParams, type ParamsOf } from '../../../src/core/learn/params.ts';
import { prepare } from '../../../src/core/learn/prepare.ts';
import { JavaRandom } from '../../../src/core/util/java-random.ts';
import { WEKA_EXAMPLES, needsWeka, wekaPredictions } from '../../peers/weka.ts';

type MlpParams = ParamsOf<typeof mlp.params>;

const defaults = defaultParams(mlp.params);
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

function example(name: string): Dataset {
  return parseArff(readFileSync(join(WEKA_EXAMPLES, `${name}.arff`), 'utf8'), name);
}

/** Weka's options for the same network, written as Wekinator writes them. */
function wekaOptions(params: MlpParams, inputCount: number): string[] {
  const units = String(params.hiddenUnits || inputCount);
  const hidden = params.hiddenLayers === 0 ? '0' : Array(params.hiddenLayers).fill(units).join(',');
  return ['-L', String(params.learningRate), '-M', String(params.momentum), '-N', String(params.epochs), '-V', '0', '-S', String(params.seed), '-E', '20', '-H', hidden];
}

/**
 * Trains ours and Weka's on two thirds of `data` (class last) and returns the largest
 * difference between their answers on the other third.
 */
function largestDifferenceFromWeka(data: Dataset, params: MlpParams, split = true): number {
  const train = split ? { ...data, rows: data.rows.filter((_, i) => i % 3 !== 0) } : data;
  const test = split ? { ...data, rows: data.rows.filter((_, i) => i % 3 === 0) } : data;
  const classIndex = data.attributes.length - 1;
  const prepared = prepare(train, classIndex);
  const model = mlp.train(prepared.set, params);
  const weka = wekaPredictions(train, test, 'weka.classifiers.functions.MultilayerPerceptron', wekaOptions(params, prepared.set.inputCount));
  const raw = new Float64Array(prepared.inputAttributes.length);
  const input = new Float64Array(prepared.encoder.width);
  const ours = new Float64Array(Math.max(1, prepared.set.classCount));
  let largest = 0;
  test.rows.forEach((row, r) => {
    prepared.inputAttributes.forEach((a, k) => (raw[k] = row[a]));
    prepared.encoder.encode(raw, input);
    model.distribution(input, ours);
    assert.equal(weka[r].length, ours.length);
    weka[r].forEach((value, k) => {
      const scale = prepared.set.task === 'regression' ? Math.max(1, Math.abs(value)) : 1;
      largest = Math.max(largest, Math.abs(value - ours[k]) / scale);
    });
  });
  return largest;
}

// Same starting weights, example order and arithmetic as Weka: the answers agree to the last
// few bits (Java's Math.exp and V8's may differ in the last bit, and 500 epochs carry that on).
test('gives the same class probabilities as Weka on iris', (t) => {
  if (!needsWeka(t)) return;
  assert.ok(largestDifferenceFromWeka(example('iris'), defaults) < 1e-9);
});

test('gives the same values as Weka on cpu (regression, relative)', (t) => {
  if (!needsWeka(t)) return;
  assert.ok(largestDifferenceFromWeka(example('cpu'), defaults) < 1e-9);
});

test('matches Weka with one-hot nominal inputs, several hidden layers and no hidden layer', (t) => {
  if (!needsWeka(t)) return;
  assert.ok(largestDifferenceFromWeka(example('contact-lenses'), { ...defaults, epochs: 200 }, false) < 1e-9);
  assert.ok(largestDifferenceFromWeka(example('glass'), { ...defaults, hiddenLayers: 3, hiddenUnits: 5, epochs: 50, seed: 7 }) < 1e-9);
  assert.ok(largestDifferenceFromWeka(example('iris'), { ...defaults, hiddenLayers: 0, learningRate: 0.5, momentum: 0.5, epochs: 100 }) < 1e-12);
});

test('restarts at half the learning rate when training blows up, as Weka does', (t) => {
  if (!needsWeka(t)) return;
  // A straight line through 20 inputs of ±1 at learning rate 1 diverges; Weka halves the rate
  // and starts again until it does not.
  const random = new JavaRandom(42);
  const width = 20;
  const rows = Array.from({ length: 40 }, () => {
    const row = new Float64Array(width + 1);
    for (let i = 0; i < width; i++) {
      row[i] = random.nextInt(2) * 2 - 1;
      row[width] += row[i] * (i + 1);
    }
    row[width] += random.nextDouble();
    return row;
  });
  const data: Dataset = {
    relation: 'line',
    attributes: [...Array.from({ length: width }, (_, i) => ({ name: `x${i}`, kind: 'numeric' as const })), { name: 'y', kind: 'numeric' }],
    rows,
  };
  const params = { ...defaults, hiddenLayers: 0, learningRate: 1, epochs: 200 };
  const progress: number[] = [];
  const set = prepare(data, width).set;
  const model = mlp.train(set, params, { onProgress: (f) => progress.push(f) });
  assert.ok(progress.some((f, i) => i > 0 && f < progress[i - 1]), 'training started again');
  assert.ok(Math.abs(model.predict(rows[0]) - rows[0][width]) < 2);
  assert.ok(largestDifferenceFromWeka(data, params, false) < 1e-12);
});

test('one forward pass by hand: scaling, sigmoid units, normalised outputs', () => {
  // 2 inputs → 1 hidden unit → 2 classes; the second input was constant (5) in training,
  // so Weka only shifts it.
  const state = {
    layers: [2, 1, 2],
    weights: [0.5, 1, -2, /* class 0 */ -1, 2, /* class 1 */ 0.25, -1],
    inputMin: [0, 5],
    inputMax: [4, 5],
    targetMin: 0,
    targetMax: 0,
    fallback: [0.4, 0.6],
  };
  const model = mlp.restore(state, defaults, { task: 'classification', inputCount: 2, classCount: 2 });
  const scaled = [(3 - 2) / 2, 5.5 - 5];
  const hidden = sigmoid(0.5 + scaled[0] * 1 + scaled[1] * -2);
  const outputs = [sigmoid(-1 + hidden * 2), sigmoid(0.25 + hidden * -1)];
  const out = new Float64Array(2);
  model.distribution([3, 5.5], out);
  assert.deepEqual(Array.from(out), [outputs[0] / (outputs[0] + outputs[1]), outputs[1] / (outputs[0] + outputs[1])]);
  assert.equal(model.predict([3, 5.5]), 0);
});

test('falls back on the class frequencies when every output is 0, and never answers NaN', () => {
  const state = { layers: [1, 2], weights: [-100, 0, -100, 0], inputMin: [0], inputMax: [1], targetMin: 0, targetMax: 0, fallback: [0.25, 0.75] };
  const model = mlp.restore(state, defaults, { task: 'classification', inputCount: 1, classCount: 2 });
  const out = new Float64Array(2);
  model.distribution([0.5], out);
  assert.deepEqual(Array.from(out), [0.25, 0.75]);
  assert.equal(model.predict([NaN]), 1);
});

test('a regression output is linear and scaled back to the target range', () => {
  const state = { layers: [1, 1], weights: [0.1, 0.5], inputMin: [-1], inputMax: [3], targetMin: 10, targetMax: 20, fallback: [15] };
  const model = mlp.restore(state, defaults, { task: 'regression', inputCount: 1, classCount: 0 });
  assert.equal(model.predict([2]), (0.1 + ((2 - 1) / 2) * 0.5) * 5 + 15);
  assert.equal(model.predict([NaN]), 0.1 * 5 + 15, 'a missing input counts as 0, as in Weka');
});

test('one backpropagation step by hand, then one with momentum', () => {
  const network = new Network([1, 1, 1], false, Float64Array.of(0.1, 0.4, /* output */ -0.2, 0.3));
  const learner = new Backpropagation(network, 0.5, 0.2);
  network.inputs[0] = 0.8;
  network.forward();
  const h = sigmoid(0.1 + 0.8 * 0.4);
  const o = sigmoid(-0.2 + h * 0.3);
  assert.equal(network.outputs[0], o);
  learner.outputErrors[0] = 1 - o;
  learner.step(1);
  const outError = (1 - o) * (o * (1 - o));
  const hiddenError = outError * 0.3 * (h * (1 - h));
  const first = [0.5 * hiddenError, 0.5 * hiddenError * 0.8, 0.5 * outError, 0.5 * outError * h];
  assert.deepEqual(Array.from(network.weights), [0.1 + first[0], 0.4 + first[1], -0.2 + first[2], 0.3 + first[3]]);

  // Same example again at weight 2: each change adds 0.2 × the previous change.
  const before = Array.from(network.weights);
  network.forward();
  const h2 = network.activations[1];
  const o2 = network.outputs[0];
  learner.outputErrors[0] = 1 - o2;
  learner.step(2);
  const outError2 = (1 - o2) * (o2 * (1 - o2));
  const hiddenError2 = outError2 * before[3] * (h2 * (1 - h2));
  const second = [hiddenError2, hiddenError2 * 0.8, outError2, outError2 * h2].map((e, i) => 1 * e + 0.2 * first[i]);
  assert.deepEqual(Array.from(network.weights), before.map((w, i) => w + second[i]));
});

test('learns XOR with a hidden layer', () => {
  const set: TrainingSet = {
    task: 'classification',
    inputs: [Float64Array.of(0, 0), Float64Array.of(0, 1), Float64Array.of(1, 0), Float64Array.of(1, 1)],
    targets: Float64Array.of(0, 1, 1, 0),
    inputCount: 2,
    classCount: 2,
  };
  const model = mlp.train(set, { ...defaults, hiddenUnits: 4, epochs: 2000 });
  const out = new Float64Array(2);
  set.inputs.forEach((input, i) => {
    model.distribution(input, out);
    assert.ok(out[set.targets[i]] > 0.8, `XOR example ${i}: ${out[set.targets[i]]}`);
  });
});

test('with no hidden layer it still learns a straight boundary', () => {
  const inputs = Array.from({ length: 20 }, (_, i) => Float64Array.of(i, 20 - i));
  const set: TrainingSet = { task: 'classification', inputs, targets: Float64Array.from(inputs, (x) => (x[0] < 10 ? 0 : 1)), inputCount: 2, classCount: 2 };
  const model = mlp.train(set, { ...defaults, hiddenLayers: 0 });
  assert.equal((model.state() as { weights: number[] }).weights.length, 2 * 3);
  inputs.forEach((x, i) => assert.equal(model.predict(x), set.targets[i]));
});

test('without inputs it answers as Weka does then (ZeroR): class frequencies counted from 1, or the mean', () => {
  const empty = [new Float64Array(0), new Float64Array(0), new Float64Array(0)];
  const classes = mlp.train({ task: 'classification', inputs: empty, targets: Float64Array.of(1, 1, 0), inputCount: 0, classCount: 2 }, defaults);
  const out = new Float64Array(2);
  classes.distribution([], out);
  assert.deepEqual(Array.from(out), [2 / 5, 3 / 5]);
  const values = mlp.train({ task: 'regression', inputs: empty, targets: Float64Array.of(1, 2, 6), inputCount: 0, classCount: 0 }, defaults);
  assert.equal(values.predict([]), 3);
});

const irisShape: ModelShape = { task: 'classification', inputCount: 4, classCount: 3 };

test('a model saved to JSON and restored answers bit for bit the same', () => {
  const data = example('iris');
  const set = prepare(data, 4).set;
  for (const hiddenLayers of [0, 2]) {
    const model = mlp.train(set, { ...defaults, hiddenLayers, epochs: 30 });
    const restored = mlp.restore(JSON.parse(JSON.stringify(model.state())), defaults, irisShape);
    const a = new Float64Array(3);
    const b = new Float64Array(3);
    for (const input of set.inputs) {
      model.distribution(input, a);
      restored.distribution(input, b);
      assert.deepEqual(b, a);
    }
  }
  const cpu = prepare(example('cpu'), 6).set;
  const regression = mlp.train(cpu, { ...defaults, epochs: 30 });
  const back = mlp.restore(JSON.parse(JSON.stringify(regression.state())), defaults, { task: 'regression', inputCount: 6, classCount: 0 });
  for (const input of cpu.inputs) assert.ok(Object.is(back.predict(input), regression.predict(input)));
});

test('a damaged saved model is refused with a clear message', () => {
  const good = mlp.train(prepare(example('iris'), 4).set, { ...defaults, epochs: 20 }).state() as Record<string, unknown>;
  const damaged: unknown[] = [
    null,
    'weights',
    { ...good, weights: undefined },
    { ...good, weights: [...(good.weights as number[]).slice(1)] },
    { ...good, weights: [null, ...(good.weights as number[]).slice(1)] },
    { ...good, layers: [4, 4, 2] },
    { ...good, layers: [3, 4, 3] },
    { ...good, inputMax: [1, 2] },
    { ...good, fallback: [1] },
    { ...good, targetMin: 'low' },
  ];
  for (const state of damaged) {
    assert.throws(() => mlp.restore(state, defaults, irisShape), (e: unknown) => e instanceof InputError && /multilayer perceptron/.test(e.message));
  }
  assert.throws(() => mlp.restore(good, defaults, { ...irisShape, inputCount: 5 }), InputError);
});

test('reports progress once per epoch and stops when cancelled', () => {
  const set = prepare(example('iris'), 4).set;
  const progress: number[] = [];
  mlp.train(set, { ...defaults, epochs: 10 }, { onProgress: (f) => progress.push(f) });
  assert.deepEqual(progress, Array.from({ length: 10 }, (_, i) => (i + 1) / 10));
  let polls = 0;
  assert.throws(() => mlp.train(set, defaults, { isCancelled: () => ++polls > 3 }), TrainingCancelled);
  assert.equal(polls, 4);
});

test('refuses to train on nothing, and gives up with a clear message when every rate diverges', () => {
  assert.throws(() => mlp.train({ task: 'classification', inputs: [], targets: new Float64Array(0), inputCount: 2, classCount: 2 }, defaults), InputError);
  // Examples all of weight 0 leave the error undefined (0 / 0) at every rate, as in Weka.
  const set: TrainingSet = { task: 'regression', inputs: [Float64Array.of(1), Float64Array.of(2)], targets: Float64Array.of(1, 2), weights: Float64Array.of(0, 0), inputCount: 1, classCount: 0 };
  assert.throws(() => mlp.train(set, { ...defaults, epochs: 1 }), /learning rate of/);
});
