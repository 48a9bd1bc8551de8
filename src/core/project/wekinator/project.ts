import type { Dataset } from '../../data/dataset.ts';
import { InputError } from '../../errors.ts';
import type { Example } from '../example.ts';
import type { Output, ProjectSettings } from '../project.ts';
import { wekinatorExamples } from './examples.ts';
import { firstJavaString } from './java-string.ts';
import { wekinatorModelChoice } from './model-choice.ts';

/** A file's bytes and the path to show in messages. */
export interface BinaryFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** A Wekinator project as an Oscine project: settings, every example, and notes on what changed. */
export interface ImportedProject {
  readonly settings: ProjectSettings;
  readonly examples: Example[];
  readonly notes: string[];
}

/**
 * Puts a Wekinator project together from its settings (see settings.ts), its examples
 * (`current/currentData.arff`, read as `data`) and, where they exist, its model files
 * (`current/models/model<j>.xml`, by output), from which each output's model choice and input
 * selection are taken. A model file that cannot be read costs only a note: the output keeps
 * Wekinator's default model and reads every input. A project with only a gesture output may have
 * no examples file (`data` null). Gesture templates are not read: Wekinator keeps them as Java
 * objects of its own, so a note asks for them to be recorded again.
 */
export function wekinatorProject(settings: ProjectSettings, data: Dataset | null, dataSource: string, models: readonly (BinaryFile | undefined)[]): ImportedProject {
  const notes = settings.gestureOutputs.map((g) => `the templates of the gesture output '${g.name}' stay in Wekinator (they are stored as Java objects); record them again in Oscine`);
  const outputs = settings.outputs.map((output, j): Output => {
    const file = models[j];
    if (!file) return output;
    try {
      const choice = wekinatorModelChoice(firstJavaString(file.bytes, file.path), output, settings.inputs, file.path);
      notes.push(...choice.notes);
      return { ...output, model: choice.model, params: choice.params, inputs: choice.inputs };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      notes.push(`${error.message}; '${output.name}' gets ${output.model} and reads every input`);
      return output;
    }
  });
  const withModels = { ...settings, outputs };
  const { examples, notes: exampleNotes } = data ? wekinatorExamples(withModels, data, dataSource) : { examples: [], notes: [] };
  return { settings: withModels, examples, notes: [...notes, ...exampleNotes] };
}
