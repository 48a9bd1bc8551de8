import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOutputSpec } from '../../src/node/cli/output-spec.ts';

test('--output name:gesture[:G] asks for a gesture output, with 5 gestures unless told', () => {
  assert.deepEqual(parseOutputSpec('strokes:gesture'), { kind: 'gesture', name: 'strokes' });
  assert.deepEqual(parseOutputSpec('strokes:gesture:3'), { kind: 'gesture', name: 'strokes', gestures: 3 });
  assert.throws(() => parseOutputSpec('strokes:gesture:0'), /--output 'strokes:gesture:0': say how many gestures, as name:gesture:G \(G from 1; 5 if left out\)/);
  assert.throws(() => parseOutputSpec('strokes:gestures'), /'gestures' is not an output type \(continuous, classifier or gesture\)/);
});
