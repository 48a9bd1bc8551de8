import { InputError } from '../../core/errors.ts';
import { type Dataset, findAttribute } from '../../core/data/dataset.ts';

/** Collects repeated `--param key=value` flags into one object. */
export function collectParam(text: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = text.indexOf('=');
  if (at <= 0) throw new InputError(`--param takes key=value (for example --param k=3), not '${text}'`);
  return { ...previous, [text.slice(0, at).trim()]: text.slice(at + 1).trim() };
}

/** A whole number from a flag, with a message that names the flag. */
export function wholeNumber(flag: string, min: number): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new InputError(`${flag} takes a whole number of at least ${min}, not '${text}'`);
    return value;
  };
}

/** The class attribute from `--class` (a name or a 1-based number), or the last one. */
export function classIndexOf(dataset: Dataset, given: string | undefined, source: string): number {
  if (given === undefined) return dataset.attributes.length - 1;
  const index = findAttribute(dataset, given);
  if (index === undefined) {
    throw new InputError(`${source} has no attribute '${given}'; its attributes are ${dataset.attributes.map((a) => a.name).join(', ')}`);
  }
  return index;
}
