import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditableSession } from '../../../src/core/project/example-edits.ts';
import { makeProject } from '../../../src/core/project/project.ts';

/** Two outputs (pitch 0..10 with a linear model, a 3-class mood) and six examples: pitch on all, mood on the last three. */
async function recorded() {
  const settings = makeProject({ inputs: 1, outputs: [{ kind: 'continuous', name: 'pitch', min: 0, max: 10, model: 'linear' }, { kind: 'classifier', name: 'mood', classes: 3 }] });
  const session = new EditableSession(settings, { now: () => 0 });
  session.setToggle('record', [1], false);
  session.startRecording();
  for (const x of [1, 2, 3]) {
    session.setOutputValue(0, x);
    session.input([x]);
  }
  session.stopRecording();
  session.setToggle('record', [1], true);
  session.setOutputValue(1, 2);
  session.startRecording();
  for (const x of [4, 5, 6]) {
    session.setOutputValue(0, x);
    session.input([x]);
  }
  session.stopRecording();
  assert.ok((await session.trainModels()).ok);
  return session;
}

const outputs = (session: EditableSession) => session.examples().map((e) => Array.from(e.outputs));

test('deleting chosen examples is undoable and marks only the outputs they had values for', async () => {
  const session = await recorded();
  assert.deepEqual(session.deleteExamples([1, 2]), { ok: true, value: { deleted: 2 } });
  assert.deepEqual(session.exampleCounts(), [4, 3]);
  assert.deepEqual([session.modelStatus(0), session.modelStatus(1)], ['needs-retraining', 'trained']);
  assert.equal(session.undoable().undo, 'delete 2 examples');
  assert.ok(session.undo().ok);
  assert.deepEqual(session.exampleCounts(), [6, 3]);
  assert.deepEqual(session.deleteExamples([4]), { ok: true, value: { deleted: 1 } });
  assert.equal(session.undoable().undo, 'delete example 4');
});

test('relabelling corrects one output on chosen examples, and undo and redo put it back and forth', async () => {
  const session = await recorded();
  assert.deepEqual(session.relabelExamples([4, 5], 1, 3), { ok: true, value: { changed: 2 } });
  assert.deepEqual(outputs(session).slice(3), [[4, 3], [5, 3], [6, 2]]);
  assert.deepEqual([session.modelStatus(0), session.modelStatus(1)], ['trained', 'needs-retraining']);
  assert.equal(session.undoable().undo, "set 'mood' to 3 on 2 examples");
  session.undo();
  assert.deepEqual(outputs(session).slice(3), [[4, 2], [5, 2], [6, 2]]);
  session.redo();
  assert.deepEqual(outputs(session).slice(3), [[4, 3], [5, 3], [6, 2]]);
  // Giving a value to an output that was not recorded makes it an example of that output.
  assert.deepEqual(session.relabelExamples([1], 1, 1), { ok: true, value: { changed: 1 } });
  assert.deepEqual(session.exampleCounts(), [6, 4]);
  assert.deepEqual(session.relabelExamples([1], 1, 1), { ok: true, value: { changed: 0 } });
});

test('edits are refused with a reason: while recording, unknown examples, values an output cannot take', async () => {
  const session = await recorded();
  assert.deepEqual(session.relabelExamples([1], 1, 4), { ok: false, reason: "'mood' takes a class from 1 to 3, not 4" });
  assert.deepEqual(session.relabelExamples([1], 0, Number.NaN), { ok: false, reason: "the value for 'pitch' must be a number" });
  assert.deepEqual(session.relabelExamples([1], 2, 1), { ok: false, reason: 'there is no output 3; the project has 2 (numbered from 1)' });
  session.deleteExamples([2]);
  assert.deepEqual(session.deleteExamples([2]), { ok: false, reason: 'there is no example 2 (it may have been deleted in another window)' });
  session.startRecording();
  assert.deepEqual(session.deleteExamples([1]), { ok: false, reason: 'recording is on; stop recording first' });
  assert.deepEqual(session.relabelExamples([1], 0, 1), { ok: false, reason: 'recording is on; stop recording first' });
});
