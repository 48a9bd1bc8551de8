import { InputError } from '../errors.ts';
import type { Attribute, Dataset } from '../data/dataset.ts';
import type { InputColumn } from './prepare.ts';

/**
 * Picks a model's inputs out of a dataset by name, so a file with extra columns (the class,
 * an ID) or columns in another order still reads right. Nominal values are matched by label.
 */
export function readInputColumns(dataset: Dataset, columns: readonly InputColumn[], source: string): Float64Array[] {
  const readers = columns.map((column) => {
    const index = dataset.attributes.findIndex((a) => a.name === column.name);
    if (index < 0) {
      throw new InputError(`${source} has no column '${column.name}'; the model reads ${columns.map((c) => c.name).join(', ')}`);
    }
    return valueReader(dataset.attributes[index], index, column, source);
  });
  return dataset.rows.map((row) => Float64Array.from(readers, (read) => read(row)));
}

function valueReader(attribute: Attribute, index: number, column: InputColumn, source: string): (row: Float64Array) => number {
  if (column.kind === 'numeric') {
    if (attribute.kind !== 'numeric') {
      throw new InputError(`${source}: the column '${column.name}' holds text, but the model reads it as numbers`);
    }
    return (row) => row[index];
  }
  if (attribute.kind !== 'nominal' && attribute.kind !== 'string') {
    throw new InputError(`${source}: the column '${column.name}' holds numbers, but the model reads it as one of ${column.values.join(', ')}`);
  }
  const mapping = attribute.values.map((label) => column.values.indexOf(label));
  return (row) => {
    const value = row[index];
    if (Number.isNaN(value)) return value;
    const mapped = mapping[value];
    if (mapped < 0) {
      throw new InputError(`${source}: '${attribute.values[value]}' is not a value the model knows for '${column.name}' (${column.values.join(', ')})`);
    }
    return mapped;
  };
}
