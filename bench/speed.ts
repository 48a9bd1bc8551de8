// Training and cross-validation speed against Weka 3.6 in the same run, timed inside each
// runtime (no process start-up), medians of several repeats. Also shows that predicting
// allocates nothing: the heap before and after a million predictions.
// Run: node --expose-gc --import tsx bench/speed.ts
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArff, writeArff } from '../src/core/data/arff.ts';
import type { Dataset } from '../src/core/data/dataset.ts';
import { evaluate } from '../src/core/evaluate/cross-validate.ts';
import { findAlgorithm } from '../src/core/learn/algorithms.ts';
import { prepare } from '../src/core/learn/prepare.ts';
import { paramsFor, trainModel } from '../src/core/learn/trained-model.ts';
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
console.log('| model | heap before | heap after | bytes per prediction |');
console.log('|---|---|---|---|');
for (const model of ['knn', 'mlp', 'linear', 'j48', 'svm', 'naive-bayes']) {
  const dataset = parseArff(readFileSync(join(WEKA_EXAMPLES, model === 'linear' ? 'cpu.arff' : 'iris.arff'), 'utf8'));
  const classIndex = dataset.attributes.length - 1;
  const trained = trainModel(prepare(dataset, classIndex), findAlgorithm(model), paramsFor(findAlgorithm(model), {}));
  const inputs = dataset.rows.map((r) => r.subarray(0, classIndex));
  const out = new Float64Array(Math.max(1, trained.classCount));
  const run = (count: number) => {
    let sink = 0;
    for (let i = 0; i < count; i++) {
      sink += trained.predict(inputs[i % inputs.length]);
      trained.distribution(inputs[i % inputs.length], out);
    }
    return sink;
  };
  run(100_000);
  gc();
  const before = process.memoryUsage().heapUsed;
  run(1_000_000);
  const after = process.memoryUsage().heapUsed;
  console.log(`| ${model} | ${kb(before)} | ${kb(after)} | ${((after - before) / 1_000_000).toFixed(3)} |`);
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
