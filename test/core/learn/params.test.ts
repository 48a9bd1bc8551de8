import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../../src/core/errors.ts';
import { defaultParams, resolveParams } from '../../../src/core/learn/params.ts';

const specs = {
  k: { type: 'integer', default: 1, min: 1, help: 'neighbours' },
  rate: { type: 'number', default: 0.3, min: 0, max: 1, help: 'learning rate' },
  kernel: { type: 'choice', default: 'poly', choices: ['poly', 'rbf'], help: 'kernel' },
  pruned: { type: 'boolean', default: true, help: 'prune' },
} as const;

test('defaults fill in what is not given; text from a command line is converted', () => {
  assert.deepEqual(defaultParams(specs), { k: 1, rate: 0.3, kernel: 'poly', pruned: true });
  assert.deepEqual(resolveParams('m', specs, { k: '3', rate: 0.5, kernel: 'rbf', pruned: 'false' }), { k: 3, rate: 0.5, kernel: 'rbf', pruned: false });
});

test('every kind of bad value is refused with a message that names the fix', () => {
  const cases: Array<[Record<string, unknown>, RegExp]> = [
    [{ depth: 2 }, /m has no parameter 'depth'; it takes: k, rate, kernel, pruned\./],
    [{ k: '2.5' }, /'k' must be a whole number/],
    [{ k: 0 }, /'k' must be at least 1/],
    [{ rate: 2 }, /'rate' must be at most 1/],
    [{ rate: 'fast' }, /'rate' must be a number, not 'fast'/],
    [{ rate: 'NaN' }, /'rate' must be a number/],
    [{ rate: '' }, /'rate' must be a number/],
    [{ kernel: 'sigmoid' }, /'kernel' must be one of poly, rbf/],
    [{ pruned: 'maybe' }, /'pruned' must be true or false/],
  ];
  for (const [given, message] of cases) {
    assert.throws(() => resolveParams('m', specs, given), (error: unknown) => error instanceof InputError && message.test(error.message));
  }
});
