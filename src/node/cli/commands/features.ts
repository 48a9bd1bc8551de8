import { InputError } from '../../../core/errors.ts';
import { afterFeatures, chooseOutput, describeFeatures, outputName, setOutputFeatures } from '../../../core/project/output-features.ts';
import { readFeatureText } from '../../../core/temporal/features/feature-text.ts';
import { openSession, readProjectSettings } from '../../store/open-session.ts';
import { inProject } from '../in-project.ts';

/**
 * Shows the features each output computes from the inputs, or sets one output's. Examples and
 * templates stay raw, so nothing needs recording again: a gesture output learns again at once, a
 * model output when it is next trained.
 */
export function featuresCommand(project: string, text: string | undefined, options: { output?: string }): void {
  if (text === undefined) {
    const settings = readProjectSettings(project);
    const count = settings.outputs.length + settings.gestureOutputs.length;
    for (let j = 0; j < count; j++) console.log(`${outputName(settings, j)}: ${describeFeatures(settings, j)}`);
    return;
  }
  const { session, file } = openSession(project);
  try {
    const output = inProject(project, () => chooseOutput(session.settings, options.output));
    const result = setOutputFeatures(session, output, readFeatureText(text, session.settings.inputs));
    if (!result.ok) throw new InputError(`${project}: ${result.reason}`);
    console.log(`${outputName(session.settings, output)} now reads ${describeFeatures(session.settings, output)}; ${afterFeatures(session, output)}`);
  } finally {
    file.close();
  }
}
