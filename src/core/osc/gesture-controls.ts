import { followingAddress } from '../project/gesture-output.ts';
import { learnedAgain } from '../project/output-features.ts';
import type { Gestures } from '../project/gesture-session.ts';
import { type Result, done } from '../project/result.ts';
import type { Session } from '../project/session.ts';
import { featureText, readFeatureText } from '../temporal/features/feature-text.ts';
import { matchOptionsText, readMatchOption } from '../temporal/match-option-text.ts';
import { type Control, controlIn, then } from './control-commands.ts';
import { setFeatures } from './feature-controls.ts';
import type { OscArgument } from './message.ts';
import { argumentProblem, readNumbers, readPositions, readStrings, readThrough } from './read-arguments.ts';

/**
 * The gesture control messages. A gesture is named by its number (from 1) and, optionally, its
 * gesture output's number among the project's gesture outputs (from 1; the first by default), so
 * that a Wekinator patch, which knows only one gesture output, works unchanged.
 */

/** Wekinator's, under `/wekinator/control/`. `stopDtwRecording` ignores arguments, as Wekinator did. */
const WEKINATOR_GESTURE_CONTROLS: Readonly<Record<string, Control>> = {
  startDtwRecording: (args, { session }) =>
    withGesture(args, 0, 'a gesture number, and optionally a gesture output number', (output, gesture) =>
      then(session.gestures.startRecording(output, gesture), ({ name }) => `recording a template of '${name}'`),
    ),
  stopDtwRecording: (_, { session }) =>
    then(session.gestures.stopRecording(), ({ template }) => {
      if (!template) return 'no gesture was being recorded';
      const count = session.gestures.counts()[template.output][template.gesture];
      return `kept a template of '${session.gestures.gestureName(template.output, template.gesture)}' (${template.frames.length} frames); it has ${count}`;
    }),
};

/** Oscine's own, under `/oscine/control/`. */
const OSCINE_CONTROLS: Readonly<Record<string, Control>> = {
  enableGesture: (args, { session }) => toggle(args, session.gestures, true),
  disableGesture: (args, { session }) => toggle(args, session.gestures, false),
  /** `g t [o]`: a threshold of 0 or more, or the word `learned` to go back to the learned one. */
  setGestureThreshold: (args, { session }) => {
    const threshold = readThreshold(args[1]);
    if (!threshold.ok) return threshold;
    return withGesture(args, 1, 'a gesture number, a threshold (or "learned"), and optionally a gesture output number', (output, gesture) =>
      then(session.gestures.setThreshold(output, gesture, threshold.value), () => {
        const name = session.gestures.gestureName(output, gesture);
        if (threshold.value !== null) return `'${name}' matches under ${threshold.value}`;
        const learned = session.gestures.learnedThresholds(output)?.[gesture];
        return `'${name}' uses its learned threshold (${learned === undefined ? 'none yet: record templates' : learned})`;
      }),
    );
  },
  /** `[o]`: also send `/<output>/following` on every frame (see output-messages.ts). */
  enableGestureFollowing: (args, { session }) => following(args, session, true),
  disableGestureFollowing: (args, { session }) => following(args, session, false),
  /** `"features" [o]`: the features in their text form (see feature-text.ts), or "none". */
  setGestureFeatures: (args, { session }) =>
    withOutput(args, 1, 'the features as one string (or "none"), and optionally a gesture output number', (output) => {
      const text = readStrings(args.slice(0, 1), 'the features');
      if (!text.ok) return text;
      const read = readThrough(() => readFeatureText(text.value[0], session.settings.inputs));
      if (!read.ok) return read;
      const features = read.value;
      return then(session.gestures.setFeatures(output, features), () => {
        const name = session.settings.gestureOutputs[output].name;
        return features ? `'${name}' matches ${featureText(features)}` : `'${name}' matches the values of its inputs`;
      });
    }),
  setFeatures: (args, { session }) => setFeatures(args, session),
  /** `"key" value [o]`: one matcher option (see match-option-text.ts); the output learns again at once. */
  setGestureOption: (args, { session }) =>
    withOutput(args, 2, 'an option name, its value, and optionally a gesture output number', (output) => {
      const key = readStrings(args.slice(0, 1), 'the option name');
      if (!key.ok) return key;
      const value = args[1];
      if (typeof value === 'object') return argumentProblem(`the value of '${key.value[0]}': give a number or a word`);
      const read = readThrough(() => readMatchOption(key.value[0], value));
      if (!read.ok) return read;
      const change = read.value;
      return then(session.gestures.setOptions(output, change), () => `'${session.settings.gestureOutputs[output].name}' matches with ${matchOptionsText(change)}; ${learnedAgain(session, output)}`);
    }),
  deleteGestureTemplates: (args, { session }) =>
    withGesture(args, 0, 'a gesture number, and optionally a gesture output number', (output, gesture) =>
      then(session.gestures.deleteTemplates(output, gesture), ({ deleted }) => `deleted ${deleted} templates of '${session.gestures.gestureName(output, gesture)}'`),
    ),
};

/** A gesture control under `/wekinator/control/`, if there is one. */
export const findGestureControl = (name: string) => controlIn(WEKINATOR_GESTURE_CONTROLS, name);

/** A control under `/oscine/control/`, if there is one. */
export const findOscineControl = (name: string) => controlIn(OSCINE_CONTROLS, name);

function toggle(args: readonly OscArgument[], gestures: Gestures, on: boolean): Result<string> {
  return withGesture(args, 0, 'a gesture number, and optionally a gesture output number', (output, gesture) =>
    then(gestures.setEnabled(output, gesture, on), () => `'${gestures.gestureName(output, gesture)}' is ${on ? 'on' : 'off'}`),
  );
}

function following(args: readonly OscArgument[], session: Session, on: boolean): Result<string> {
  return withOutput(args, 0, 'optionally a gesture output number', (output) =>
    then(session.gestures.setFollowing(output, on), () => {
      const spec = session.settings.gestureOutputs[output];
      return on ? `'${spec.name}' sends ${followingAddress(spec)}` : `'${spec.name}' sends no following`;
    }),
  );
}

/** Reads `[first…] [o]`: `first` arguments read by the caller, then the gesture output number if given (from 1; 1 by default), passed on from 0. */
function withOutput(args: readonly OscArgument[], first: number, takes: string, act: (output: number) => Result<string>): Result<string> {
  if (args.length < first || args.length > first + 1) return argumentProblem(`takes ${takes}, not ${args.length} argument${args.length === 1 ? '' : 's'}`);
  const number = readPositions(args.slice(first), 'the gesture output number');
  if (!number.ok) return number;
  return act((number.value[0] ?? 1) - 1);
}

/**
 * Reads `g [middle…] [o]`: the gesture number first, `middle` arguments read by the caller, then
 * the gesture output number if given; calls `act` with both counted from 0.
 */
function withGesture(args: readonly OscArgument[], middle: number, takes: string, act: (output: number, gesture: number) => Result<string>): Result<string> {
  if (args.length < 1 + middle || args.length > 2 + middle) return argumentProblem(`takes ${takes}, not ${args.length} argument${args.length === 1 ? '' : 's'}`);
  const numbers = readPositions([args[0], ...args.slice(1 + middle)], 'the gesture and gesture output numbers');
  if (!numbers.ok) return numbers;
  const [gesture, output = 1] = numbers.value;
  return act(output - 1, gesture - 1);
}

function readThreshold(arg: OscArgument | undefined): Result<number | null> {
  if (arg === 'learned') return done(null);
  const value = readNumbers(arg === undefined ? [] : [arg], 'the threshold');
  if (!value.ok) return argumentProblem('the threshold: give a distance (0 or more) or the word "learned"');
  return value.value.length === 1 ? done(value.value[0]) : argumentProblem('takes a gesture number, a threshold (or "learned"), and optionally a gesture output number');
}
