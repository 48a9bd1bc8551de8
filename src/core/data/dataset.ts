/**
 * A table of examples: one row per example, one column per attribute.
 * Every value is a number; nominal and string values are indices into the attribute's `values`,
 * dates are milliseconds since 1970 (UTC), and a missing value (`?`) is NaN.
 */
export type Attribute =
  | { readonly name: string; readonly kind: 'numeric' }
  | { readonly name: string; readonly kind: 'nominal'; readonly values: readonly string[] }
  | { readonly name: string; readonly kind: 'string'; readonly values: string[] }
  | { readonly name: string; readonly kind: 'date'; readonly format: string };

export interface Dataset {
  readonly relation: string;
  readonly attributes: readonly Attribute[];
  readonly rows: Float64Array[];
}

export const MISSING = Number.NaN;

export function isMissing(value: number): boolean {
  return Number.isNaN(value);
}

export function column(dataset: Dataset, index: number): Float64Array {
  const values = new Float64Array(dataset.rows.length);
  dataset.rows.forEach((row, i) => (values[i] = row[index]));
  return values;
}

/** The attribute's index from a name or a 1-based number as a user types it ("class", "5", "last"). */
export function findAttribute(dataset: Dataset, nameOrNumber: string): number | undefined {
  const byName = dataset.attributes.findIndex((a) => a.name === nameOrNumber);
  if (byName >= 0) return byName;
  if (nameOrNumber === 'last') return dataset.attributes.length - 1;
  if (nameOrNumber === 'first') return 0;
  if (/^\d+$/.test(nameOrNumber)) {
    const index = Number(nameOrNumber) - 1;
    if (index >= 0 && index < dataset.attributes.length) return index;
  }
  return undefined;
}
