/**
 * A problem the user can cause and fix: a bad file, a wrong count, an unknown model.
 * Faces show `message` as it is (one line that says what happened and what to do);
 * anything that is not an InputError is a bug in Oscine.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Thrown by training when its caller asked it to stop. */
export class TrainingCancelled extends Error {
  override readonly name = 'TrainingCancelled';
  constructor() {
    super('Training was cancelled.');
  }
}
