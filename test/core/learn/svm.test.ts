import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseArff } from '../../../src/core/data/arff.ts';
import type { Dataset } from '../../../src/core/data/dataset.ts';
import { InputError, TrainingCancelled } from '../../../src/core/errors.ts';
import type { Model, TrainingSet } from '../../../src/core/learn/algorithm.ts';
import { defaultParams } from '../../../src/core/learn/params.ts';
import { prepare } from '../../../src/core/learn/prepare.ts';
import { svm } from '../../../src/core/learn/svm.ts';
import type { SvmState } from '../../../src/core/learn/svm-model.ts';
import { WEKA_EXAMPLES, needsWeka, wekaPredictions } from '../../peers/weka.ts';

type Kernel = 'poly' | 'linear' | 'rbf';

// Wekinator's SMO: weka.classifiers.functions.SMO -C 1.0 -L 0.001 -P 1.0E-12 -N 0 -V -1 -W 1 -K <kernel>.
const WEKA_KERNEL: Record<Kernel, string> = {
  poly: 'weka.classifiers.functions.supportVector.PolyKernel -C 250007 -E 2.0',
  linear: 'weka.classifiers.functions.supportVector.PolyKernel -C 250007 -E 1.0',
  rbf: 'weka.classifiers.functions.supportVector.RBFKernel -C 250007 -G 0.01',
};
const wekaOptions = (kernel: Kernel): string[] => ['-C', '1.0', '-L', '0.001', '-P', '1.0E-12', '-N', '0', '-V', '-1', '-W', '1', '-K', WEKA_KERNEL[kernel]];

/**
 * HotSpot on x86-64 computes Math.exp with its own intrinsic, which differs from fdlibm's (and
 * so from StrictMath.exp and JavaScript's Math.exp) in the last bit for ~7% of arguments. Weka
 * run without that intrinsic, as it runs on machines that lack it, shows whether our SMO is
 * Weka's step for step.
 */
const FDLIBM_EXP = '-XX:+UnlockDiagnosticVMOptions -XX:-UseLibmIntrinsic';
/** Weka runs for a second or two here: the quick compiler alone starts it in about half the time. */
const QUICK_START = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

function load(name: string): Dataset {
  return parseArff(readFileSync(`${WEKA_EXAMPLES}/${name}.arff`, 'utf8'), `${name}.arff`);
}

/** Every third row held out for testing, the rest for training. */
function split(name: string): [Dataset, Dataset] {
  const data = load(name);
  return [
    { ...data, rows: data.rows.filter((_, i) => i % 3 !== 0) },
    { ...data, rows: data.rows.filter((_, i) => i % 3 === 0) },
  ];
}

const DATASETS: Record<string, () => [Dataset, Dataset]> = {
  iris: () => split('iris'),
  glass: () => split('glass'),
  diabetes: () => split('diabetes'),
  ionosphere: () => split('ionosphere'),
  'segment-challenge': () => [load('segment-challenge'), load('segment-test')],
};

interface Comparison {
  rows: number;
  sameDistribution: number;
  samePrediction: number;
  ourAccuracy: number;
  wekaAccuracy: number;
}

function compareWithWeka(train: Dataset, test: Dataset, kernel: Kernel, javaOptions = ''): Comparison {
  const classIndex = train.attributes.length - 1;
  const prepared = prepare(train, classIndex);
  const model = svm.train(prepared.set, { ...defaultParams(svm.params), kernel });
  const before = process.env.JAVA_TOOL_OPTIONS;
  process.env.JAVA_TOOL_OPTIONS = `${before ?? ''} ${QUICK_START} ${javaOptions}`.trim();
  let weka: number[][];
  try {
    weka = wekaPredictions(train, test, 'weka.classifiers.functions.SMO', wekaOptions(kernel));
  } finally {
    if (before === undefined) delete process.env.JAVA_TOOL_OPTIONS;
    else process.env.JAVA_TOOL_OPTIONS = before;
  }
  const raw = new Float64Array(prepared.inputAttributes.length);
  const input = new Float64Array(prepared.encoder.width);
  const ours = new Float64Array(prepared.set.classCount);
  const result: Comparison = { rows: test.rows.length, sameDistribution: 0, samePrediction: 0, ourAccuracy: 0, wekaAccuracy: 0 };
  test.rows.forEach((row, r) => {
    prepared.inputAttributes.forEach((a, k) => (raw[k] = row[a]));
    prepared.encoder.encode(raw, input);
    model.distribution(input, ours);
    const theirs = weka[r];
    const ourClass = model.predict(input);
    const wekaClass = theirs.indexOf(Math.max(...theirs));
    if (theirs.every((p, c) => p === ours[c])) result.sameDistribution++;
    if (ourClass === wekaClass) result.samePrediction++;
    if (ourClass === row[classIndex]) result.ourAccuracy++;
    if (wekaClass === row[classIndex]) result.wekaAccuracy++;
  });
  result.ourAccuracy /= result.rows;
  result.wekaAccuracy /= result.rows;
  return result;
}

function summarise(c: Comparison): string {
  const percent = (x: number): string => `${(100 * x).toFixed(2)}%`;
  return `${c.sameDistribution}/${c.rows} distributions, ${c.samePrediction}/${c.rows} predictions agree; held-out accuracy ${percent(c.ourAccuracy)} (Weka ${percent(c.wekaAccuracy)})`;
}

for (const [name, data] of Object.entries(DATASETS)) {
  test(`gives Weka's exact class distributions on ${name} (poly exponent 2, linear, rbf)`, (t) => {
    if (!needsWeka(t)) return;
    const [train, test] = data();
    for (const kernel of ['poly', 'linear'] as const) {
      const c = compareWithWeka(train, test, kernel);
      t.diagnostic(`${kernel}: ${summarise(c)}`);
      assert.equal(c.sameDistribution, c.rows, `${kernel}: ${summarise(c)}`);
    }
    const c = compareWithWeka(train, test, 'rbf', FDLIBM_EXP);
    t.diagnostic(`rbf (Weka with fdlibm's exp): ${summarise(c)}`);
    assert.equal(c.sameDistribution, c.rows, `rbf: ${summarise(c)}`);
  });
}

test("stays within a few boundary cases of Weka's rbf on x86-64's own exp (ionosphere)", (t) => {
  if (!needsWeka(t)) return;
  const [train, test] = split('ionosphere');
  const c = compareWithWeka(train, test, 'rbf');
  t.diagnostic(summarise(c));
  // Last-bit differences in exp steer SMO along a slightly different path; the machines still
  // agree to within the tolerance, so only examples right at a boundary may vote differently.
  assert.ok(c.samePrediction >= c.rows - 3, summarise(c));
  assert.ok(Math.abs(c.ourAccuracy - c.wekaAccuracy) <= 3 / c.rows, summarise(c));
});

function twoDimensional(points: readonly (readonly number[])[]): TrainingSet {
  return {
    task: 'classification',
    inputs: points.map(([x, y]) => Float64Array.of(x, y)),
    targets: Float64Array.from(points, (p) => p[2]),
    inputCount: 2,
    classCount: 2,
  };
}

test('finds the maximum-margin line of a separable 2-D case worked out by hand', () => {
  // Class 0 at (0,0), (−1,0), (0,−1); class 1 at (2,2), (3,2), (2,3). The closest pair is
  // (0,0)–(2,2), so the best line is x + y = 2: w = (½, ½), b = 1, margin 1/|w| = √2, and
  // only (0,0) and (2,2) lie on the margin (support vectors, α = ¼ each).
  const set = twoDimensional([[0, 0, 0], [-1, 0, 0], [0, -1, 0], [2, 2, 1], [3, 2, 1], [2, 3, 1]]);
  const model = svm.train(set, { ...defaultParams(svm.params), kernel: 'linear', normalise: false, c: 100 });
  const machine = (model.state() as SvmState).machines[0];
  assert.ok(machine && 'weights' in machine);
  const [w1, w2] = machine.weights;
  assert.ok(Math.abs(w1 - 0.5) < 1e-9 && Math.abs(w2 - 0.5) < 1e-9, `w = (${w1}, ${w2})`);
  assert.ok(Math.abs(machine.bias - 1) < 1e-9, `b = ${machine.bias}`);
  assert.ok(Math.abs(1 / Math.hypot(w1, w2) - Math.SQRT2) < 1e-9);
  const onMargin = set.inputs.filter(([x, y]) => Math.abs(Math.abs(w1 * x + w2 * y - machine.bias) - 1) < 1e-9);
  assert.deepEqual(onMargin.map((p) => [...p]), [[0, 0], [2, 2]]);
  assert.equal(model.predict([0.9, 0.9]), 0);
  assert.equal(model.predict([1.1, 1.1]), 1);
  assert.equal(model.predict([4, -1]), 1);
});

test('solves two RBF support vectors in closed form', () => {
  // For two points K11 = K22 = 1 and K12 = k = exp(−gamma·d²); the dual gives α = 1/(1 − k)
  // for both and b = 0, so the output is α·(K(x, x₂) − K(x, x₁)).
  const set = twoDimensional([[0, 0, 0], [1, 0, 1]]);
  const model = svm.train(set, { ...defaultParams(svm.params), kernel: 'rbf', gamma: 1, normalise: false, c: 10 });
  const state = model.state() as SvmState;
  const alpha = 1 / (1 - Math.exp(-1));
  assert.deepEqual(state.supportVectors, [[0, 0], [1, 0]]);
  assert.deepEqual(state.machines, [{ bias: 0, vectors: [0, 1], coefficients: [-alpha, alpha] }]);
  const out = new Float64Array(2);
  model.distribution([0.6, 5], out);
  assert.deepEqual([...out], [0, 1]);
  assert.equal(model.predict([0.4, -3]), 0);
});

function irisSet(): { set: TrainingSet; inputs: Float64Array[] } {
  const prepared = prepare(load('iris'), 4);
  return { set: prepared.set, inputs: prepared.set.inputs.map((row) => row.map((v) => v * 1.1 - 0.3)) };
}

function distributions(model: Model, inputs: readonly Float64Array[], classCount: number): number[][] {
  const out = new Float64Array(classCount);
  return inputs.map((input) => {
    model.distribution(input, out);
    return [...out];
  });
}

test('survives a JSON round trip bit for bit', () => {
  const { set, inputs } = irisSet();
  const shape = { task: set.task, inputCount: set.inputCount, classCount: set.classCount };
  for (const kernel of ['poly', 'linear', 'rbf'] as const) {
    const params = { ...defaultParams(svm.params), kernel };
    const model = svm.train(set, params);
    const restored = svm.restore(JSON.parse(JSON.stringify(model.state())), params, shape);
    assert.deepEqual(restored.state(), model.state());
    assert.deepEqual(distributions(restored, inputs, 3), distributions(model, inputs, 3));
    assert.deepEqual(inputs.map((x) => restored.predict(x)), inputs.map((x) => model.predict(x)));
  }
});

test('refuses a damaged saved state with a clear message', () => {
  const { set } = irisSet();
  const params = defaultParams(svm.params);
  const shape = { task: set.task, inputCount: set.inputCount, classCount: set.classCount };
  const good = JSON.parse(JSON.stringify(svm.train(set, params).state())) as SvmState;
  const damaged: unknown[] = [
    null,
    { ...good, kernel: { type: 'sigmoid' } },
    { ...good, machines: good.machines.slice(1) },
    { ...good, supportVectors: [[1, 2, 3], ...good.supportVectors.slice(1)] },
    { ...good, supportVectors: [[null, 0, 0, 0], ...good.supportVectors.slice(1)] },
    { ...good, normaliser: { min: [0], max: [1] } },
    { ...good, machines: [{ bias: 0, vectors: [99999], coefficients: [1] }, ...good.machines.slice(1)] },
    { ...good, machines: [{ bias: 0, vectors: [0, 1], coefficients: [1] }, ...good.machines.slice(1)] },
    { ...good, machines: [{ bias: 0, weights: [1, 2, 3, 4] }, ...good.machines.slice(1)] },
    { ...good, machines: [{ bias: 'high', vectors: [], coefficients: [] }, ...good.machines.slice(1)] },
  ];
  for (const state of damaged) {
    assert.throws(() => svm.restore(state, params, shape), (e: unknown) => e instanceof InputError && /saved SVM is damaged/.test(e.message));
  }
  assert.throws(() => svm.restore(good, params, { ...shape, classCount: 4 }), InputError);
  assert.throws(() => svm.restore(good, params, { ...shape, task: 'regression' }), InputError);
});

test('lets a pair of classes without examples abstain, and a pair with one class vote for it', () => {
  // Only class 1 of three has examples: pairs (0,1) and (1,2) both vote 1, pair (0,2) abstains.
  const set: TrainingSet = {
    task: 'classification',
    inputs: [Float64Array.of(0), Float64Array.of(1)],
    targets: Float64Array.of(1, 1),
    inputCount: 1,
    classCount: 3,
  };
  const model = svm.train(set, defaultParams(svm.params));
  const out = new Float64Array(3);
  model.distribution([0.5], out);
  assert.deepEqual([...out], [0, 1, 0]);
  assert.equal((model.state() as SvmState).machines[1], null);
});

test('ignores examples of weight 0, as Weka does', () => {
  const { set, inputs } = irisSet();
  const keep = set.inputs.map((_, i) => i % 4 !== 0);
  const weighted = { ...set, weights: Float64Array.from(keep, (k) => (k ? 1 : 0)) };
  const kept = { ...set, inputs: set.inputs.filter((_, i) => keep[i]), targets: set.targets.filter((_, i) => keep[i]) };
  const params = defaultParams(svm.params);
  assert.deepEqual(svm.train(weighted, params).state(), svm.train(kept, params).state());
  assert.deepEqual(distributions(svm.train(weighted, params), inputs, 3), distributions(svm.train(kept, params), inputs, 3));
});

test('reports progress, stops when cancelled, and refuses what it cannot learn', () => {
  const { set } = irisSet();
  const fractions: number[] = [];
  svm.train(set, defaultParams(svm.params), { onProgress: (f) => fractions.push(f) });
  assert.equal(fractions.at(-1), 1);
  assert.ok(fractions.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= fractions[i - 1])));
  assert.throws(() => svm.train(set, defaultParams(svm.params), { isCancelled: () => true }), TrainingCancelled);
  assert.throws(() => svm.train({ ...set, task: 'regression', classCount: 0 }, defaultParams(svm.params)), InputError);
  assert.throws(() => svm.train({ ...set, weights: new Float64Array(set.inputs.length) }, defaultParams(svm.params)), InputError);
  // (−1)^1.5 is not a number: a fractional exponent needs inputs of 0 or more, which normalising gives.
  const negative = twoDimensional([[-1, 0, 0], [2, 1, 1]]);
  const fractional = { ...defaultParams(svm.params), exponent: 1.5 };
  assert.throws(() => svm.train(negative, { ...fractional, normalise: false }), /fractional exponent/);
  assert.equal(svm.train(negative, fractional).predict([2, 1]), 1);
});
