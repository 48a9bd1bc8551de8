import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyPattern } from '../../../src/generative/rhythm/pattern.ts';
import { chooseGrid, fitToGrid, fitsMeter, loopGrid, parseMeter } from '../../../src/generative/rhythm/vae/loop-grid.ts';
import { hit } from './synthetic-loops.ts';

const fourFour = { beats: 4, beatUnit: 4 } as const;

test('the grid takes the meter most loops share and the longest of them, up to two bars', () => {
  const patterns = [emptyPattern(fourFour), emptyPattern(fourFour, 4), emptyPattern({ beats: 3, beatUnit: 4 }), emptyPattern({ beats: 3, beatUnit: 4 }, 1)];
  assert.deepEqual(chooseGrid(patterns), loopGrid(fourFour, 2));
  assert.deepEqual(chooseGrid(patterns, { beats: 3, beatUnit: 4 }), loopGrid({ beats: 3, beatUnit: 4 }, 1));
  assert.equal(chooseGrid(patterns, undefined, 4).bars, 4);
  assert.throws(() => chooseGrid(patterns, { beats: 6, beatUnit: 8 }), /None of the loops is in 6\/8/);
  assert.throws(() => chooseGrid([]), /no loops to learn from/);
});

test('a one-bar loop is repeated to fill a two-bar grid, keeping velocity and timing', () => {
  const loop = { name: 'one bar', pattern: emptyPattern(fourFour) };
  hit(loop, 'snare', 12, 0.7, 0.25);
  const fitted = fitToGrid(loop.pattern, loopGrid(fourFour, 2));
  const snare = 1 * 96;
  assert.deepEqual([...fitted.onset.subarray(snare, snare + 96)].flatMap((on, tick) => (on ? [tick] : [])), [12, 60]);
  assert.equal(fitted.velocity[snare + 60], Math.fround(0.7));
  assert.equal(fitted.offset[snare + 60], 0.25);
});

test('a longer loop is cut after the grid, and another resolution is resampled with the remainder kept as timing', () => {
  const long = { name: 'two bars at 24', pattern: emptyPattern(fourFour, 2, 24) };
  hit(long, 'kick', 6, 1, 0.25); // a 32nd after the downbeat: tick 3 at 12 per quarter, +0.125 of a tick
  hit(long, 'kick', 99); // in bar 2: cut
  const fitted = fitToGrid(long.pattern, loopGrid(fourFour, 1));
  assert.deepEqual([...fitted.onset.subarray(0, 48)].flatMap((on, tick) => (on ? [tick] : [])), [3]);
  assert.equal(fitted.offset[3], 0.125);
  assert.equal(fitsMeter(long.pattern, loopGrid(fourFour, 1)), true);
  assert.equal(fitsMeter(emptyPattern({ beats: 6, beatUnit: 8 }), loopGrid(fourFour, 1)), false);
});

test('meters are read as written', () => {
  assert.deepEqual(parseMeter('12/8'), { beats: 12, beatUnit: 8 });
  assert.throws(() => parseMeter('4/3'), /write it like 4\/4/);
});
