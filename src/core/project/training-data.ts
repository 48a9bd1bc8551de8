import type { Attribute, Dataset } from '../data/dataset.ts';
import type { Example } from './example.ts';
import type { Output, ProjectSettings } from './project.ts';

/**
 * The examples of one output as a dataset its model learns from: the inputs it selects, then
 * its value as the class (classes 1..K become nominal values '1'..'K'). Examples on which the
 * output was not recorded are left out.
 */
export function outputDataset(project: ProjectSettings, output: number, examples: readonly Example[]): Dataset {
  const spec = project.outputs[output];
  const selected = selectedInputs(spec);
  const attributes: Attribute[] = selected.map((i) => ({ name: project.inputs[i], kind: 'numeric' as const }));
  attributes.push(targetAttribute(spec));
  const rows: Float64Array[] = [];
  for (const example of examples) {
    const value = example.outputs[output];
    if (Number.isNaN(value)) continue;
    const row = new Float64Array(attributes.length);
    selected.forEach((input, k) => (row[k] = example.inputs[input]));
    row[selected.length] = spec.kind === 'classifier' ? value - 1 : value;
    rows.push(row);
  }
  return { relation: `${project.name}: ${spec.name}`, attributes, rows };
}

/** Indices of the project inputs an output's model reads. */
export function selectedInputs(output: Output): number[] {
  return output.inputs.flatMap((on, i) => (on ? [i] : []));
}

function targetAttribute(output: Output): Attribute {
  if (output.kind === 'classifier') {
    return { name: output.name, kind: 'nominal', values: Array.from({ length: output.classes }, (_, c) => String(c + 1)) };
  }
  return { name: output.name, kind: 'numeric' };
}
