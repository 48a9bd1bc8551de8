import type { Attribute } from '../data/dataset.ts';
import { InputError } from '../errors.ts';
import type { Output } from './project.ts';

/**
 * Checks that a data file's column can hold a project's input or output: inputs and
 * continuous outputs need numbers; a classifier takes class numbers, written as numbers or as
 * nominal labels (Wekinator's `{0,1,…,K}`). `where` names the file.
 */
export function checkColumn(attribute: Attribute, target: Output | 'input', where: string): void {
  if (attribute.kind === 'numeric') return;
  const classifier = target !== 'input' && target.kind === 'classifier';
  if (classifier && attribute.kind !== 'date') return;
  const what = target === 'input' ? 'an input, which takes numbers' : classifier ? `the classifier '${target.name}', which takes class numbers` : `the continuous output '${target.name}', which takes numbers`;
  throw new InputError(`${where}: the column '${attribute.name}' holds ${attribute.kind} values, but it is ${what}`);
}

/**
 * An output's value from one cell: a classifier's class 1..K (0, Wekinator's "no class", and
 * a missing value both become NaN, not recorded), a continuous output's number as it is.
 * `where` says which example and column, for the message when the value cannot be a class.
 */
export function outputValue(output: Output, attribute: Attribute, value: number, where: string): number {
  if (Number.isNaN(value) || output.kind === 'continuous') return value;
  const text = attribute.kind === 'nominal' || attribute.kind === 'string' ? attribute.values[value] : String(value);
  const klass = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(klass >= 0 && klass <= output.classes)) {
    throw new InputError(`${where}: '${text}' is not a class of '${output.name}', which takes 1 to ${output.classes} (0 for no class)`);
  }
  return klass === 0 ? Number.NaN : klass;
}
