import { z } from 'zod';
import { InputError } from '../errors.ts';

/** The model file format this Oscine writes; files from newer versions are refused. */
export const MODEL_FORMAT_VERSION = 1;

const inputColumn = z.discriminatedUnion('kind', [
  z.object({ name: z.string(), kind: z.literal('numeric'), fill: z.number() }),
  z.object({ name: z.string(), kind: z.literal('nominal'), values: z.array(z.string()).min(1), fill: z.int().min(0) }),
]);

const modelDocument = z.object({
  format: z.literal('oscine-model'),
  version: z.literal(MODEL_FORMAT_VERSION),
  algorithm: z.string(),
  params: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  task: z.enum(['classification', 'regression']),
  /** The name of what the model predicts. */
  target: z.string(),
  /** Class names (classification), or null (regression). */
  classes: z.array(z.string()).min(1).nullable(),
  /** The raw inputs, in order, and how each is encoded and filled in when missing. */
  inputs: z.array(inputColumn),
  /** How many examples it was trained on. */
  examples: z.int().min(0),
  /** The algorithm's own weights, normalisation and structure. */
  state: z.unknown(),
});

/** One trained model as saved to a file: versioned, self-describing JSON. */
export type ModelDocument = z.infer<typeof modelDocument>;

/**
 * Checks a parsed model file. `source` names it in messages. A newer format version gets its
 * own message, so a user knows to update Oscine rather than suspect the file.
 */
export function readModelDocument(json: unknown, source: string): ModelDocument {
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== 'oscine-model') {
    throw new InputError(`${source} is not an Oscine model file (it has no "format": "oscine-model")`);
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > MODEL_FORMAT_VERSION) {
    throw new InputError(
      `${source} was saved by a newer Oscine (model format ${version}); this one reads format ${MODEL_FORMAT_VERSION} — update Oscine to open it`,
    );
  }
  const parsed = modelDocument.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${source} is damaged: ${issue.path.join('.') || 'the document'}: ${issue.message}`);
  }
  return parsed.data;
}
