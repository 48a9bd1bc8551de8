import { InputError } from '../../errors.ts';
import { FEATURE_KINDS, type Feature, type FeatureKind, type FeatureSpec, type Smoothing, readFeatureSpec } from './feature-spec.ts';

/**
 * Features as a line a person types (in a patch, on the command line): one item per feature,
 * separated by spaces, `INPUT:KIND[:WINDOW][~SMOOTHING]`, and optionally `rate=FRAMES_PER_SECOND`.
 * INPUT is an input number (from 1) or name; SMOOTHING is `euro(MINCUTOFF,BETA,DCUTOFF)` (trailing
 * values may be left out) or `avg(FRAMES)`. `none` means no features: the inputs as they are.
 *   1:velocity 2:velocity 1:mean:20 2:value~euro(1,0.01) rate=60
 */
export const FEATURE_TEXT_FORM = 'INPUT:KIND[:WINDOW][~euro(MINCUTOFF,BETA)|~avg(N)] …, e.g. "1:velocity 2:velocity 1:mean:20"';

const ITEM = /^([^:~]+):([a-z-]+)(?::([^~]*))?(?:~(\w+)(?:\(([^)]*)\))?)?$/;

/** Reads the text form against the project's input names; null for `none`. */
export function readFeatureText(text: string, inputs: readonly string[]): FeatureSpec | null {
  const items = text.trim().split(/\s+/).filter(Boolean);
  if (items.length === 1 && items[0] === 'none') return null;
  if (items.length === 0) throw new InputError(`no features given; write ${FEATURE_TEXT_FORM}, or none`);
  let rate: number | undefined;
  const features: Feature[] = [];
  for (const item of items) {
    const given = /^rate=(.*)$/.exec(item);
    if (given) rate = number(given[1], `'${item}': the rate`);
    else features.push(readItem(item, inputs));
  }
  return readFeatureSpec(rate === undefined ? { features } : { rate, features }, inputs.length);
}

function readItem(item: string, inputs: readonly string[]): Feature {
  const parts = ITEM.exec(item);
  if (!parts) throw new InputError(`'${item}' is not a feature; write ${FEATURE_TEXT_FORM}`);
  const [, input, kind, window, smoother, values] = parts;
  if (!(FEATURE_KINDS as readonly string[]).includes(kind)) throw new InputError(`'${item}': '${kind}' is not a feature; choose ${FEATURE_KINDS.join(', ')}`);
  const feature: { -readonly [K in keyof Feature]: Feature[K] } = { input: inputNumber(input, inputs, item), kind: kind as FeatureKind };
  if (window !== undefined) feature.window = number(window, `'${item}': the window`);
  if (smoother !== undefined) feature.smoothing = readSmoothing(smoother, values, item);
  return feature;
}

/** An input by number (from 1) or by name, counted from 0. */
function inputNumber(text: string, inputs: readonly string[], item: string): number {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n >= 1 && n <= inputs.length) return n - 1;
    throw new InputError(`'${item}' reads input ${n}, but the inputs are numbered 1 to ${inputs.length}`);
  }
  const named = inputs.indexOf(text);
  if (named < 0) throw new InputError(`'${item}': '${text}' is neither an input number nor an input name (${inputs.join(', ')})`);
  return named;
}

function readSmoothing(name: string, values: string | undefined, item: string): Smoothing {
  const numbers = (values ?? '').split(',').filter((v) => v.trim() !== '').map((v, i) => number(v, `'${item}': smoothing value ${i + 1}`));
  if (name === 'avg') {
    if (numbers.length !== 1) throw new InputError(`'${item}': avg takes the frames to average over, as ~avg(5)`);
    return { kind: 'moving-average', window: numbers[0] };
  }
  if (name === 'euro') {
    if (numbers.length > 3) throw new InputError(`'${item}': euro takes at most 3 values, ~euro(MINCUTOFF,BETA,DCUTOFF)`);
    const [minCutoff = 1, beta = 0, derivativeCutoff = 1] = numbers;
    return { kind: 'one-euro', minCutoff, beta, derivativeCutoff };
  }
  throw new InputError(`'${item}': '${name}' is not a smoothing; choose ~euro(MINCUTOFF,BETA) or ~avg(N)`);
}

function number(text: string, what: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new InputError(`${what} must be a number, not '${text}'`);
  return value;
}

/** The text form of a spec (inputs by number), which reads back to the same spec. */
export function featureText(spec: FeatureSpec | null): string {
  if (!spec) return 'none';
  const items = spec.features.map((f) => `${f.input + 1}:${f.kind}${f.window === undefined ? '' : `:${f.window}`}${smoothingText(f.smoothing)}`);
  return [...items, ...(spec.rate === 100 ? [] : [`rate=${spec.rate}`])].join(' ');
}

function smoothingText(smoothing: Smoothing | undefined): string {
  if (!smoothing) return '';
  if (smoothing.kind === 'moving-average') return `~avg(${smoothing.window})`;
  return `~euro(${smoothing.minCutoff},${smoothing.beta},${smoothing.derivativeCutoff})`;
}
