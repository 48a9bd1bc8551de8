import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyPattern } from '../../../src/generative/rhythm/pattern.ts';
import { augmentLoop, rotationTicks } from '../../../src/generative/rhythm/vae/augment.ts';
import { loopGrid } from '../../../src/generative/rhythm/vae/loop-grid.ts';
import { loopVector } from '../../../src/generative/rhythm/vae/loop-vectors.ts';
import { SeededRandom } from '../../../src/generative/rhythm/vae/seeded-random.ts';
import { vaeSettings } from '../../../src/generative/rhythm/vae/settings.ts';
import { hit } from './synthetic-loops.ts';

const grid = loopGrid({ beats: 4, beatUnit: 4 }, 1);

function kickTicks(row: Float32Array): number[] {
  return [...row.subarray(0, grid.ticks)].flatMap((on, tick) => (on ? [tick] : []));
}

test('rotation turns a loop by whole beats, or by the step asked for', () => {
  const loop = { name: 'kick on 1', pattern: emptyPattern(grid.meter) };
  hit(loop, 'kick', 0);
  hit(loop, 'kick', 3);
  const source = loopVector(loop.pattern);
  const out = new Float32Array(source.length);
  const random = new SeededRandom(3);
  const seen = new Set<string>();
  for (let i = 0; i < 40; i++) {
    augmentLoop(source, out, grid, vaeSettings({ rotation: 1, dropout: 0 }), random);
    seen.add(kickTicks(out).join(' '));
  }
  assert.deepEqual([...seen].sort(), ['12 15', '24 27', '36 39'], 'always moved, by whole beats, keeping its shape');
  assert.equal(rotationTicks(loopGrid({ beats: 6, beatUnit: 8 }, 1), 'beat'), 18);
  assert.equal(rotationTicks(grid, 'sixteenth'), 3);
});

test('dropout silences whole drum parts, never all of them, and a loop with neither is copied as is', () => {
  const loop = { name: 'kick and snare', pattern: emptyPattern(grid.meter) };
  hit(loop, 'kick', 0);
  hit(loop, 'snare', 12, 0.5, 0.1);
  const source = loopVector(loop.pattern);
  const out = new Float32Array(source.length);
  augmentLoop(source, out, grid, vaeSettings({ rotation: 0, dropout: 0 }), new SeededRandom(1));
  assert.deepEqual(out, source);
  augmentLoop(source, out, grid, vaeSettings({ rotation: 0, dropout: 1 }), new SeededRandom(1));
  assert.equal(out.reduce((sum, value) => sum + Math.abs(value), 0), 0, 'eight parts silenced; the ninth, kept, is the empty ride');
  const random = new SeededRandom(5);
  let withoutKick = 0;
  for (let i = 0; i < 200; i++) {
    augmentLoop(source, out, grid, vaeSettings({ rotation: 0, dropout: 0.5 }), random);
    if (!out[0]) withoutKick++;
  }
  assert.ok(withoutKick > 60 && withoutKick < 140, `the kick was dropped ${withoutKick} times in 200`);
});
