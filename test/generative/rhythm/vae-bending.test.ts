import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Bend, BendChain, type BendTransform, type UnitChoice, bend } from '../../../src/generative/rhythm/vae/bending.ts';
import type { UnitActivity } from '../../../src/generative/rhythm/vae/unit-activity.ts';
import { clusterUnits } from '../../../src/generative/rhythm/vae/unit-clusters.ts';
import { handModel } from './hand-model.ts';

/** Two units with peaks 2 and 4 in layer 0, ten units in layer 1. */
const activity: UnitActivity = { peaks: [Float64Array.of(2, 4), new Float64Array(10).fill(1)], profiles: [new Float64Array(2), new Float64Array(10)], samples: 1 };
const both: UnitChoice = { kind: 'units', units: [0, 1] };

function bent(bends: Bend[], activations = [1, 3]): number[] {
  const values = Float64Array.from(activations);
  new BendChain(bends, activity).bend(0, values);
  return [...values].map((value) => Math.round(value * 1e12) / 1e12);
}

function with_(transform: BendTransform, value: number, mix = 1): Bend {
  return { ...bend(0, both, transform), value, mix };
}

test('each transform on units h = [1, 3] with peaks [2, 4]', () => {
  assert.deepEqual(bent([bend(0, both, 'ablate')]), [0, 0]);
  assert.deepEqual(bent([bend(0, both, 'invert')]), [1, 1], 'peak − h');
  assert.deepEqual(bent([bend(0, both, 'scale')]), [2, 6], 'by 2 unless told');
  assert.deepEqual(bent([with_('scale', -0.5)]), [-0.5, -1.5]);
  assert.deepEqual(bent([bend(0, both, 'threshold')]), [2, 4], 'at half the peak: 1 ≥ 1 and 3 ≥ 2 switch fully on');
  assert.deepEqual(bent([with_('threshold', 0.8)]), [0, 0], '1 < 1.6 and 3 < 3.2');
  assert.deepEqual(bent([bend(0, both, 'oscillate')]), [1, 3], 'phase 0: 1 + sin 0 and 1 + sin π');
  assert.deepEqual(bent([with_('oscillate', 0.25)]), [2, 0], 'a quarter turn: 1 + sin(π/2) and 1 + sin(3π/2)');
});

test('mix fades a bend in, bends chain in order, and other layers are left alone', () => {
  assert.deepEqual(bent([with_('ablate', 0, 0.25)]), [0.75, 2.25]);
  assert.deepEqual(bent([with_('ablate', 0, 0)]), [1, 3]);
  assert.deepEqual(bent([bend(0, both, 'scale'), bend(0, { kind: 'units', units: [1] }, 'invert')]), [2, -2], 'scaled to [2, 6], then 4 − 6');
  assert.deepEqual(bent([bend(0, both, 'invert'), bend(0, { kind: 'units', units: [1] }, 'scale')]), [1, 2]);
  assert.deepEqual(bent([bend(1, { kind: 'units', units: [0, 1] }, 'ablate')]), [1, 3]);
});

test('a random fraction of units is the same for the same seed', () => {
  const pick = (seed: number) => [...new BendChain([bend(1, { kind: 'random', fraction: 0.3, seed }, 'ablate')], activity).units(0)];
  assert.equal(pick(4).length, 3);
  assert.deepEqual(pick(4), pick(4));
  assert.deepEqual(pick(4), [...pick(4)].sort((a, b) => a - b));
  assert.notDeepEqual(pick(4), pick(5));
});

test('units cluster by how they respond over the latent space, whatever their loudness', () => {
  // Units 0 and 2 fire in the first half of the samples, 1 and 3 in the second; unit 2 ten times louder.
  const profiles = Float64Array.from([1, 1, 0, 0, 0, 0, 1, 1, 10, 10, 0, 0, 0, 0, 2, 2]);
  assert.deepEqual([...clusterUnits(profiles, 4, 2, 1)], [0, 1, 0, 1]);
  assert.deepEqual([...clusterUnits(profiles, 4, 2, 9)], [0, 1, 0, 1], 'numbered by their first unit, whatever the seed');
  const layered: UnitActivity = { peaks: [new Float64Array(4).fill(1)], profiles: [profiles], samples: 4 };
  assert.deepEqual([...new BendChain([bend(0, { kind: 'cluster', clusters: 2, cluster: 1, seed: 1 }, 'ablate')], layered).units(0)], [1, 3]);
});

test('a bend that does not fit the decoder says why', () => {
  const chain = (b: Bend) => new BendChain([b], activity);
  assert.throws(() => chain(bend(2, both, 'ablate')), /bend 1 is on layer 2, but the decoder's hidden layers are numbered 0 to 1/);
  assert.throws(() => chain(bend(0, { kind: 'units', units: [0, 5] }, 'ablate')), /layer 0 has units 0 to 1, not 5/);
  assert.throws(() => chain(bend(0, { kind: 'random', fraction: 0, seed: 1 }, 'ablate')), /fraction of units must be above 0/);
  assert.throws(() => chain(bend(0, { kind: 'cluster', clusters: 3, cluster: 0, seed: 1 }, 'ablate')), /can be split into 1 to 2 clusters, not 3/);
  assert.throws(() => chain({ ...bend(0, both, 'ablate'), transform: 'melt' as BendTransform }), /'melt' is not a bend/);
});

test('a bent model decodes differently, and its bends can be driven between decodes', () => {
  const model = handModel();
  const onsets = () => [...model.decode([1]).onset].flatMap((on, cell) => (on ? [cell] : []));
  assert.deepEqual(onsets(), [0]);
  model.setBends([bend(0, { kind: 'units', units: [0] }, 'ablate')]);
  assert.deepEqual(onsets(), [], 'relu(z) silenced: the first kick is gone');
  model.bends[0].mix = 0.2;
  assert.deepEqual(onsets(), [0], '10 × 0.8 − 5 > 0');
  model.setBends([]);
  assert.equal(model.bendChain, undefined);
});
