import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readRequest } from '../../../src/core/studio/protocol.ts';

test('a request from the page is read with its id, or refused saying what is wrong', () => {
  assert.deepEqual(readRequest({ id: 3, do: 'setValue', output: 0, value: 0.5 }), { ok: true, request: { id: 3, do: 'setValue', output: 0, value: 0.5 } });
  assert.deepEqual(readRequest({ id: 4, do: 'train', extra: 1 }), { ok: true, request: { id: 4, do: 'train' } });
  assert.deepEqual(readRequest('train'), { ok: false, id: undefined, reason: 'a request needs "do": the name of what to do' });
  assert.deepEqual(readRequest({ id: 1, do: 'fly' }), { ok: false, id: 1, reason: "there is no request called 'fly'" });
  assert.deepEqual(readRequest({ do: 'train' }), { ok: false, id: undefined, reason: 'train: every request needs a whole-number "id"' });
  assert.deepEqual(readRequest({ id: 2, do: 'setValue', output: -1, value: 1 }), { ok: false, id: 2, reason: "setValue: 'output': Too small: expected number to be >=0" });
  assert.deepEqual(readRequest({ id: 5, do: 'setValue', output: 0, value: Infinity }), { ok: false, id: 5, reason: "setValue: 'value': Invalid input: expected number, received Infinity" });
  const unnamed = readRequest({ id: 6, do: 'newProject', name: ' ', inputs: ['x'], outputs: [{ kind: 'continuous', name: 'y', min: 0, max: 1 }] });
  assert.ok(!unnamed.ok && unnamed.reason.startsWith("newProject: 'name': "), JSON.stringify(unnamed));
});
