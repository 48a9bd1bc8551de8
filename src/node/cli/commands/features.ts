import { InputError } from '../../../core/errors.ts';
import type { ProjectSettings } from '../../../core/project/project.ts';
import { featureText, readFeatureText } from '../../../core/temporal/features/feature-text.ts';
import { ProjectFile } from '../../store/project-file.ts';
import { openSession } from '../../store/open-session.ts';
import { counted } from '../counted.ts';

/**
 * Shows the features each gesture output matches, or sets one output's: the templates stay raw,
 * so the output learns again from them at once, and nothing needs recording again.
 */
export function featuresCommand(project: string, text: string | undefined, options: { output?: string }): void {
  if (text === undefined) {
    const file = ProjectFile.open(project, { readonly: true });
    let settings;
    try {
      settings = file.load().settings;
    } finally {
      file.close();
    }
    if (settings.gestureOutputs.length === 0) throw new InputError(`${project} has no gesture output; features are computed for gesture outputs`);
    for (const output of settings.gestureOutputs) console.log(`${output.name}: ${described(output.features, output.inputs, settings.inputs)}`);
    return;
  }
  const { session, file } = openSession(project);
  try {
    const output = chosenOutput(session.settings, options.output, project);
    const features = readFeatureText(text, session.settings.inputs);
    const result = session.gestures.setFeatures(output, features);
    if (!result.ok) throw new InputError(`${project}: ${result.reason}`);
    const spec = session.settings.gestureOutputs[output];
    const templates = session.gestures.counts()[output].reduce((a, b) => a + b, 0);
    console.log(`${spec.name} now matches ${described(spec.features, spec.inputs, session.settings.inputs)}; learned again from ${counted(templates, 'template')}`);
  } finally {
    file.close();
  }
}

function described(features: ProjectSettings['gestureOutputs'][number]['features'], selected: readonly boolean[], inputs: readonly string[]): string {
  if (features) return featureText(features);
  return `the values of ${inputs.filter((_, i) => selected[i]).join(', ')} (no features)`;
}

/** The gesture output named, or the only one. */
function chosenOutput(settings: ProjectSettings, name: string | undefined, project: string): number {
  const names = settings.gestureOutputs.map((o) => o.name);
  if (names.length === 0) throw new InputError(`${project} has no gesture output; features are computed for gesture outputs`);
  if (name === undefined) {
    if (names.length === 1) return 0;
    throw new InputError(`${project} has ${names.length} gesture outputs (${names.join(', ')}); choose one with --output NAME`);
  }
  const found = names.indexOf(name);
  if (found < 0) throw new InputError(`${project} has no gesture output '${name}'; its gesture outputs are ${names.join(', ')}`);
  return found;
}
