import { InputError } from '../errors.ts';
import { type FeatureSpec, readFeatureSpec } from '../temporal/features/feature-spec.ts';
import { type MatchOptions, matchOptions } from '../temporal/match-options.ts';

/** One kind of gesture a gesture output tells apart (a circle, a bow stroke). */
export interface Gesture {
  readonly name: string;
  /** A disabled gesture is never matched: its distance reads +Infinity and it never fires. */
  readonly enabled: boolean;
  /** The match threshold the user chose, or null for the one learned from the templates. */
  readonly threshold: number | null;
  /** The OSC address sent, with no arguments, when this gesture is matched. */
  readonly address: string;
}

/**
 * - `continuous`: every input frame while running is matched, and a gesture fires as it is performed;
 * - `once`: Wekinator's "match once when running stops": the whole run is matched once, at its end.
 */
export const GESTURE_MATCHING = ['continuous', 'once'] as const;
export type GestureMatching = (typeof GESTURE_MATCHING)[number];

/**
 * An output that recognises gestures performed in time, from recorded templates (Wekinator's
 * dynamic time warping output). It sends one distance per gesture and fires the matched one.
 */
export interface GestureOutput {
  readonly name: string;
  readonly gestures: readonly Gesture[];
  /** Which project inputs the matcher reads, one flag per input. */
  readonly inputs: readonly boolean[];
  /** The matcher options the user changed; the others keep the matcher's defaults. */
  readonly options: Partial<MatchOptions>;
  readonly matching: GestureMatching;
  /**
   * What the matcher computes from the raw inputs (input numbers counted from 0), or null for the
   * values of the inputs it reads. When set, the inputs it reads are those its features read.
   */
  readonly features: FeatureSpec | null;
  /** Also send, on every frame, which gesture is under way, how far through it, and how fast (see followingAddress). */
  readonly following: boolean;
}

/** Wekinator's default number of gestures in a gesture output. */
const DEFAULT_GESTURE_COUNT = 5;

const defaultGestureName = (k: number) => `gesture-${k + 1}`;

/**
 * Wekinator's trigger addresses, `/output_1…`, for the first gesture output; later ones are
 * named after their output (`/<output>_1…`) so that two outputs never share an address.
 */
function defaultGestureAddress(gestureOutput: number, outputName: string, k: number): string {
  return gestureOutput === 0 ? `/output_${k + 1}` : `/${addressPart(outputName)}_${k + 1}`;
}

/** An output's name as part of an OSC address: spaces become _. */
const addressPart = (name: string) => name.replace(/\s+/g, '_');

export interface GestureOutputRequest {
  readonly kind: 'gesture';
  readonly name?: string;
  /** How many gestures (default 5), or their names. */
  readonly gestures?: number | readonly string[];
  readonly matching?: GestureMatching;
  readonly options?: Partial<MatchOptions>;
  readonly features?: FeatureSpec | null;
  readonly following?: boolean;
}

/** A gesture output with Wekinator's defaults where the request is silent; `index` counts gesture outputs. */
export function makeGestureOutput(request: GestureOutputRequest, name: string, index: number, inputCount: number): GestureOutput {
  const given = request.gestures ?? DEFAULT_GESTURE_COUNT;
  if (typeof given === 'number' && !(Number.isInteger(given) && given >= 1)) {
    throw new InputError(`the gesture output '${name}' needs at least 1 gesture, not ${given}`);
  }
  const names = typeof given === 'number' ? Array.from({ length: given }, (_, k) => defaultGestureName(k)) : [...given];
  if (names.length === 0) throw new InputError(`the gesture output '${name}' needs at least 1 gesture`);
  const gestures = names.map((gesture, k) => ({ name: gesture, enabled: true, threshold: null, address: defaultGestureAddress(index, name, k) }));
  const features = request.features ? readFeatureSpec(request.features, inputCount) : null;
  const output: GestureOutput = {
    name,
    gestures,
    inputs: features ? inputsOf(features, inputCount) : new Array<boolean>(inputCount).fill(true),
    options: request.options ?? {},
    matching: request.matching ?? 'continuous',
    features,
    following: request.following ?? false,
  };
  checkGestureOutput(output);
  return output;
}

/** Checks what a user may have written into a gesture output: names, addresses, thresholds, options. */
export function checkGestureOutput(output: GestureOutput): void {
  const where = `the gesture output '${output.name}'`;
  const seen = new Set<string>();
  for (const gesture of output.gestures) {
    if (gesture.name.trim() === '') throw new InputError(`a gesture of ${where} has an empty name`);
    if (seen.has(gesture.name)) throw new InputError(`two gestures of ${where} are called '${gesture.name}'; names must differ`);
    seen.add(gesture.name);
    checkGestureAddress(gesture.address);
    checkThreshold(gesture.threshold);
  }
  if (!output.inputs.some(Boolean)) throw new InputError(`${where} reads no input; select at least one`);
  matchOptions(output.options);
  if (output.features) readFeatureSpec(output.features, output.inputs.length);
  if (output.following && output.matching === 'once') {
    throw new InputError(`${where} matches once, when running stops, so there is nothing to follow while a gesture is under way; match continuously, or turn following off`);
  }
}

/** One flag per project input: whether these features read it. */
export function inputsOf(features: FeatureSpec, inputCount: number): boolean[] {
  return Array.from({ length: inputCount }, (_, i) => features.features.some((f) => f.input === i));
}

/**
 * Features after the project's inputs changed (`keep`: the old input behind each new one, or -1):
 * each follows its input; those of a removed input are gone.
 */
export function moveFeatures(spec: FeatureSpec, keep: readonly number[]): FeatureSpec {
  return { ...spec, features: spec.features.flatMap((f) => (keep.includes(f.input) ? [{ ...f, input: keep.indexOf(f.input) }] : [])) };
}

/**
 * Where an output's following goes: `/<output name>/following` (spaces become _), with the
 * gesture under way (from 1; 0 for none), its progress (0..1) and its speed against its template.
 */
export function followingAddress(output: GestureOutput): string {
  return `/${addressPart(output.name)}/following`;
}

function checkGestureAddress(address: string): void {
  if (!/^\/\S+$/.test(address)) throw new InputError(`a gesture's OSC address must start with / and have no spaces, not '${address}'`);
}

function checkThreshold(threshold: number | null): void {
  if (threshold !== null && !(Number.isFinite(threshold) && threshold >= 0)) {
    throw new InputError(`a match threshold is a distance, 0 or more, not ${threshold}`);
  }
}

/** How many distances a project's gesture outputs send, in all. */
export function gestureCount(outputs: readonly GestureOutput[]): number {
  return outputs.reduce((sum, o) => sum + o.gestures.length, 0);
}
