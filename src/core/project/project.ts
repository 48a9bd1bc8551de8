import { InputError } from '../errors.ts';
import type { FeatureSpec } from '../temporal/features/feature-spec.ts';
import { type GestureOutput, type GestureOutputRequest, makeGestureOutput } from './gesture-output.ts';

/** Where Oscine listens and sends, with Wekinator's defaults. */
export interface OscSettings {
  /** UDP port for `/wek/inputs` and `/wekinator/control/*`. */
  readonly port: number;
  /** The address the listener binds to; 127.0.0.1 unless the user opens it up. */
  readonly host: string;
  readonly inputAddress: string;
  readonly outputAddress: string;
  readonly outputHost: string;
  readonly outputPort: number;
}

export const DEFAULT_OSC: OscSettings = {
  port: 6448,
  host: '127.0.0.1',
  inputAddress: '/wek/inputs',
  outputAddress: '/wek/outputs',
  outputHost: '127.0.0.1',
  outputPort: 12000,
};

type ModelParams = Readonly<Record<string, number | string | boolean>>;

interface OutputCommon {
  readonly name: string;
  /** The model's algorithm (see learn/algorithms.ts) and its parameters. */
  readonly model: string;
  readonly params: ModelParams;
  /** Which project inputs this output's model reads, one flag per input (those its features read, if it has features). */
  readonly inputs: readonly boolean[];
  /**
   * What the model learns from and plays on instead of the raw inputs (see training-data.ts); absent
   * or null: the selected inputs as they are, as in Wekinator.
   */
  readonly features?: FeatureSpec | null;
}

/** A number between min and max, like a slider. */
export interface ContinuousOutput extends OutputCommon {
  readonly kind: 'continuous';
  readonly min: number;
  readonly max: number;
  /** Whole numbers only: values are truncated, as Wekinator does. */
  readonly integer: boolean;
  /** Hard limits clamp what the model says to [min, max]; soft ones let it go beyond. */
  readonly hardLimits: boolean;
}

/** One of K classes, numbered 1..K (0 means "no class", as in Wekinator). */
export interface ClassifierOutput extends OutputCommon {
  readonly kind: 'classifier';
  readonly classes: number;
  /** Also send the probability of each class. */
  readonly probabilities: boolean;
}

export type Output = ContinuousOutput | ClassifierOutput;
export type OutputKind = Output['kind'] | 'gesture';

/**
 * Everything a project holds besides its examples, templates and trained models. Gesture outputs
 * are a list of their own: they have templates instead of examples and models, and they send
 * after the other outputs in `/wek/outputs` (Wekinator allows no other output beside its one).
 */
export interface ProjectSettings {
  readonly name: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly Output[];
  readonly gestureOutputs: readonly GestureOutput[];
  readonly osc: OscSettings;
}

export const defaultInputName = (i: number) => `inputs-${i + 1}`;
export const defaultOutputName = (j: number) => `outputs-${j + 1}`;

/** What a user says about an output when creating it; everything else gets Wekinator's defaults. */
export type OutputRequest =
  | { readonly kind: 'continuous'; readonly name?: string; readonly min?: number; readonly max?: number; readonly integer?: boolean; readonly hardLimits?: boolean; readonly model?: string }
  | { readonly kind: 'classifier'; readonly name?: string; readonly classes: number; readonly probabilities?: boolean; readonly model?: string }
  | GestureOutputRequest;

export type ModelOutputRequest = Exclude<OutputRequest, GestureOutputRequest>;

export function makeOutput(request: ModelOutputRequest, index: number, inputCount: number): Output {
  const name = request.name ?? defaultOutputName(index);
  const inputs = new Array<boolean>(inputCount).fill(true);
  switch (request.kind) {
    case 'continuous': {
      const min = request.min ?? 0;
      const max = request.max ?? 1;
      if (!(Number.isFinite(min) && Number.isFinite(max) && min < max)) {
        throw new InputError(`the output '${name}' needs a minimum below its maximum, not ${min}..${max}`);
      }
      return { kind: 'continuous', name, min, max, integer: request.integer ?? false, hardLimits: request.hardLimits ?? false, model: request.model ?? 'mlp', params: {}, inputs };
    }
    case 'classifier': {
      if (!Number.isInteger(request.classes) || request.classes < 2) {
        throw new InputError(`the classifier '${name}' needs at least 2 classes, not ${request.classes}`);
      }
      return { kind: 'classifier', name, classes: request.classes, probabilities: request.probabilities ?? false, model: request.model ?? 'knn', params: {}, inputs };
    }
  }
}

/**
 * The outputs a user asked for, in order, split into model outputs and gesture outputs; an
 * unnamed one is named after its place in the whole list. Names must differ across both lists.
 */
export function makeOutputs(requests: readonly OutputRequest[], inputCount: number): Pick<ProjectSettings, 'outputs' | 'gestureOutputs'> {
  const outputs: Output[] = [];
  const gestureOutputs: GestureOutput[] = [];
  requests.forEach((request, j) => {
    if (request.kind === 'gesture') gestureOutputs.push(makeGestureOutput(request, request.name ?? defaultOutputName(j), gestureOutputs.length, inputCount));
    else outputs.push(makeOutput(request, j, inputCount));
  });
  checkNames('output', [...outputs, ...gestureOutputs].map((o) => o.name));
  return { outputs, gestureOutputs };
}

export interface ProjectRequest {
  readonly name?: string;
  /** A count (default names inputs-1…) or the names themselves. */
  readonly inputs: number | readonly string[];
  readonly outputs: readonly OutputRequest[];
  readonly osc?: Partial<OscSettings>;
}

/** A new project, checked, with Wekinator's defaults where the request is silent. */
export function makeProject(request: ProjectRequest): ProjectSettings {
  const inputs = typeof request.inputs === 'number' ? Array.from({ length: request.inputs }, (_, i) => defaultInputName(i)) : [...request.inputs];
  if (inputs.length < 1) throw new InputError('a project needs at least one input');
  if (request.outputs.length < 1) throw new InputError('a project needs at least one output');
  checkNames('input', inputs);
  return { name: request.name ?? 'Untitled', inputs, ...makeOutputs(request.outputs, inputs.length), osc: checkOsc({ ...DEFAULT_OSC, ...request.osc }) };
}

export function checkNames(what: string, names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (name.trim() === '') throw new InputError(`an ${what} name cannot be empty`);
    if (seen.has(name)) throw new InputError(`two ${what}s are called '${name}'; names must differ`);
    seen.add(name);
  }
}

export function checkOsc(osc: OscSettings): OscSettings {
  for (const [key, port] of [['port', osc.port], ['outputPort', osc.outputPort]] as const) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InputError(`the OSC ${key === 'port' ? 'listening' : 'output'} port must be 1–65535, not ${port}`);
  }
  for (const [key, address] of [['input', osc.inputAddress], ['output', osc.outputAddress]] as const) {
    if (!/^\/\S+$/.test(address)) throw new InputError(`the OSC ${key} address must start with / and have no spaces, not '${address}'`);
  }
  return osc;
}
