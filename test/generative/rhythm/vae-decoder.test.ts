import assert from 'node:assert/strict';
import { test } from 'node:test';
import { handModel } from './hand-model.ts';

const onsets = (pattern: { onset: Uint8Array }) => [...pattern.onset].flatMap((on, cell) => (on ? [cell] : []));

test('the decoder strikes the cells whose chance reaches the threshold, worked out by hand', () => {
  const model = handModel();
  const loop = model.decode([1]);
  assert.deepEqual(onsets(loop), [0], 'logit 10 − 5 = 5 for the first kick, −5 elsewhere');
  assert.equal(loop.velocity[0], Math.fround(1 / (1 + Math.exp(-1))));
  assert.equal(loop.offset[0], 0);
  assert.deepEqual(onsets(model.decode([-1])), [1]);
  assert.deepEqual(onsets(model.decode([0.5])), [0], 'chance exactly ½ reaches a threshold of ½');
  assert.deepEqual(onsets(model.decode([0.5], 0.6)), []);
  assert.equal(onsets(model.decode([0], 0.001)).length, 18, 'every cell has chance sigmoid(−5) ≈ 0.0067');
  const chances = model.decoder.onsetChances([0.5], new Float32Array(18));
  assert.equal(chances[0], 0.5);
});

test('decoding into the same loop again overwrites it, and a wrong point or loop is refused', () => {
  const model = handModel();
  const loop = model.decoder.emptyLoop();
  model.decode([1], 0.5, loop);
  model.decode([-1], 0.5, loop);
  assert.deepEqual(onsets(loop), [1]);
  assert.equal(loop.velocity[0], 0);
  assert.throws(() => model.decode([1, 2]), /latent space has 1 dimensions; a point with 2 coordinates/);
  const other = handModel();
  assert.throws(() => model.decode([1], 0.5, { ...other.decoder.emptyLoop(), ticks: 4 }), /cannot hold this model's 1 bar\(s\) of 1\/4/);
});
