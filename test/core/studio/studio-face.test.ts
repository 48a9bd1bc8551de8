import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditableSession } from '../../../src/core/project/example-edits.ts';
import { makeProject } from '../../../src/core/project/project.ts';
import type { ServerMessage } from '../../../src/core/studio/protocol.ts';
import { carryOut } from '../../../src/core/studio/studio-commands.ts';
import { StudioFace } from '../../../src/core/studio/studio-face.ts';

function faced() {
  const session = new EditableSession(makeProject({ name: 'duo', inputs: 2, outputs: [{ kind: 'continuous', name: 'pitch', model: 'linear' }] }), { now: () => 0 });
  const heard: ServerMessage[] = [];
  let clock = 0;
  const face = new StudioFace(session, 'duo.oscine', { broadcast: (m) => heard.push(m), now: () => clock });
  return { session, face, heard, tick: (ms: number) => (clock += ms) };
}

test('the snapshot says where the session stands', () => {
  const { face } = faced();
  const snapshot = face.snapshot();
  assert.equal(snapshot.file, 'duo.oscine');
  assert.equal(snapshot.state, 'idle');
  assert.deepEqual(snapshot.values, [0]);
  assert.deepEqual(snapshot.toggles, { record: [true], run: [true], train: [true] });
  assert.deepEqual(snapshot.models, ['untrained']);
  assert.ok(snapshot.algorithms.some((a) => a.name === 'linear' && a.tasks.includes('regression')));
});

test('every change the session makes reaches the pages; turned-away frames at most twice a second', async () => {
  const { session, heard, tick, face } = faced();
  assert.ok((await carryOut(session, { do: 'setValue', output: 0, value: 0.25 })).ok);
  assert.ok((await carryOut(session, { do: 'record', on: true })).ok);
  session.input([1, 2]);
  session.input([1]);
  session.input([1]);
  tick(600);
  session.input([1]);
  assert.ok((await carryOut(session, { do: 'record', on: false })).ok);
  assert.deepEqual(heard.map((m) => m.type), ['outputs', 'state', 'counts', 'rejected', 'rejected', 'state']);
  assert.deepEqual(JSON.parse(JSON.stringify(heard[2])), { type: 'counts', counts: [1], reason: 'recorded', undoable: {} }); // as a page reads it
  assert.ok((await carryOut(session, { do: 'renameOutputs', names: ['pitch', 'extra'] })).ok === false);
  assert.ok((await carryOut(session, { do: 'renameInputs', names: ['x', 'y'] })).ok);
  const last = heard.at(-1)!;
  assert.ok(last.type === 'snapshot' && last.snapshot.settings.inputs.join() === 'x,y');
  face.close();
  session.input([1, 2]);
  assert.equal(heard.at(-1), last);
});

test('training answers at once and tells every page when it is done', async () => {
  const { session, heard } = faced();
  await carryOut(session, { do: 'record', on: true });
  for (const x of [0, 1, 2]) {
    session.setOutputValue(0, x / 2);
    session.input([x, 1]);
  }
  await carryOut(session, { do: 'record', on: false });
  const trained = new Promise((resolve) => session.events.on('trained', resolve));
  assert.deepEqual(await carryOut(session, { do: 'train' }), { ok: true, value: 'training started' });
  await trained;
  assert.deepEqual(heard.at(-1), { type: 'trained', trained: [0], failed: [], cancelled: false });
  assert.deepEqual(await carryOut(session, { do: 'cancelTraining' }), { ok: false, reason: 'nothing is training' });
  const csv = await carryOut(session, { do: 'exportExamples', format: 'csv' });
  assert.ok(csv.ok && (csv.value as { fileName: string }).fileName === 'duo.csv');
  assert.deepEqual(await carryOut(session, { do: 'importExamples', fileName: 'notes.txt', text: '' }), { ok: false, reason: 'notes.txt: the studio reads .arff and .csv files of examples' });
});
