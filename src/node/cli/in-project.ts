import { InputError } from '../../core/errors.ts';

/** Runs `choose`, saying which project a mistake it finds is about. */
export function inProject<T>(project: string, choose: () => T): T {
  try {
    return choose();
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${project}: ${error.message}`);
    throw error;
  }
}
