import { z } from 'zod';
import { InputError } from '../../errors.ts';

/**
 * What a model computes from the raw inputs, frame by frame, before it learns or plays: a list of
 * features, each one number per frame taken from one input. The same spec runs on recorded raw
 * frames at training and on live frames at run time, so a project keeps raw inputs only and a user
 * may change features without recording again. Plain JSON, saved with the model.
 */
export const FEATURE_KINDS = ['value', 'velocity', 'acceleration', 'min', 'max', 'mean', 'sd', 'rms', 'zero-crossings'] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

const smoothingSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('one-euro'),
    /** Hz: the cutoff when the input is still; lower is steadier and lags more. */
    minCutoff: z.number().positive().default(1),
    /** How fast the cutoff rises with speed; higher lags less on quick moves. */
    beta: z.number().min(0).default(0),
    derivativeCutoff: z.number().positive().default(1),
  }),
  z.object({ kind: z.literal('moving-average'), window: z.int().min(1) }),
]);
export type Smoothing = z.infer<typeof smoothingSchema>;

const featureSchema = z.object({
  /** Which input (0-based). */
  input: z.int().min(0),
  kind: z.enum(FEATURE_KINDS),
  /** Frames the feature looks back over, this one included (fewer at the start of a stream). */
  window: z.int().min(1).optional(),
  /** Applied to the input before the feature is taken. */
  smoothing: smoothingSchema.optional(),
});
export type Feature = z.infer<typeof featureSchema>;

export const featureSpecSchema = z.object({
  /** Frames per second: the unit of velocity and acceleration (per second) and the 1€ filter's clock. */
  rate: z.number().positive().default(100),
  features: z.array(featureSchema).min(1),
});
export type FeatureSpec = z.infer<typeof featureSpecSchema>;

/** The window a feature uses when its spec gives none. */
const DEFAULT_WINDOW: Record<FeatureKind, number> = {
  value: 1,
  velocity: 2,
  acceleration: 3,
  min: 10,
  max: 10,
  mean: 10,
  sd: 10,
  rms: 10,
  'zero-crossings': 10,
};

export function windowOf(feature: Feature): number {
  return feature.window ?? DEFAULT_WINDOW[feature.kind];
}

/** The inputs as they are: feature i is input i. */
export function rawInputs(inputCount: number): FeatureSpec {
  return { rate: 100, features: Array.from({ length: inputCount }, (_, input) => ({ input, kind: 'value' as const })) };
}

/** Checks a feature spec from a file or a face against the number of inputs it will read. */
export function readFeatureSpec(json: unknown, inputCount: number): FeatureSpec {
  const parsed = featureSpecSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [first, index, ...rest] = issue.path;
    // Features are counted from 1 where people read them, as in the messages below.
    const where = first === 'features' && typeof index === 'number' ? [`feature ${index + 1}`, ...rest].join('.') : issue.path.join('.') || 'the spec';
    throw new InputError(`the features are not valid: ${where}: ${issue.message}`);
  }
  parsed.data.features.forEach((feature, i) => {
    if (feature.input >= inputCount) {
      throw new InputError(`feature ${i + 1} reads input ${feature.input + 1}, but there are only ${inputCount} inputs; choose an input from 1 to ${inputCount}`);
    }
    const least = feature.kind === 'velocity' ? 2 : feature.kind === 'acceleration' ? 3 : 1;
    if (windowOf(feature) < least) {
      throw new InputError(`feature ${i + 1} (${feature.kind}) needs a window of at least ${least} frames, not ${windowOf(feature)}`);
    }
  });
  return parsed.data;
}
