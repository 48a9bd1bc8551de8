import { afterFeatures, chooseOutput, describeFeatures, outputName, setOutputFeatures } from '../project/output-features.ts';
import type { Result } from '../project/result.ts';
import type { Session } from '../project/session.ts';
import { readFeatureText } from '../temporal/features/feature-text.ts';
import { then } from './control-commands.ts';
import type { OscArgument } from './message.ts';
import { argumentProblem, readStrings, readThrough } from './read-arguments.ts';

/**
 * `/oscine/control/setFeatures "features" [o]`: the features of any output, in their text form
 * (see feature-text.ts) or "none"; the output by name or number from 1 (gesture outputs after the
 * others), which may be left out when there is only one.
 */
export function setFeatures(args: readonly OscArgument[], session: Session): Result<string> {
  if (args.length < 1 || args.length > 2) {
    return argumentProblem(`takes the features as one string (or "none"), and an output name or number if there are several, not ${args.length} argument${args.length === 1 ? '' : 's'}`);
  }
  const text = readStrings(args.slice(0, 1), 'the features');
  if (!text.ok) return text;
  const which = args[1];
  if (typeof which === 'object') return argumentProblem('the output: give its name or its number from 1');
  const read = readThrough(() => ({ output: chooseOutput(session.settings, which), features: readFeatureText(text.value[0], session.settings.inputs) }));
  if (!read.ok) return read;
  const { output, features } = read.value;
  return then(setOutputFeatures(session, output, features), () => `'${outputName(session.settings, output)}' reads ${describeFeatures(session.settings, output)}; ${afterFeatures(session, output)}`);
}
