import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { density } from '../../../src/generative/rhythm/features.ts';
import { emptyPattern } from '../../../src/generative/rhythm/pattern.ts';
import { bend } from '../../../src/generative/rhythm/vae/bending.ts';
import { steer } from '../../../src/generative/rhythm/vae/directions.ts';
import { latentGrid } from '../../../src/generative/rhythm/vae/latent-grid.ts';
import { fitToGrid } from '../../../src/generative/rhythm/vae/loop-grid.ts';
import { readRhythmModel, rhythmModelDocument } from '../../../src/generative/rhythm/vae/model-file.ts';
import { onsetF1 } from '../../../src/generative/rhythm/vae/onset-f1.ts';
import type { RhythmModel } from '../../../src/generative/rhythm/vae/rhythm-model.ts';
import { trainRhythmModel } from '../../../src/generative/rhythm/vae/train.ts';
import { useWasmBackend } from '../../../src/node/rhythm/backend.ts';
import { hit, syntheticLoops } from './synthetic-loops.ts';

/** Small enough to train in about a second. */
const TINY = { encoderUnits: 16, decoderUnits: 16, decoderUnits2: 32, epochs: 150 };
const loops = syntheticLoops(6, 11);
let model: RhythmModel;

before(async () => {
  await useWasmBackend();
  model = trainRhythmModel(loops, { settings: TINY });
});

test('a tiny training run learns its loops', () => {
  assert.ok(model.summary.onsetF1 >= 0.95, `onset F1 ${model.summary.onsetF1}`);
  const decoded = model.loops.map((loop) => model.decode(loop.position));
  assert.equal(onsetF1(loops.map((loop) => loop.pattern), decoded), model.summary.onsetF1);
  assert.deepEqual(model.loops.map((loop) => loop.name), loops.map((loop) => loop.name));
  assert.equal(model.latentSize, 2);
  assert.equal(tf.getBackend(), 'wasm');
});

test('the same loops and seed give the same model, bit for bit; another seed another', () => {
  const again = trainRhythmModel(loops, { settings: TINY });
  assert.deepEqual(rhythmModelDocument(again), rhythmModelDocument(model));
  const other = trainRhythmModel(loops, { settings: { ...TINY, epochs: 5, seed: 2 } });
  const first = trainRhythmModel(loops, { settings: { ...TINY, epochs: 5 } });
  assert.notDeepEqual(rhythmModelDocument(other).weights, rhythmModelDocument(first).weights);
});

test('a saved model decodes exactly as the one in memory, bends included', () => {
  model.setBends([{ ...bend(1, { kind: 'random', fraction: 0.25, seed: 3 }, 'oscillate'), value: 0.3 }, bend(0, { kind: 'cluster', clusters: 3, cluster: 1, seed: 1 }, 'invert')]);
  try {
    const saved = readRhythmModel(JSON.parse(JSON.stringify(rhythmModelDocument(model))), 'saved.json');
    const points = [...model.loops.map((loop) => loop.position), ...latentGrid(model.loops.map((loop) => loop.position), 5)];
    for (const point of points) {
      for (const threshold of [0.2, 0.5]) assert.deepEqual(saved.decode(point, threshold), model.decode(point, threshold));
    }
    assert.deepEqual(saved.encode(loops[0].pattern), model.encode(loops[0].pattern));
  } finally {
    model.setBends([]);
  }
});

test('the plain decoder agrees with TensorFlow on the same weights', () => {
  const { decoder1, decoder2, onset } = model.weights;
  const dense = (x: tf.Tensor2D, layer: typeof onset) => tf.add(tf.matMul(x, tf.tensor2d(layer.weights, [layer.inputs, layer.outputs])), tf.tensor1d(layer.biases)) as tf.Tensor2D;
  const point = model.loops[2].position;
  const expected = tf.tidy(() => tf.sigmoid(dense(tf.relu(dense(tf.relu(dense(tf.tensor2d([[...point]]), decoder1)), decoder2)), onset)).dataSync());
  const chances = model.decoder.onsetChances(point, new Float32Array(expected.length));
  for (let cell = 0; cell < expected.length; cell++) assert.ok(Math.abs(chances[cell] - expected[cell]) < 1e-5, `cell ${cell}`);
});

test('moving along the density direction makes loops denser', () => {
  // Loops from sparse (a kick, a snare) to busy (hats on every sixteenth and more kicks).
  const busy = Array.from({ length: 8 }, (_, level) => {
    const loop = { name: `level ${level}`, pattern: emptyPattern({ beats: 4, beatUnit: 4 }) };
    hit(loop, 'kick', 0);
    hit(loop, 'snare', 24);
    for (let tick = 0; tick < 48; tick += [24, 12, 12, 6, 6, 3, 3, 3][level]) hit(loop, 'closed-hat', tick, 0.6);
    for (let extra = 0; extra < level; extra++) hit(loop, extra % 2 ? 'kick' : 'snare', 3 + 6 * extra, 0.5);
    return loop;
  });
  const trained = trainRhythmModel(busy, { settings: TINY });
  const direction = trained.direction('density');
  const centre = new Float64Array(2);
  for (const loop of trained.loops) loop.position.forEach((value, d) => (centre[d] += value / trained.loops.length));
  const at = (amount: number) => density(trained.decode(steer(centre, direction, amount, new Float64Array(2))));
  assert.ok(at(2) > at(0) && at(0) > at(-2), `density ${at(-2)} → ${at(0)} → ${at(2)}`);
  assert.ok(direction.perStep > 0);
  assert.throws(() => trained.direction('cowbell'), /no direction for 'cowbell'; it has: density/);
});

test('loops in another meter are left out and named; silence alone cannot be learned', () => {
  const waltz = { name: 'waltz', pattern: emptyPattern({ beats: 3, beatUnit: 4 }) };
  hit(waltz, 'kick', 0);
  const mixed = trainRhythmModel([...loops.slice(0, 2), waltz], { settings: { ...TINY, epochs: 2 } });
  assert.deepEqual(mixed.summary.leftOut, ['waltz (3/4)']);
  assert.equal(mixed.loops.length, 2);
  const silent = { name: 'silence', pattern: emptyPattern({ beats: 4, beatUnit: 4 }) };
  assert.throws(() => trainRhythmModel([silent], { settings: TINY }), /Every loop to learn from is silent/);
  assert.deepEqual(fitToGrid(loops[0].pattern, model.grid), loops[0].pattern);
});
