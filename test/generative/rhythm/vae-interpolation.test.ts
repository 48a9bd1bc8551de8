import assert from 'node:assert/strict';
import { test } from 'node:test';
import { latentPath, lerp, slerp } from '../../../src/generative/rhythm/vae/interpolation.ts';
import { latentGrid } from '../../../src/generative/rhythm/vae/latent-grid.ts';

const a = Float64Array.of(0.1, -0.7);
const b = Float64Array.of(1.3, 0.3);

test('linear and spherical paths start and end exactly on their points', () => {
  for (const way of [lerp, slerp]) {
    assert.deepEqual(way(a, b, 0), a);
    assert.deepEqual(way(a, b, 1), b);
  }
  const middle = lerp(a, b, 0.5);
  assert.ok(Math.abs(middle[0] - 0.7) < 1e-15 && Math.abs(middle[1] + 0.2) < 1e-15);
  const path = latentPath(a, b, 8, true);
  assert.equal(path.length, 8);
  assert.deepEqual(path[0], a);
  assert.deepEqual(path[7], b);
});

test('slerp keeps to the circle between points of one radius, and lerp cuts across it', () => {
  const east = Float64Array.of(2, 0);
  const north = Float64Array.of(0, 2);
  const middle = slerp(east, north, 0.5);
  assert.ok(Math.abs(Math.hypot(...middle) - 2) < 1e-12);
  assert.ok(Math.abs(middle[0] - Math.SQRT2) < 1e-12 && Math.abs(middle[1] - Math.SQRT2) < 1e-12);
  assert.ok(Math.abs(Math.hypot(...lerp(east, north, 0.5)) - Math.SQRT2) < 1e-12);
  assert.deepEqual(slerp(east, Float64Array.of(4, 0), 0.5), Float64Array.of(3, 0), 'points in line with the centre: a straight line');
});

test('the grid covers the loops with a margin, row by row from the top left', () => {
  const grid = latentGrid([Float64Array.of(0, 0, 5), Float64Array.of(10, 20, 7)], 3);
  assert.equal(grid.length, 9);
  assert.deepEqual(grid[0], Float64Array.of(-1, 22, 6), 'top left; the third dimension at the mean');
  assert.deepEqual(grid[4], Float64Array.of(5, 10, 6));
  assert.deepEqual(grid[8], Float64Array.of(11, -2, 6));
  assert.deepEqual(latentGrid([Float64Array.of(1, 1)], 1), [Float64Array.of(1, 1)]);
});
