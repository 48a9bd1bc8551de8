import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wekaFolds } from '../../../src/core/evaluate/folds.ts';

test('folds partition the rows, with sizes differing by at most one', () => {
  const folds = wekaFolds(103, 10, 1);
  const tested = folds.flatMap((f) => f.test).sort((a, b) => a - b);
  assert.deepEqual(tested, Array.from({ length: 103 }, (_, i) => i));
  const sizes = folds.map((f) => f.test.length);
  assert.deepEqual(sizes, [11, 11, 11, 10, 10, 10, 10, 10, 10, 10]);
  for (const fold of folds) {
    assert.equal(fold.train.length + fold.test.length, 103);
    assert.equal(new Set([...fold.train, ...fold.test]).size, 103);
  }
});

test('stratification gives each fold the class proportions of the whole', () => {
  const classes = Array.from({ length: 100 }, (_, i) => (i < 70 ? 0 : 1));
  for (const fold of wekaFolds(100, 10, 7, classes)) {
    assert.equal(fold.test.filter((i) => classes[i] === 1).length, 3);
  }
});

test('the same seed gives the same folds, another seed others', () => {
  assert.deepEqual(wekaFolds(50, 5, 3), wekaFolds(50, 5, 3));
  assert.notDeepEqual(wekaFolds(50, 5, 3)[0].test, wekaFolds(50, 5, 4)[0].test);
});
