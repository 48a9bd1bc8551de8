import { z } from 'zod';
import { InputError } from '../../core/errors.ts';
import type { ProjectSettings } from '../../core/project/project.ts';

const params = z.record(z.string(), z.union([z.number(), z.string(), z.boolean()]));
const common = { name: z.string().min(1), model: z.string(), params, inputs: z.array(z.boolean()) };

const settingsSchema = z.object({
  name: z.string(),
  inputs: z.array(z.string().min(1)).min(1),
  outputs: z
    .array(
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('continuous'), ...common, min: z.number(), max: z.number(), integer: z.boolean(), hardLimits: z.boolean() }),
        z.object({ kind: z.literal('classifier'), ...common, classes: z.int().min(2), probabilities: z.boolean() }),
      ]),
    )
    .min(1),
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
  const settings = parsed.data;
  const width = settings.inputs.length;
  const bad = settings.outputs.find((o) => o.inputs.length !== width);
  if (bad) throw new InputError(`${source} is damaged: output '${bad.name}' selects ${bad.inputs.length} inputs of ${width}`);
  return settings;
}
