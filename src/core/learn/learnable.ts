import { InputError } from '../errors.ts';
import { type Dataset, isMissing } from '../data/dataset.ts';

/** Refuses data no model can learn from, with a message that says what to add. */
export function checkLearnable(dataset: Dataset, classIndex: number, source: string): void {
  const target = dataset.attributes[classIndex];
  const labelled = dataset.rows.filter((row) => !isMissing(row[classIndex]));
  if (labelled.length === 0) throw new InputError(`${source} has no examples with a value for '${target.name}'`);
  if (target.kind === 'nominal') {
    const seen = new Set(labelled.map((row) => row[classIndex]));
    if (seen.size < 2) {
      const only = target.values[[...seen][0]];
      throw new InputError(`${source}: every example is of class '${only}'; a classifier needs examples of at least two classes`);
    }
  }
}
