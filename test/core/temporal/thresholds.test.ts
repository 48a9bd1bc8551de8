import { test } from 'node:test';
import assert from 'node:assert/strict';
import { learnThresholds } from '../../../src/core/temporal/thresholds.ts';
import { TriggerGate } from '../../../src/core/temporal/triggers.ts';

test('thresholds from leave-one-out distances, worked by hand', () => {
  // Templates 0–2 are gesture 0, template 3 gesture 1, templates 4–5 gesture 3; gesture 2 has none.
  const between = [
    [0, 1, 3, 4, 9, 9],
    [1, 0, 2, 6, 9, 9],
    [3, 2, 0, 5, 9, 9],
    [4, 6, 5, 0, 7, 8],
    [9, 9, 9, 7, 0, 2],
    [9, 9, 9, 8, 2, 0],
  ].map((row) => Float64Array.from(row));
  const thresholds = learnThresholds(between, Int32Array.from([0, 0, 0, 1, 3, 3]), 4, 2);
  // Gesture 0: nearest others 1, 1, 2 → μ = 4/3, σ = √(2/9) ≈ 0.4714 > μ/4 → 4/3 + 2 · 0.4714.
  assert.ok(Math.abs(thresholds[0] - (4 / 3 + 2 * Math.sqrt(2 / 9))) < 1e-12);
  // Gesture 1: one template, nearest other gesture's template at 4 → halfway.
  assert.equal(thresholds[1], 2);
  assert.equal(thresholds[2], Infinity);
  // Gesture 3: two templates 2 apart → σ = 0, floored at μ/4 = 0.5 → 2 + 2 · 0.5.
  assert.equal(thresholds[3], 3);
  // A lone gesture with a lone template accepts everything.
  assert.equal(learnThresholds([Float64Array.of(0)], Int32Array.of(0), 1, 2)[0], Infinity);
});

test('identical templates do not make a threshold of 0: they fall back to halfway to the nearest other gesture', () => {
  // Templates 0 and 1 are the same take of gesture 0; template 2 (gesture 1) is 6 away from both.
  const between = [
    [0, 0, 6],
    [0, 0, 6],
    [6, 6, 0],
  ].map((row) => Float64Array.from(row));
  const thresholds = learnThresholds(between, Int32Array.from([0, 0, 1]), 2, 2);
  assert.equal(thresholds[0], 3);
  assert.equal(thresholds[1], 3);
  // Alone, identical takes accept everything, as a lone template does.
  assert.equal(learnThresholds([Float64Array.of(0, 0), Float64Array.of(0, 0)], Int32Array.of(0, 0), 1, 2)[0], Infinity);
});

test('a gesture fires once when it becomes matched, keeps its match within the hysteresis, and not again too soon', () => {
  const gate = new TriggerGate(2, 0.1, 100);
  const thresholds = Float64Array.of(1, 1);
  const step = (now: number, a: number, b: number) => {
    const fired = gate.update(Float64Array.of(a, b), thresholds, now);
    return [fired, gate.active];
  };
  assert.deepEqual(step(0, 2, 3), [-1, -1]);
  assert.deepEqual(step(10, 0.9, 3), [0, 0]); // under its threshold: fires
  assert.deepEqual(step(20, 1.05, 3), [-1, 0]); // over it, but within 10 %: still matched, no new trigger
  assert.deepEqual(step(30, 0.95, 3), [-1, 0]);
  assert.deepEqual(step(40, 1.2, 3), [-1, -1]); // past the hysteresis: released
  assert.deepEqual(step(50, 0.9, 3), [-1, 0]); // matched again, but 40 ms after firing: silent
  assert.deepEqual(step(60, 2, 3), [-1, -1]);
  assert.deepEqual(step(200, 0.9, 3), [0, 0]); // long enough after: fires again
  // Another gesture takes over only when nearer by the hysteresis factor.
  assert.deepEqual(step(210, 0.8, 0.75), [-1, 0]);
  assert.deepEqual(step(220, 0.8, 0.7), [1, 1]);
  gate.reset();
  assert.equal(gate.active, -1);
  assert.deepEqual(step(230, 0.5, 2), [0, 0]);
});
