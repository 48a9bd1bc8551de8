import type { Attribute, Dataset } from '../data/dataset.ts';
import type { FeatureSpec } from '../temporal/features/feature-spec.ts';
import { FeatureStream } from '../temporal/features/feature-stream.ts';
import type { Example } from './example.ts';
import type { Output, ProjectSettings } from './project.ts';

/**
 * The examples of one output as a dataset its model learns from: the inputs it selects (or its
 * features), then its value as the class (classes 1..K become nominal values '1'..'K'). Examples
 * on which the output was not recorded are left out.
 */
export function outputDataset(project: ProjectSettings, output: number, examples: readonly Example[]): Dataset {
  const spec = project.outputs[output];
  const features = spec.features ? replayedFeatures(spec.features, examples) : undefined;
  const selected = selectedInputs(spec);
  const columns: Attribute[] = spec.features
    ? spec.features.features.map((f) => ({ name: `${project.inputs[f.input]} ${f.kind}`, kind: 'numeric' as const }))
    : selected.map((i) => ({ name: project.inputs[i], kind: 'numeric' as const }));
  const attributes = [...columns, targetAttribute(spec)];
  const rows: Float64Array[] = [];
  examples.forEach((example, e) => {
    const value = example.outputs[output];
    if (Number.isNaN(value)) return;
    const row = new Float64Array(attributes.length);
    if (features) row.set(features[e]);
    else selected.forEach((input, k) => (row[k] = example.inputs[input]));
    row[columns.length] = spec.kind === 'classifier' ? value - 1 : value;
    rows.push(row);
  });
  return { relation: `${project.name}: ${spec.name}`, attributes, rows };
}

/**
 * The features of every example, as a live stream would have computed them: each recording round
 * is played in recorded order through a fresh stream, so a windowed feature sees the frames before
 * it in its round (examples of other outputs included, as they were live) and none from another.
 */
function replayedFeatures(spec: FeatureSpec, examples: readonly Example[]): Float64Array[] {
  const stream = new FeatureStream(spec);
  return examples.map((example, e) => {
    if (e > 0 && examples[e - 1].round !== example.round) stream.reset();
    const out = new Float64Array(stream.width);
    stream.next(example.inputs, out);
    return out;
  });
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
