import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bend } from '../../../src/generative/rhythm/vae/bending.ts';
import { RhythmModel } from '../../../src/generative/rhythm/vae/rhythm-model.ts';
import { RhythmPlayer } from '../../../src/generative/rhythm/vae/rhythm-player.ts';
import { handModel } from './hand-model.ts';

function player(): RhythmPlayer {
  const hand = handModel();
  const lift = { attribute: 'lift', unit: [1], step: 0.5, perStep: 1 };
  const model = new RhythmModel(hand.grid, hand.settings, hand.weights, hand.loops, [lift], hand.summary, [{ ...bend(0, { kind: 'units', units: [0] }, 'scale'), value: 1 }]);
  return new RhythmPlayer(model);
}
const onsets = (p: RhythmPlayer) => [...p.update().onset].flatMap((on, cell) => (on ? [cell] : []));

test('a player lists the numbers that steer its model', () => {
  assert.deepEqual(player().controls().map((control) => control.name), ['x', 'threshold', 'lift', 'bend1.mix', 'bend1.value']);
  assert.deepEqual(player().controls()[0], { name: 'x', min: -3, max: 3, help: 'coordinate 1 of the point in the latent space' });
});

test('the pad, the attribute sliders, the threshold and the bends all move the loop', () => {
  const p = player();
  p.set('x', 1);
  assert.deepEqual(onsets(p), [0]);
  assert.equal(p.update(), p.loop, 'decoded in place');
  p.set('x', -0.8);
  assert.deepEqual(onsets(p), [1]);
  p.set('lift', 3);
  assert.deepEqual(onsets(p), [0], 'three steps of 0.5 take x from -0.8 to 0.7');
  p.set('threshold', 0.9999);
  assert.deepEqual(onsets(p), []);
  p.set('threshold', 0.5);
  p.set('bend1.value', 0.4);
  assert.deepEqual(onsets(p), [], 'relu(0.7) scaled to 0.28: 2.8 − 5 < 0');
  p.set('bend1.mix', 0);
  assert.deepEqual(onsets(p), [0]);
  p.set('x', Number.NaN);
  assert.equal(p.point[0], -0.8, 'a number that is not one is ignored');
  assert.throws(() => p.set('tempo', 1), /no control 'tempo'; it has: x, threshold, lift, bend1.mix, bend1.value/);
});
