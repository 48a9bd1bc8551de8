import { InputError } from '../errors.ts';
import { adaboost } from './adaboost.ts';
import type { Algorithm, Task } from './algorithm.ts';
import { j48 } from './j48.ts';
import { knn } from './knn.ts';
import { linear } from './linear.ts';
import { mlp } from './mlp.ts';
import { naiveBayes } from './naive-bayes.ts';
import { poly } from './poly.ts';
import { stump } from './stump.ts';
import { svm } from './svm.ts';

/** Every model Wekinator offers, under the names the CLI, the studio and project files use. */
export const ALGORITHMS: readonly Algorithm[] = [knn, mlp, linear, poly, j48, adaboost, svm, naiveBayes, stump] as readonly Algorithm[];

export function findAlgorithm(name: string): Algorithm {
  const algorithm = ALGORITHMS.find((a) => a.name === name);
  if (!algorithm) {
    throw new InputError(`there is no model called '${name}'; choose one of ${ALGORITHMS.map((a) => a.name).join(', ')}`);
  }
  return algorithm;
}

/** Says which models can learn a task, for messages that carry the fix. */
export function algorithmsFor(task: Task): string[] {
  return ALGORITHMS.filter((a) => a.tasks.includes(task)).map((a) => a.name);
}
