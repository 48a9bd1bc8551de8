import { InputError } from '../errors.ts';
import type { FeatureSpec } from '../temporal/features/feature-spec.ts';
import { featureText } from '../temporal/features/feature-text.ts';
import type { ProjectSettings } from './project.ts';
import type { Result } from './result.ts';
import type { Session } from './session.ts';

/**
 * Features of any output, for the faces that name outputs the way a musician does: by name, or by
 * number from 1 counting model outputs first and gesture outputs after them (the order of
 * `/wek/outputs`). Here outputs are counted from 0 in that same order.
 */

function outputList(settings: ProjectSettings) {
  return [...settings.outputs, ...settings.gestureOutputs];
}

/** The output named (or numbered, from 1), or the only one; counted from 0. */
export function chooseOutput(settings: ProjectSettings, which: string | number | undefined): number {
  const names = outputList(settings).map((o) => o.name);
  if (which === undefined) {
    if (names.length === 1) return 0;
    throw new InputError(`the project has ${names.length} outputs (${names.join(', ')}); say which, by name or by number from 1`);
  }
  const named = names.indexOf(String(which));
  if (named >= 0) return named;
  const number = typeof which === 'number' ? which : /^\d+$/.test(which) ? Number(which) : Number.NaN;
  if (Number.isInteger(number) && number >= 1 && number <= names.length) return number - 1;
  throw new InputError(`there is no output ${typeof which === 'number' ? which : `'${which}'`}; the outputs are ${names.map((name, j) => `${j + 1}. ${name}`).join(', ')}`);
}

export function outputName(settings: ProjectSettings, output: number): string {
  return outputList(settings)[output].name;
}

/** What an output's model (or matcher) reads, in the features' text form. */
export function describeFeatures(settings: ProjectSettings, output: number): string {
  const { features, inputs } = outputList(settings)[output];
  if (features) return featureText(features);
  return `the values of ${settings.inputs.filter((_, i) => inputs[i]).join(', ')} (no features)`;
}

/** Sets an output's features through the command for its kind. */
export function setOutputFeatures(session: Session, output: number, features: FeatureSpec | null): Result {
  const models = session.settings.outputs.length;
  return output < models ? session.setFeatures(output, features) : session.gestures.setFeatures(output - models, features);
}

/** What changing an output's features leaves to do: a model output trains again when asked; a gesture output already has. */
export function afterFeatures(session: Session, output: number): string {
  const models = session.settings.outputs.length;
  if (output >= models) return learnedAgain(session, output - models);
  return session.modelStatus(output) === 'needs-retraining' ? 'train again to use them' : 'train to use them';
}

/** What a gesture output (counted among gesture outputs) just learned from. */
export function learnedAgain(session: Session, gestureOutput: number): string {
  const templates = session.gestures.counts()[gestureOutput].reduce((a, b) => a + b, 0);
  return `learned again from ${templates} template${templates === 1 ? '' : 's'}`;
}
