import { InputError } from '../../../core/errors.ts';
import { chooseOutput, learnedAgain, outputName } from '../../../core/project/output-features.ts';
import type { ProjectSettings } from '../../../core/project/project.ts';
import { matchOptionsText, readMatchOptionItems } from '../../../core/temporal/match-option-text.ts';
import { openSession, readProjectSettings } from '../../store/open-session.ts';
import { inProject } from '../in-project.ts';

/** Shows how each gesture output matches, or changes one output's options: it learns again at once from its templates. */
export function gestureOptionsCommand(project: string, items: string[], options: { output?: string }): void {
  if (items.length === 0) {
    const settings = readProjectSettings(project);
    gestureOutput(settings, undefined, project);
    for (const output of settings.gestureOutputs) console.log(`${output.name}: ${matchOptionsText(output.options, true)}`);
    return;
  }
  const { session, file } = openSession(project);
  try {
    const output = gestureOutput(session.settings, options.output, project);
    const change = readMatchOptionItems(items);
    const result = session.gestures.setOptions(output, change);
    if (!result.ok) throw new InputError(`${project}: ${result.reason}`);
    const spec = session.settings.gestureOutputs[output];
    console.log(`${spec.name} now matches with ${matchOptionsText(spec.options, true)}; ${learnedAgain(session, output)}`);
  } finally {
    file.close();
  }
}

/** The gesture output named (or numbered among all outputs), or the only gesture output; counted among gesture outputs. */
function gestureOutput(settings: ProjectSettings, which: string | undefined, project: string): number {
  if (settings.gestureOutputs.length === 0) throw new InputError(`${project} has no gesture output; matcher options are for gesture outputs`);
  if (which === undefined && settings.gestureOutputs.length === 1) return 0;
  const output = inProject(project, () => chooseOutput(settings, which));
  const models = settings.outputs.length;
  if (output < models) throw new InputError(`${project}: '${outputName(settings, output)}' is a ${settings.outputs[output].kind} output; matcher options are for gesture outputs`);
  return output - models;
}
