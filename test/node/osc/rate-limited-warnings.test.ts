import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { RateLimitedWarnings } from '../../../src/node/osc/rate-limited-warnings.ts';

test('a burst of warnings prints one line at once and one summary line after the interval', async () => {
  const lines: string[] = [];
  const warnings = new RateLimitedWarnings((line) => lines.push(line), 40);
  for (let i = 1; i <= 10_000; i++) warnings.warn('input', `bad frame ${i}`);
  warnings.warn('control', 'startRunning: no model is trained yet');
  assert.deepEqual(lines, ['bad frame 1', 'startRunning: no model is trained yet'], 'the first of each kind is printed at once');
  await sleep(80);
  assert.deepEqual(lines.slice(2), ['bad frame 10000 (and 9998 more like it)']);
  await sleep(80);
  assert.equal(lines.length, 3, 'nothing more once the burst is over');
  warnings.warn('input', 'later');
  assert.equal(lines.at(-1), 'later', 'a quiet interval lets the next warning through at once');
});

test('flush prints what is held back, e.g. when the server stops', () => {
  const lines: string[] = [];
  const warnings = new RateLimitedWarnings((line) => lines.push(line), 60_000);
  warnings.warn('packet', 'malformed 1');
  warnings.warn('packet', 'malformed 2');
  warnings.flush();
  assert.deepEqual(lines, ['malformed 1', 'malformed 2']);
  warnings.flush();
  assert.equal(lines.length, 2);
});
