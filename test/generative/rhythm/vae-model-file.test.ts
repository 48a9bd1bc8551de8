import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bend } from '../../../src/generative/rhythm/vae/bending.ts';
import { type RhythmModelDocument, readRhythmModel, rhythmModelDocument } from '../../../src/generative/rhythm/vae/model-file.ts';
import { handModel } from './hand-model.ts';

function document(): RhythmModelDocument {
  return JSON.parse(JSON.stringify(rhythmModelDocument(handModel())));
}

test('a model file holds the decoder, the loops, directions and bends, and reads back the same', () => {
  const model = handModel();
  model.setBends([{ ...bend(0, { kind: 'units', units: [0] }, 'scale'), value: 0.4, mix: 0.9 }]);
  const read = readRhythmModel(JSON.parse(JSON.stringify(rhythmModelDocument(model))), 'hand.json');
  assert.deepEqual(rhythmModelDocument(read), rhythmModelDocument(model));
  for (const z of [-1.5, 0.2, 0.7, 3]) assert.deepEqual(read.decode([z], 0.3), model.decode([z], 0.3));
  assert.equal(read.bends[0].value, 0.4);
});

test('a file that is not a rhythm model, or is from a newer Oscine, says so', () => {
  assert.throws(() => readRhythmModel([1, 2], 'a.json'), /a.json is not an Oscine rhythm model .*oscine rhythm train/);
  assert.throws(() => readRhythmModel({ format: 'oscine-model', version: 1 }, 'b.json'), /b.json is not an Oscine rhythm model/);
  assert.throws(() => readRhythmModel({ ...document(), version: 7 }, 'c.json'), /c.json was saved by a newer Oscine \(rhythm model format 7\); .* update Oscine/);
});

test('a damaged model file says where', () => {
  const withoutLoops: Partial<RhythmModelDocument> = document();
  delete withoutLoops.loops;
  assert.throws(() => readRhythmModel(withoutLoops, 'm.json'), /m.json is damaged: loops: /);
  const wrongShape = document();
  wrongShape.weights.decoder2.outputs = 3;
  assert.throws(() => readRhythmModel(wrongShape, 'm.json'), /layer decoder2 is 2 × 3, but its settings and grid make it 2 × 2/);
  const cut = document();
  cut.weights.onset.weights = cut.weights.onset.weights.slice(0, 20);
  assert.throws(() => readRhythmModel(cut, 'm.json'), /m.json: layer onset should hold 36 numbers but holds 3; the file is damaged/);
  const badPosition = document();
  badPosition.loops[0].position = [1, 2];
  assert.throws(() => readRhythmModel(badPosition, 'm.json'), /m.json is damaged: a loop's position does not have 1 coordinates/);
  const badSetting = document();
  badSetting.settings.latent = 0;
  assert.throws(() => readRhythmModel(badSetting, 'm.json'), /'latent' must be at least 1/);
  const badBend = document();
  badBend.bends = [{ layer: 0, units: { kind: 'units', units: [9] }, transform: 'invert', mix: 1, value: 0 }];
  assert.throws(() => readRhythmModel(badBend, 'm.json'), /layer 0 has units 0 to 1, not 9/);
});
