// Accuracy (RMSE for numbers) of every model under 10-fold cross-validation, Oscine beside
// Weka 3.6 with the same folds (java.util.Random(1)) and the same hyperparameters.
// Run: node --import tsx bench/weka-parity.ts [model ...]
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArff, writeArff } from '../src/core/data/arff.ts';
import { evaluate } from '../src/core/evaluate/cross-validate.ts';
import { findAlgorithm } from '../src/core/learn/algorithms.ts';
import { paramsFor } from '../src/core/learn/trained-model.ts';
import { WEKA_EXAMPLES, wekaTime } from '../test/peers/weka.ts';
import { machineLine } from './machine.ts';
import { WEKA } from './weka-equivalents.ts';

const CLASSIFICATION = ['iris', 'glass', 'diabetes', 'ionosphere', 'segment-challenge'];
const REGRESSION = ['cpu'];
const chosen = process.argv.slice(2);
const models = Object.keys(WEKA).filter((m) => chosen.length === 0 || chosen.includes(m));
const scratch = mkdtempSync(join(tmpdir(), 'oscine-parity-'));

console.log(`### Accuracy against Weka 3.6, 10-fold cross-validation, seed 1\n\n${machineLine()}\n`);
console.log('| model | data | Weka | Oscine | difference | Weka ms | Oscine ms | speed-up |');
console.log('|---|---|---|---|---|---|---|---|');
for (const model of models) {
  const algorithm = findAlgorithm(model);
  const names = [...(algorithm.tasks.includes('classification') ? CLASSIFICATION : []), ...(algorithm.tasks.includes('regression') ? REGRESSION : [])];
  for (const name of names) {
    const dataset = parseArff(readFileSync(join(WEKA_EXAMPLES, `${name}.arff`), 'utf8'), name);
    const weka = WEKA[model];
    const file = join(scratch, `${name}-${model}.arff`);
    writeFileSync(file, writeArff(weka.transform ? weka.transform(dataset) : dataset));
    const theirs = wekaTime('cv', file, 1, weka.classifier, weka.options(dataset.attributes.length - 1));
    const ours = evaluate(dataset, dataset.attributes.length - 1, algorithm, paramsFor(algorithm, {}), {
      folds: 10,
      seed: 1,
      now: () => performance.now(),
    });
    const ms = ours.trainMs + ours.predictMs;
    const speedUp = `${(theirs.ms[0] / ms).toFixed(1)}×`;
    if (ours.report.task === 'classification') {
      const difference = Math.round((ours.report.accuracy - (theirs.accuracy ?? NaN)) * 10000) / 100 || 0; // no "-0.00"
      console.log(`| ${model} | ${name} | ${pct(theirs.accuracy)} | ${pct(ours.report.accuracy)} | ${difference >= 0 ? '+' : ''}${difference.toFixed(2)} points | ${theirs.ms[0].toFixed(0)} | ${ms.toFixed(0)} | ${speedUp} |`);
    } else {
      const ratio = ours.report.rmse / (theirs.rmse ?? NaN);
      console.log(`| ${model} | ${name} | RMSE ${theirs.rmse?.toFixed(2)} | RMSE ${ours.report.rmse.toFixed(2)} | ×${ratio.toFixed(3)} | ${theirs.ms[0].toFixed(0)} | ${ms.toFixed(0)} | ${speedUp} |`);
    }
  }
}

function pct(fraction: number | undefined): string {
  return fraction === undefined ? '—' : `${(fraction * 100).toFixed(2)} %`;
}
