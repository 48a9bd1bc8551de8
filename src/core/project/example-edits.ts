import { type Result, done, refused } from './result.ts';
import { Session } from './session.ts';

/**
 * The session with the examples table's commands: deleting chosen examples and correcting the
 * value an output was given. Both are undoable, and mark only the outputs they touch as
 * needing retraining.
 */
export class EditableSession extends Session {
  deleteExamples(ids: readonly number[]): Result<{ deleted: number }> {
    const problem = this.recordingProblem() ?? this.unknownExample(ids);
    if (problem) return refused(problem);
    if (ids.length === 0) return done({ deleted: 0 });
    const examples = ids.map((id) => this.book.get(id)!);
    const touched = this.settingsValue.outputs.map((_, j) => j).filter((j) => examples.some((e) => !Number.isNaN(e.outputs[j])));
    this.history.perform({ kind: 'remove', label: ids.length === 1 ? `delete example ${ids[0]}` : `delete ${ids.length} examples`, ids: [...ids] });
    this.examplesChanged('deleted', touched);
    return done({ deleted: ids.length });
  }

  /** Gives one output a new value on chosen examples, e.g. a class recorded by mistake. */
  relabelExamples(ids: readonly number[], output: number, value: number): Result<{ changed: number }> {
    const problem = this.recordingProblem() ?? this.checkOutput(output) ?? this.unknownExample(ids) ?? this.badValue(output, value);
    if (problem) return refused(problem);
    const changes = ids
      .map((id) => [id, this.book.get(id)!.outputs[output], value] as const)
      .filter(([, before]) => before !== value);
    if (changes.length > 0) {
      const name = this.settingsValue.outputs[output].name;
      this.history.perform({ kind: 'relabel', label: `set '${name}' to ${value} on ${changes.length === 1 ? `example ${changes[0][0]}` : `${changes.length} examples`}`, output, changes });
      this.examplesChanged('relabelled', [output]);
    }
    return done({ changed: changes.length });
  }

  private recordingProblem(): string | undefined {
    return this.state === 'recording' ? 'recording is on; stop recording first' : undefined;
  }

  private unknownExample(ids: readonly number[]): string | undefined {
    const active = new Set(this.book.active().map((e) => e.id));
    const missing = ids.find((id) => !active.has(id));
    return missing === undefined ? undefined : `there is no example ${missing} (it may have been deleted in another window)`;
  }

  private badValue(output: number, value: number): string | undefined {
    const spec = this.settingsValue.outputs[output];
    if (!Number.isFinite(value)) return `the value for '${spec.name}' must be a number`;
    if (spec.kind === 'classifier' && !(Number.isInteger(value) && value >= 1 && value <= spec.classes)) return `'${spec.name}' takes a class from 1 to ${spec.classes}, not ${value}`;
    return undefined;
  }
}
