import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyPattern } from '../../../src/generative/rhythm/pattern.ts';
import { attributeDirections, steer } from '../../../src/generative/rhythm/vae/directions.ts';

// Loops whose "attribute" is read from the first velocity cell, so the test sets it directly.
const patterns = [0, 1, 2, 3, 4, 5].map((i) => {
  const pattern = emptyPattern({ beats: 4, beatUnit: 4 });
  pattern.velocity[0] = i / 10;
  return pattern;
});
const positions = [Float64Array.of(0, 0), Float64Array.of(1, 1), Float64Array.of(2, -1), Float64Array.of(0, 2), Float64Array.of(3, 0), Float64Array.of(-1, 1)];
const attribute = (weights: [number, number]) => ({
  name: `${weights}`,
  measure: (pattern: (typeof patterns)[number]) => {
    const position = positions[patterns.indexOf(pattern)];
    return 5 + weights[0] * position[0] + weights[1] * position[1];
  },
});

test('a direction points where the attribute grows, found by regression on the positions', () => {
  const [direction] = attributeDirections(positions, patterns, [attribute([3, 4])]);
  assert.ok(Math.abs(direction.unit[0] - 0.6) < 1e-6 && Math.abs(direction.unit[1] - 0.8) < 1e-6);
  const projections = positions.map((p) => 0.6 * p[0] + 0.8 * p[1]);
  const mean = projections.reduce((s, v) => s + v, 0) / projections.length;
  const spread = Math.sqrt(projections.reduce((s, v) => s + (v - mean) ** 2, 0) / projections.length);
  assert.ok(Math.abs(direction.step - spread) < 1e-6, 'a step is the loops’ spread along the direction');
  assert.ok(Math.abs(direction.perStep - 5 * spread) < 1e-6, 'the attribute grows by |w| per unit of distance');
});

test('an attribute that grows the other way gets the opposite direction; one every loop shares gets none', () => {
  const directions = attributeDirections(positions, patterns, [attribute([-1, 0]), { name: 'flat', measure: () => 2 }]);
  assert.equal(directions.length, 1);
  assert.ok(Math.abs(directions[0].unit[0] + 1) < 1e-6 && Math.abs(directions[0].unit[1]) < 1e-6);
});

test('steering moves a point a number of steps along a direction', () => {
  const direction = { attribute: 'x', unit: [0.6, 0.8], step: 0.5, perStep: 1 };
  assert.deepEqual(steer(Float64Array.of(1, 1), direction, 2, new Float64Array(2)), Float64Array.of(1.6, 1.8));
});
