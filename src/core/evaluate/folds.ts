import { JavaRandom } from '../util/java-random.ts';

/** One round of cross-validation: which rows train the model and which test it. */
export interface Fold {
  readonly train: number[];
  readonly test: number[];
}

/**
 * Splits row indices into `folds` folds exactly as Weka 3.6's Evaluation.crossValidateModel does:
 * shuffle with java.util.Random(seed), stratify by class (classes given), then the training rows
 * of each fold are shuffled again with the same generator. Comparisons with Weka therefore see
 * the very same folds.
 */
export function wekaFolds(count: number, folds: number, seed: number, classes?: ArrayLike<number>): Fold[] {
  const random = new JavaRandom(seed);
  let order = Array.from({ length: count }, (_, i) => i);
  random.shuffle(order);
  if (classes) order = stratify(order, folds, classes);
  const result: Fold[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const base = Math.floor(count / folds);
    const extra = count % folds;
    const size = fold < extra ? base + 1 : base;
    const first = fold * base + Math.min(fold, extra);
    const test = order.slice(first, first + size);
    const train = [...order.slice(0, first), ...order.slice(first + size)];
    random.shuffle(train);
    result.push({ train, test });
  }
  return result;
}

/** Weka's Instances.stratify: group rows by class (keeping first-seen order), then deal them out. */
function stratify(order: number[], folds: number, classes: ArrayLike<number>): number[] {
  const rows = [...order];
  for (let index = 1; index < rows.length; index++) {
    const reference = classes[rows[index - 1]];
    for (let j = index; j < rows.length; j++) {
      if (classes[rows[j]] === reference) {
        const swap = rows[index];
        rows[index] = rows[j];
        rows[j] = swap;
        index++;
      }
    }
  }
  const dealt: number[] = [];
  for (let start = 0; dealt.length < rows.length; start++) {
    for (let j = start; j < rows.length; j += folds) dealt.push(rows[j]);
  }
  return dealt;
}
