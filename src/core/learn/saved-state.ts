import type { z } from 'zod';
import { InputError } from '../errors.ts';

/** Checks a saved model against its schema; a damaged one is refused with a message that says to retrain. */
export function readSavedState<T>(schema: z.ZodType<T>, state: unknown, owner: string): T {
  const parsed = schema.safeParse(state);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length > 0 ? ` at '${issue.path.join('.')}'` : '';
    throw new InputError(`the saved ${owner} model is damaged (${issue.message}${where}); train it again`);
  }
  return parsed.data;
}
