import type { Dataset } from '../../data/dataset.ts';
import { InputError } from '../../errors.ts';
import { checkColumn, outputValue } from '../cell-values.ts';
import type { Example } from '../example.ts';
import type { ProjectSettings } from '../project.ts';

/** Columns before the inputs in Wekinator's currentData.arff. */
const META = 3;

/**
 * A Wekinator project's examples from its `current/currentData.arff`. Wekinator reads that file
 * by position — ID, Time, Training round, the inputs, then one column per output — whatever
 * the columns are called (outputs may have been renamed since), and so does this. IDs, rounds
 * and times are kept; a class of 0 ("no class") or `?` leaves that output unrecorded. `notes`
 * tell what was changed on the way.
 */
export function wekinatorExamples(settings: ProjectSettings, data: Dataset, source: string): { examples: Example[]; notes: string[] } {
  const { inputs, outputs } = settings;
  const expected = META + inputs.length + outputs.length;
  const columns = data.attributes;
  if (columns.length !== expected) {
    throw new InputError(
      `${source} has ${columns.length} columns, but the project's settings describe ${expected}: ID, Time, Training round, ` +
        `${inputs.length} inputs and ${outputs.length} outputs; was it saved with other settings?`,
    );
  }
  const kinds = [['numeric', 'the example ID'], ['date', 'the time'], ['numeric', 'the training round']] as const;
  kinds.forEach(([kind, what], c) => {
    if (columns[c].kind !== kind) throw new InputError(`${source}: column ${c + 1} ('${columns[c].name}') should be ${what} (${kind}), not ${columns[c].kind}`);
  });
  inputs.forEach((_, i) => checkColumn(columns[META + i], 'input', source));
  outputs.forEach((output, j) => checkColumn(columns[META + inputs.length + j], output, source));

  const noClass = new Array<number>(outputs.length).fill(0);
  const examples = data.rows.map((row, r): Example => {
    const where = `${source}, example ${r + 1}`;
    const [id, time, round] = row;
    if (Number.isNaN(time)) throw new InputError(`${where} has no time (?); Wekinator writes one for every example`);
    if (!(Number.isInteger(round) && round >= 0)) throw new InputError(`${where}: the training round is ${Number.isNaN(round) ? '?' : round}, not a whole number`);
    const values = outputs.map((output, j) => {
      const c = META + inputs.length + j;
      const value = outputValue(output, columns[c], row[c], `${where}, column '${columns[c].name}'`);
      if (Number.isNaN(value) && !Number.isNaN(row[c])) noClass[j]++;
      return value;
    });
    return { id, round, time, inputs: row.slice(META, META + inputs.length), outputs: Float64Array.from(values) };
  });

  const notes = outputs.flatMap((output, j) =>
    noClass[j] > 0 ? [`${noClass[j]} example${noClass[j] === 1 ? ' has' : 's have'} class 0 ("no class") for '${output.name}'; kept without a value for it`] : [],
  );
  const ids = new Set(examples.map((e) => e.id));
  if (ids.size !== examples.length || examples.some((e) => !(Number.isInteger(e.id) && e.id >= 1))) {
    notes.push(`${source} has missing, repeated or broken IDs; the examples are numbered 1 to ${examples.length} in file order`);
    return { examples: examples.map((e, k) => ({ ...e, id: k + 1 })), notes };
  }
  return { examples, notes };
}
