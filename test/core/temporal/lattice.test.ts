import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lattice, STEP_PATTERNS } from '../../../src/core/temporal/lattice.ts';
import { seriesOf } from '../../../src/core/temporal/series.ts';
import { bankOf } from '../../../src/core/temporal/template-bank.ts';
import { JavaRandom } from '../../../src/core/util/java-random.ts';
import { fullDtw } from './full-dtw.ts';

function randomSeries(random: JavaRandom, length: number, width: number): number[][] {
  return Array.from({ length }, () => Array.from({ length: width }, () => random.nextDouble() * 4 - 2));
}

function closedCost(template: number[][], input: number[][], pattern: (typeof STEP_PATTERNS)[number], radius = Infinity): number {
  const lattice = new Lattice(bankOf([seriesOf(template)], template[0].length), { pattern, radius, open: false, lengthNormalisation: 'none' });
  lattice.reset(input.length);
  input.forEach((frame) => lattice.advance(frame));
  return lattice.endCost(0);
}

test('DTW of [0, 1, 2] and [0, 2], worked by hand for each step pattern', () => {
  const a = [[0], [1], [2]];
  const b = [[0], [2]];
  // classic: D(1,1) = 1 + min(2, 1, 0) = 1; D(2,1) = 0 + min(1, 3, 1) = 1.
  assert.equal(closedCost(a, b, 'classic'), 1);
  // symmetric: D(1,0) = 1, D(2,0) = 3, D(1,1) = min(2 + 1, 1 + 1, 0 + 2) = 2, D(2,1) = min(2 + 0, 3 + 0, 1 + 0) = 1.
  assert.equal(closedCost(a, b, 'symmetric'), 1);
  // slope (P = 1): (1,0) is unreachable, so the only path is the step (0,0) → (1,1) → (2,1):
  // D(0,0) + 2 d(1,1) + d(2,1) = 0 + 2 + 0 = 2.
  assert.equal(closedCost(a, b, 'slope'), 2);
  // Normalised: by template frames + input frames (path), by template frames, or not at all.
  for (const [how, divisor] of [['path', 5], ['template', 3], ['none', 1]] as const) {
    const lattice = new Lattice(bankOf([seriesOf(a)], 1), { pattern: 'symmetric', radius: Infinity, open: false, lengthNormalisation: how });
    lattice.reset(2);
    b.forEach((frame) => lattice.advance(frame));
    const out = new Float64Array(1);
    lattice.distances(out);
    assert.equal(out[0], 1 / divisor);
  }
});

test('closed lattice equals a full-matrix DTW for every pattern, with and without a band', () => {
  const random = new JavaRandom(7);
  for (let trial = 0; trial < 40; trial++) {
    const a = randomSeries(random, 3 + random.nextInt(12), 2);
    const b = randomSeries(random, 3 + random.nextInt(12), 2);
    for (const pattern of STEP_PATTERNS) {
      for (const radius of [Infinity, 2, 0.5]) {
        const expected = fullDtw(a, b, pattern, radius);
        const got = closedCost(a, b, pattern, radius);
        if (expected === Infinity) assert.equal(got, Infinity);
        else assert.ok(Math.abs(got - expected) < 1e-9, `${pattern} r=${radius}: ${got} vs ${expected}`);
      }
    }
  }
});

test('open lattice, frame by frame, equals the best full DTW over every start point', () => {
  const random = new JavaRandom(11);
  for (let trial = 0; trial < 6; trial++) {
    const templates = [randomSeries(random, 4 + random.nextInt(6), 2), randomSeries(random, 4 + random.nextInt(6), 2)];
    const stream = randomSeries(random, 30, 2);
    for (const pattern of STEP_PATTERNS) {
      const lattice = new Lattice(bankOf(templates.map((t) => seriesOf(t)), 2), { pattern, radius: Infinity, open: true, lengthNormalisation: 'path' });
      stream.forEach((frame, t) => {
        lattice.advance(frame);
        templates.forEach((template, k) => {
          let best = Infinity;
          for (let s = 0; s <= t; s++) best = Math.min(best, fullDtw(template, stream.slice(s, t + 1), pattern));
          const got = lattice.endCost(k);
          if (best === Infinity) assert.equal(got, Infinity);
          else assert.ok(Math.abs(got - best) < 1e-9, `${pattern}, frame ${t}, template ${k}: ${got} vs ${best}`);
          // The start it reports is one where that cost is reached.
          if (got < Infinity) {
            const start = lattice.endStart(k);
            assert.ok(Math.abs(fullDtw(template, stream.slice(start, t + 1), pattern) - got) < 1e-9);
            const out = new Float64Array(2);
            lattice.distances(out);
            assert.equal(out[k], got / (template.length + t - start + 1));
          }
        });
      });
    }
  }
});

test('open lattice finds a template hidden in noise, with its start, under a band too', () => {
  const random = new JavaRandom(3);
  const template = randomSeries(random, 8, 2);
  const stream = [...randomSeries(random, 10, 2).map((f) => f.map((x) => x + 5)), ...template, ...randomSeries(random, 3, 2).map((f) => f.map((x) => x + 5))];
  for (const radius of [Infinity, 1]) {
    const lattice = new Lattice(bankOf([seriesOf(template)], 2), { pattern: 'symmetric', radius, open: true, lengthNormalisation: 'none' });
    let best = Infinity;
    let end = -1;
    stream.forEach((frame, t) => {
      lattice.advance(frame);
      if (lattice.endCost(0) < best) [best, end] = [lattice.endCost(0), t];
      if (t === 17) assert.equal(lattice.endStart(0), 10);
    });
    assert.equal(best, 0);
    assert.equal(end, 17);
  }
});

test('nearest prefix follows the input through the template', () => {
  const template = [[0], [1], [2], [3], [4], [5]];
  const lattice = new Lattice(bankOf([seriesOf(template)], 1), { pattern: 'symmetric', radius: Infinity, open: true, lengthNormalisation: 'path' });
  const into = new Float64Array(2);
  [[9], [9], [0], [1], [2]].forEach((frame) => lattice.advance(frame));
  assert.equal(lattice.nearestPrefix(0, into), 2);
  assert.equal(into[0], 0);
  assert.equal(into[1], 3);
});

test('after a reset an open lattice matches as a fresh one does, however long the stream before', () => {
  const random = new JavaRandom(11);
  const template = randomSeries(random, 12, 2);
  const make = () => new Lattice(bankOf([seriesOf(template)], 2), { pattern: 'slope', radius: Infinity, open: true, lengthNormalisation: 'path' });
  const [used, fresh] = [make(), make()];
  randomSeries(random, 40, 2).forEach((frame) => used.advance(frame));
  used.reset();
  const [a, b] = [new Float64Array(1), new Float64Array(1)];
  randomSeries(random, 20, 2).forEach((frame, t) => {
    used.advance(frame);
    fresh.advance(frame);
    used.distances(a);
    fresh.distances(b);
    assert.ok(Object.is(a[0], b[0]), `frame ${t}: ${a[0]} after a reset, ${b[0]} fresh`);
  });
});
