import type { Attribute, Dataset } from '../data/dataset.ts';
import { InputError } from '../errors.ts';
import { checkColumn, outputValue } from './cell-values.ts';
import { metaColumn, readTime } from './example-columns.ts';
import type { ProjectSettings } from './project.ts';

/** An example read from a data file, before the project gives it an ID and a round. */
export interface ReadExample {
  readonly inputs: Float64Array;
  readonly outputs: Float64Array;
  /** When it was recorded, or NaN when the file does not say. */
  readonly time: number;
}

export interface ReadExamples {
  readonly examples: ReadExample[];
  /** Outputs the file has no column for: these examples leave them unrecorded. */
  readonly unrecorded: string[];
  /** Columns that are none of the project's inputs or outputs, nor id, time or round. */
  readonly ignored: string[];
}

/**
 * Examples from an ARFF or CSV file, its columns matched by name to the project's inputs and
 * outputs, in any order: an examples file Oscine exported (with id, time and round columns)
 * or a plain table. Every input needs a column; outputs without one stay unrecorded, but at
 * least one output must be there. A classifier's 0 or `?` means no class.
 */
export function examplesFromTable(settings: ProjectSettings, data: Dataset, source: string): ReadExamples {
  const inputColumns = settings.inputs.map((name) => data.attributes.findIndex((a) => a.name === name));
  const outputColumns = settings.outputs.map((output) => data.attributes.findIndex((a) => a.name === output.name));
  const missingInputs = settings.inputs.filter((_, i) => inputColumns[i] < 0);
  const columns = `its columns are ${data.attributes.map((a) => a.name).join(', ')}`;
  if (missingInputs.length > 0) {
    throw new InputError(`${source} has no column for the input${missingInputs.length > 1 ? 's' : ''} ${missingInputs.map((n) => `'${n}'`).join(', ')}; ${columns}`);
  }
  if (outputColumns.every((c) => c < 0)) {
    throw new InputError(`${source} has a column for none of the outputs (${settings.outputs.map((o) => `'${o.name}'`).join(', ')}); ${columns}`);
  }
  const used = new Set([...inputColumns, ...outputColumns]);
  const timeColumn = data.attributes.findIndex((a, c) => !used.has(c) && metaColumn(a.name) === 'time');
  const ignored = data.attributes.filter((a, c) => !used.has(c) && metaColumn(a.name) === undefined).map((a) => a.name);
  inputColumns.forEach((c) => checkColumn(data.attributes[c], 'input', source));
  outputColumns.forEach((c, j) => {
    if (c >= 0) checkColumn(data.attributes[c], settings.outputs[j], source);
  });

  const examples = data.rows.map((row, r): ReadExample => {
    const where = `${source}, example ${r + 1}`;
    const outputs = settings.outputs.map((output, j) => {
      const c = outputColumns[j];
      return c < 0 ? Number.NaN : outputValue(output, data.attributes[c], row[c], `${where}, column '${data.attributes[c].name}'`);
    });
    const time = timeColumn < 0 ? Number.NaN : timeOf(data.attributes[timeColumn], row[timeColumn], where);
    return { inputs: Float64Array.from(inputColumns, (c) => row[c]), outputs: Float64Array.from(outputs), time };
  });
  const unrecorded = settings.outputs.filter((_, j) => outputColumns[j] < 0).map((o) => o.name);
  return { examples, unrecorded, ignored };
}

function timeOf(attribute: Attribute, value: number, where: string): number {
  if (Number.isNaN(value) || attribute.kind === 'date') return value;
  const text = attribute.kind === 'numeric' ? String(value) : attribute.values[value];
  const time = attribute.kind === 'numeric' ? undefined : readTime(text);
  if (time === undefined) throw new InputError(`${where}: the time '${text}' is not a date and time like 2024-05-01 12:30:00.000`);
  return time;
}
