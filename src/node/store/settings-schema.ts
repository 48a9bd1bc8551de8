import { z } from 'zod';
import { InputError } from '../../core/errors.ts';
import { GESTURE_MATCHING, type GestureOutput, checkGestureOutput } from '../../core/project/gesture-output.ts';
import type { ProjectSettings } from '../../core/project/project.ts';
import { featureSpecSchema, readFeatureSpec } from '../../core/temporal/features/feature-spec.ts';
import type { MatchOptions } from '../../core/temporal/match-options.ts';

const params = z.record(z.string(), z.union([z.number(), z.string(), z.boolean()]));
/** `features` is absent from projects saved before format 4, and from outputs without features. */
const common = { name: z.string().min(1), model: z.string(), params, inputs: z.array(z.boolean()), features: featureSpecSchema.nullable().optional() };

const gestureOutput = z.object({
  name: z.string().min(1),
  gestures: z.array(z.object({ name: z.string().min(1), enabled: z.boolean(), threshold: z.number().min(0).nullable(), address: z.string() })).min(1),
  inputs: z.array(z.boolean()),
  /** Checked against the matcher's own schema by checkGestureOutput. */
  options: z.record(z.string(), z.unknown()),
  matching: z.enum(GESTURE_MATCHING),
  /** Both absent from projects saved before format 3. */
  features: featureSpecSchema.nullable().default(null),
  following: z.boolean().default(false),
});

const settingsSchema = z.object({
  name: z.string(),
  inputs: z.array(z.string().min(1)).min(1),
  outputs: z
    .array(
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('continuous'), ...common, min: z.number(), max: z.number(), integer: z.boolean(), hardLimits: z.boolean() }),
        z.object({ kind: z.literal('classifier'), ...common, classes: z.int().min(2), probabilities: z.boolean() }),
      ]),
    ),
  /** Absent from projects saved before gesture outputs existed. */
  gestureOutputs: z.array(gestureOutput).default([]),
  osc: z.object({
    port: z.int(),
    host: z.string(),
    inputAddress: z.string(),
    outputAddress: z.string(),
    outputHost: z.string(),
    outputPort: z.int(),
  }),
});

/** Checks the settings stored in a project file. */
export function readSettings(json: unknown, source: string): ProjectSettings {
  const parsed = settingsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${source} is damaged: settings.${issue.path.join('.')}: ${issue.message}`);
  }
  const { gestureOutputs, ...settings } = parsed.data;
  const gestures = gestureOutputs.map((o) => ({ ...o, options: o.options as Partial<MatchOptions> }) satisfies GestureOutput);
  if (settings.outputs.length + gestures.length === 0) throw new InputError(`${source} is damaged: settings.outputs: the project has no output`);
  const width = settings.inputs.length;
  const bad = [...settings.outputs, ...gestures].find((o) => o.inputs.length !== width);
  if (bad) throw new InputError(`${source} is damaged: output '${bad.name}' selects ${bad.inputs.length} inputs of ${width}`);
  try {
    gestures.forEach(checkGestureOutput);
    for (const output of settings.outputs) if (output.features) readFeatureSpec(output.features, width);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${source} is damaged: ${error.message}`);
    throw error;
  }
  return { ...settings, gestureOutputs: gestures };
}
