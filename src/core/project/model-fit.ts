import type { ModelDocument } from '../format/model-document.ts';
import type { Output } from './project.ts';
import { selectedInputs } from './training-data.ts';

/** Why a saved model cannot play an output (its task, classes or inputs differ), or undefined if it can. */
export function modelMisfit(output: Output, document: ModelDocument): string | undefined {
  const task = output.kind === 'classifier' ? 'classification' : 'regression';
  if (document.task !== task) return `it does ${document.task} and the output needs ${task}`;
  if (output.kind === 'classifier' && document.classes?.length !== output.classes) {
    return `it knows ${document.classes?.length ?? 0} classes and the output has ${output.classes}`;
  }
  if (output.features) {
    const count = output.features.features.length;
    if (document.inputs.length !== count) return `it reads ${document.inputs.length} inputs and the output computes ${count} features for its model`;
  } else {
    const reads = selectedInputs(output).length;
    if (document.inputs.length !== reads) return `it reads ${document.inputs.length} inputs and the output is set to read ${reads}`;
  }
  const nominal = document.inputs.find((input) => input.kind !== 'numeric');
  if (nominal) return `its input '${nominal.name}' is nominal, and project inputs are numbers`;
  return undefined;
}
