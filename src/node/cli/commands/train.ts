import { writeFileSync } from 'node:fs';
import { findAlgorithm } from '../../../core/learn/algorithms.ts';
import { checkLearnable } from '../../../core/learn/learnable.ts';
import { prepare } from '../../../core/learn/prepare.ts';
import { paramsFor, trainModel } from '../../../core/learn/trained-model.ts';
import { readDataset } from '../../files/read-dataset.ts';
import { InputError } from '../../../core/errors.ts';
import { trainProject } from './project-train.ts';
import { classIndexOf } from '../options.ts';
import { progressBar } from '../progress.ts';

export interface TrainOptions {
  readonly model?: string;
  readonly class?: string;
  readonly param?: Record<string, string>;
  readonly out?: string;
}

/** Trains one model on a whole data file and saves it as a model file. */
export async function trainCommand(file: string, options: TrainOptions): Promise<void> {
  if (file.endsWith('.oscine')) return trainProject(file);
  if (!options.out) throw new InputError('say where to save the model with --out model.json');
  if (!options.model) throw new InputError('choose a model with --model (see `oscine models`)');
  const out = options.out;
  const dataset = readDataset(file);
  const classIndex = classIndexOf(dataset, options.class, file);
  checkLearnable(dataset, classIndex, file);
  const algorithm = findAlgorithm(options.model);
  const params = paramsFor(algorithm, options.param ?? {});
  const progress = progressBar(`Training ${algorithm.name}`);
  const started = performance.now();
  try {
    const model = trainModel(prepare(dataset, classIndex), algorithm, params, { onProgress: progress.update });
    progress.stop();
    writeFileSync(out, JSON.stringify(model.toDocument()) + '\n');
    const ms = performance.now() - started;
    console.log(`Trained ${algorithm.name} on ${model.examples} examples of ${file} in ${ms.toFixed(0)} ms → ${out}`);
  } finally {
    progress.stop();
  }
}
