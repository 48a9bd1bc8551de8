// Training and cross-validation speed against Weka 3.6 in the same run, timed inside each
// runtime (no process start-up), medians of several repeats. Also shows that predicting
// allocates nothing: the heap before and after a million predictions, and the scavenges between.
// Run: node --expose-gc --import tsx bench/speed.ts
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GCProfiler } from 'node:v8';
import { parseArff, writeArff } from '../src/core/data/arff.ts';
import type { Dataset } from '../src/core/data/dataset.ts';
import { evaluate } from '../src/core/evaluate/cross-validate.ts';
import { findAlgorithm } from '../src/core/learn/algorithms.ts';
import { prepare } from '../src/core/learn/prepare.ts';
import { type TrainedModel, paramsFor, trainModel } from '../src/core/learn/trained-model.ts';
import { JavaRandom } from '../src/core/util/java-random.ts';
import { WEKA_EXAMPLES, wekaTime } from '../test/peers/weka.ts';
import { machineLine, median } from './machine.ts';
import { WEKA } from './weka-equivalents.ts';

const REPEATS = 5;
const scratch = mkdtempSync(join(tmpdir(), 'oscine-speed-'));
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

console.log(`### Speed against Weka 3.6 (medians of ${REPEATS} runs, each timed inside its runtime)\n\n${machineLine()}\n`);
console.log('| task | Weka ms | Oscine ms | speed-up | goal |');
console.log('|---|---|---|---|---|');

for (const name of ['diabetes', 'segment-challenge']) {
  const dataset = parseArff(readFileSync(join(WEKA_EXAMPLES, `${name}.arff`), 'utf8'), name);
  const file = save(dataset, name);
  const weka = median(wekaTime('build', file, REPEATS, WEKA.mlp.classifier, WEKA.mlp.options(dataset.attributes.length - 1)).ms);
  const oscine = median(repeat(() => train(dataset, 'mlp')));
  row(`train default mlp, ${name} (${dataset.rows.length} rows, 500 epochs)`, weka, oscine, '≥ 20×');
}

const large = clusters(20_000, 8, 4, 7);
const largeFile = save(large, 'clusters-20000');
const wekaCv = median(wekaTime('cv', largeFile, 3, WEKA.knn.classifier, WEKA.knn.options(8)).ms);
const oscineCv = median(
  Array.from({ length: 3 }, () => {
    const result = evaluate(large, 8, findAlgorithm('knn'), paramsFor(findAlgorithm('knn'), {}), { folds: 10, seed: 1, now: () => performance.now() });
    return result.trainMs + result.predictMs;
  }),
);
row('10-fold cross-validation of knn (k=1), 20,000 rows × 8 inputs', wekaCv, oscineCv, '≥ 10×');

console.log('\n#### Allocation while predicting (1,000,000 predictions after a warm-up)\n');
console.log('A scavenge sweeps away garbage before the heap is measured again, so the heap\'s growth alone');
console.log('could hide allocation: zero scavenges during the run is the proof.\n');
console.log('| model | heap before | heap after | bytes per prediction | scavenges during the run |');
console.log('|---|---|---|---|---|');
interface Predictor {
  readonly trained: TrainedModel;
  readonly inputs: readonly Float64Array[];
  readonly out: Float64Array;
}
const predictors = ['knn', 'mlp', 'linear', 'j48', 'svm', 'naive-bayes'].map((model): Predictor => {
  const dataset = parseArff(readFileSync(join(WEKA_EXAMPLES, model === 'linear' ? 'cpu.arff' : 'iris.arff'), 'utf8'));
  const classIndex = dataset.attributes.length - 1;
  const trained = trainModel(prepare(dataset, classIndex), findAlgorithm(model), paramsFor(findAlgorithm(model), {}));
  const inputs = dataset.rows.map((r) => r.subarray(0, classIndex));
  return { trained, inputs, out: new Float64Array(Math.max(1, trained.classCount)) };
});
predictors.forEach((predictor) => allocationRow(predictor.trained.algorithm.name, [predictor]));
// As a session runs them: one call site for every kind of model, so V8 cannot inline the models' code.
allocationRow('all six in turn, per prediction', predictors);

function allocationRow(label: string, predictors: readonly Predictor[]): void {
  // Summed into a typed array: a number summed in a local variable may be boxed by V8 itself.
  const sink = new Float64Array(1);
  const run = (count: number) => {
    for (let i = 0; i < count; i++) {
      const { trained, inputs, out } = predictors[i % predictors.length];
      sink[0] += trained.predict(inputs[i % inputs.length]);
      trained.distribution(inputs[i % inputs.length], out);
    }
  };
  // In several calls: one that starts before V8 has (re)optimised `run` and the code it calls
  // spends its first iterations in the interpreter, which boxes numbers.
  for (let warmUp = 0; warmUp < 3; warmUp++) run(100_000);
  gc!();
  const collections = new GCProfiler();
  const before = process.memoryUsage().heapUsed;
  collections.start();
  run(1_000_000);
  const scavenges = collections.stop().statistics.filter((s) => s.gcType === 'Scavenge').length;
  const after = process.memoryUsage().heapUsed;
  console.log(`| ${label} | ${kb(before)} | ${kb(after)} | ${((after - before) / 1_000_000).toFixed(3)} | ${scavenges} |`);
}

function row(task: string, weka: number, oscine: number, goal: string): void {
  console.log(`| ${task} | ${weka.toFixed(0)} | ${oscine.toFixed(1)} | ${(weka / oscine).toFixed(1)}× | ${goal} |`);
}

function train(dataset: Dataset, model: string): number {
  const algorithm = findAlgorithm(model);
  const prepared = prepare(dataset, dataset.attributes.length - 1);
  const started = performance.now();
  trainModel(prepared, algorithm, paramsFor(algorithm, {}));
  return performance.now() - started;
}

function repeat(measure: () => number): number[] {
  return Array.from({ length: REPEATS }, measure);
}

function save(dataset: Dataset, name: string): string {
  const file = join(scratch, `${name}.arff`);
  writeFileSync(file, writeArff(dataset));
  return file;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}

/** Overlapping Gaussian clusters: `rows` examples of `width` inputs in `classes` classes. */
function clusters(rows: number, width: number, classes: number, seed: number): Dataset {
  const random = new JavaRandom(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  const centres = Array.from({ length: classes }, () => Array.from({ length: width }, () => random.nextDouble() * 4));
  return {
    relation: 'clusters',
    attributes: [
      ...Array.from({ length: width }, (_, i) => ({ name: `x${i + 1}`, kind: 'numeric' as const })),
      { name: 'class', kind: 'nominal' as const, values: Array.from({ length: classes }, (_, c) => `c${c + 1}`) },
    ],
    rows: Array.from({ length: rows }, (_, i) => {
      const c = i % classes;
      return Float64Array.from({ length: width + 1 }, (_, k) => (k === width ? c : centres[c][k] + gaussian()));
    }),
  };
}
