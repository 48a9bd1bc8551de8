import assert from 'node:assert/strict';
import { test } from 'node:test';
import { floatsToText, textToFloats } from '../../../src/generative/rhythm/vae/float-text.ts';

test('weights written as text read back bit for bit, for every length of tail', () => {
  for (const length of [0, 1, 2, 3, 4, 7]) {
    const values = Float32Array.from({ length }, (_, i) => (i % 2 ? -1 : 1) * Math.PI ** i * 1e-3);
    values[0] = Number.MIN_VALUE; // rounds to 0 in float32; the sign and exponent bits must survive anyway
    assert.deepEqual(textToFloats(floatsToText(values), length, 'test'), values);
  }
  assert.equal(floatsToText(Float32Array.of(1)), 'AACAPw==', 'little-endian IEEE 754, standard base64');
});

test('damaged weights are refused with a message', () => {
  assert.throws(() => textToFloats('AACAPw==', 2, 'layer onset'), /layer onset should hold 2 numbers but holds 1; the file is damaged/);
  assert.throws(() => textToFloats('AAC!Pw==', 1, 'layer onset'), /holds '!', which is not base64/);
});
