import { writeArff } from '../data/arff.ts';
import { writeCsv } from '../data/csv.ts';
import type { Attribute, Dataset } from '../data/dataset.ts';
import { InputError } from '../errors.ts';
import { ARFF_META, CSV_META, CSV_TIME_FORMAT, WEKINATOR_TIME_FORMAT } from './example-columns.ts';
import type { Example } from './example.ts';
import type { ProjectSettings } from './project.ts';

/**
 * A project's examples in Wekinator's currentData.arff layout: ID, Time, Training round, the
 * inputs, then one column per output, a classifier's as nominal {0,1,…,K}. Wekinator (and Weka)
 * read it as it is; `?` marks an output that was not recorded.
 */
export function examplesToArff(settings: ProjectSettings, examples: readonly Example[]): string {
  return writeArff(examplesTable(settings, examples, 'arff'));
}

/** The same examples as CSV: id, time, round, the input names, the output names; classes as numbers 1..K. */
export function examplesToCsv(settings: ProjectSettings, examples: readonly Example[]): string {
  return writeCsv(examplesTable(settings, examples, 'csv'));
}

function examplesTable(settings: ProjectSettings, examples: readonly Example[], layout: 'arff' | 'csv'): Dataset {
  const meta = layout === 'arff' ? ARFF_META : CSV_META;
  const taken = new Set<string>(Object.values(meta));
  for (const name of [...settings.inputs, ...settings.outputs.map((o) => o.name)]) {
    if (taken.has(name)) throw new InputError(`'${name}' has the name of the examples file's own '${name}' column; rename it in the project first`);
  }
  const attributes: Attribute[] = [
    { name: meta.id, kind: 'numeric' },
    { name: meta.time, kind: 'date', format: layout === 'arff' ? WEKINATOR_TIME_FORMAT : CSV_TIME_FORMAT },
    { name: meta.round, kind: 'numeric' },
    ...settings.inputs.map((name): Attribute => ({ name, kind: 'numeric' })),
    ...settings.outputs.map((output): Attribute =>
      output.kind === 'classifier' && layout === 'arff'
        ? { name: output.name, kind: 'nominal', values: Array.from({ length: output.classes + 1 }, (_, k) => String(k)) }
        : { name: output.name, kind: 'numeric' },
    ),
  ];
  const rows = examples.map((e) => Float64Array.from([e.id, e.time, e.round, ...e.inputs, ...e.outputs]));
  return { relation: settings.name, attributes, rows };
}
