import { InputError } from '../errors.ts';
import { type Attribute, type Dataset, isMissing } from '../data/dataset.ts';
import type { Task, TrainingSet } from './algorithm.ts';

/**
 * How one raw input attribute becomes model inputs: a number (missing → the training mean),
 * or a nominal value one-hot encoded (missing → the most frequent value), as Weka's
 * ReplaceMissingValues and NominalToBinary filters do before its learners see the data.
 */
export type InputColumn =
  | { readonly name: string; readonly kind: 'numeric'; readonly fill: number }
  | { readonly name: string; readonly kind: 'nominal'; readonly values: readonly string[]; readonly fill: number };

/** Turns rows of raw input values into the numbers a model reads, without allocating. */
export class InputEncoder {
  readonly width: number;
  /**
   * Each column's fill, in a typed array: a number read from an object may be boxed, and a choice
   * between it and an unboxed input would then box every input.
   */
  private readonly fills: Float64Array;

  constructor(readonly columns: readonly InputColumn[]) {
    this.width = columns.reduce((sum, c) => sum + encodedWidth(c), 0);
    this.fills = Float64Array.from(columns, (c) => c.fill);
  }

  /** `raw` holds one value per column (NaN when missing); `out` gets `width` numbers. */
  encode(raw: ArrayLike<number>, out: Float64Array): void {
    let at = 0;
    for (let i = 0; i < this.columns.length; i++) {
      const column = this.columns[i];
      const value = isMissing(raw[i]) ? this.fills[i] : raw[i];
      if (column.kind === 'numeric') {
        out[at++] = value;
      } else if (column.values.length <= 2) {
        out[at++] = value === 1 ? 1 : 0;
      } else {
        for (let v = 0; v < column.values.length; v++) out[at++] = value === v ? 1 : 0;
      }
    }
  }
}

function encodedWidth(column: InputColumn): number {
  return column.kind === 'numeric' || column.values.length <= 2 ? 1 : column.values.length;
}

/** A dataset made ready for one learner: the training set, and how to read new inputs. */
export interface PreparedData {
  readonly set: TrainingSet;
  readonly encoder: InputEncoder;
  readonly target: string;
  /** Class names for classification, absent for regression. */
  readonly classes?: readonly string[];
  /** Indices of the dataset's attributes that are inputs, in order. */
  readonly inputAttributes: readonly number[];
}

/**
 * Splits a dataset into inputs and the target at `classIndex`. Examples whose target is
 * missing are left out; a nominal target means classification, a numeric one regression.
 */
export function prepare(dataset: Dataset, classIndex: number, rowFilter?: readonly number[]): PreparedData {
  const targetAttribute = dataset.attributes[classIndex];
  if (!targetAttribute) {
    throw new InputError(`there is no attribute number ${classIndex + 1}; the data has ${dataset.attributes.length} attributes`);
  }
  const task = taskOf(targetAttribute);
  const inputAttributes = dataset.attributes.map((_, i) => i).filter((i) => i !== classIndex);
  for (const i of inputAttributes) {
    const kind = dataset.attributes[i].kind;
    if (kind === 'string') {
      throw new InputError(`the input '${dataset.attributes[i].name}' holds text (a string attribute); remove it or make it nominal`);
    }
  }
  const rows: Float64Array[] = [];
  for (const i of rowFilter ?? dataset.rows.keys()) {
    if (!isMissing(dataset.rows[i][classIndex])) rows.push(dataset.rows[i]);
  }
  if (rows.length === 0) throw new InputError(`there are no examples with a value for '${targetAttribute.name}' to learn from`);

  const encoder = new InputEncoder(inputAttributes.map((i) => inputColumn(dataset.attributes[i], rows, i)));
  const raw = new Float64Array(inputAttributes.length);
  // One buffer for all rows: many small typed arrays of their own cost the garbage collector dearly.
  const encoded = new Float64Array(rows.length * encoder.width);
  const targets = new Float64Array(rows.length);
  const inputs = rows.map((row, r) => {
    for (let k = 0; k < inputAttributes.length; k++) raw[k] = row[inputAttributes[k]];
    const input = encoded.subarray(r * encoder.width, (r + 1) * encoder.width);
    encoder.encode(raw, input);
    targets[r] = row[classIndex];
    return input;
  });
  const classes = targetAttribute.kind === 'nominal' ? targetAttribute.values : undefined;
  return {
    set: { task, inputs, targets, inputCount: encoder.width, classCount: classes?.length ?? 0 },
    encoder,
    target: targetAttribute.name,
    classes,
    inputAttributes,
  };
}

function taskOf(attribute: Attribute): Task {
  if (attribute.kind === 'nominal') return 'classification';
  if (attribute.kind === 'numeric') return 'regression';
  throw new InputError(`'${attribute.name}' is a ${attribute.kind} attribute; the class must be nominal (classification) or numeric (regression)`);
}

function inputColumn(attribute: Attribute, rows: readonly Float64Array[], index: number): InputColumn {
  if (attribute.kind === 'nominal') {
    const counts = new Float64Array(attribute.values.length);
    for (const row of rows) if (!isMissing(row[index])) counts[row[index]]++;
    const fill = counts.indexOf(Math.max(...counts));
    return { name: attribute.name, kind: 'nominal', values: attribute.values, fill };
  }
  let sum = 0;
  let count = 0;
  for (const row of rows) {
    if (!isMissing(row[index])) {
      sum += row[index];
      count++;
    }
  }
  return { name: attribute.name, kind: 'numeric', fill: count > 0 ? sum / count : 0 };
}
