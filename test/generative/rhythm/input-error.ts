import assert from 'node:assert/strict';
import { InputError } from '../../../src/core/errors.ts';

/** For assert.throws and assert.rejects: the error is an InputError with exactly this message. */
export function inputError(message: string): (error: unknown) => true {
  return (error) => {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    assert.equal(error.message, message);
    return true;
  };
}
