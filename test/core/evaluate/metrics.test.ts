import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classificationReport, regressionReport } from '../../../src/core/evaluate/metrics.ts';

test('classification figures match a hand count', () => {
  // actual:    0 0 0 1 1 2
  // predicted: 0 0 1 1 2 2
  const report = classificationReport([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 2, 2], 3);
  assert.equal(report.accuracy, 4 / 6);
  assert.deepEqual(report.confusion, [
    [2, 1, 0],
    [0, 1, 1],
    [0, 0, 1],
  ]);
  assert.deepEqual(report.precision, [1, 1 / 2, 1 / 2]);
  assert.deepEqual(report.recall, [2 / 3, 1 / 2, 1]);
});

test('a class never predicted has precision 0, not NaN', () => {
  const report = classificationReport([0, 1], [0, 0], 2);
  assert.deepEqual(report.precision, [0.5, 0]);
  assert.deepEqual(report.recall, [1, 0]);
});

test('regression figures match a hand computation', () => {
  const report = regressionReport([1, 2, 3, 4], [2, 2, 3, 5]);
  assert.equal(report.mae, 0.5);
  assert.equal(report.rmse, Math.sqrt(0.5));
  // mean actual 2.5, mean predicted 3; cov = (-1.5)(-1)+(-0.5)(-1)+(0.5)(0)+(1.5)(2) = 5
  // var actual = 5, var predicted = 1+1+0+4 = 6
  assert.ok(Math.abs(report.correlation - 5 / Math.sqrt(30)) < 1e-15);
});

test('a constant prediction has correlation 0, not NaN', () => {
  assert.equal(regressionReport([1, 2, 3], [2, 2, 2]).correlation, 0);
});
