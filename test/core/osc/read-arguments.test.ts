import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeArgument, quote } from '../../../src/core/osc/message.ts';
import { OutputMessages } from '../../../src/core/osc/output-messages.ts';
import { expectCount, isArgumentProblem, readNumbers, readPositions, readStrings } from '../../../src/core/osc/read-arguments.ts';
import { makeProject } from '../../../src/core/project/project.ts';
import { refused } from '../../../src/core/project/result.ts';

test('arguments are read as numbers, positions counted from 1, or strings, with reasons that name the argument', () => {
  assert.deepEqual(readNumbers([1, 2.5, -3], 'values'), { ok: true, value: [1, 2.5, -3] });
  assert.deepEqual(readPositions([1, 2, 3], 'model numbers'), { ok: true, value: [1, 2, 3] });
  assert.deepEqual(readStrings(['a', 'b'], 'names'), { ok: true, value: ['a', 'b'] });

  const notNumber = readNumbers([1, 'x'], 'values');
  assert.equal(notNumber.ok, false);
  assert.ok(isArgumentProblem(notNumber));
  assert.equal(!notNumber.ok && notNumber.reason, 'values: argument 2 is a string ("x"), not a number');
  const zero = readPositions([2, 0], 'model numbers');
  assert.equal(!zero.ok && zero.reason, 'model numbers: argument 2 is 0, not a whole number counted from 1');
  const fraction = readPositions([1.5], 'model numbers');
  assert.equal(!fraction.ok && fraction.reason, 'model numbers: argument 1 is 1.5, not a whole number counted from 1');
  const blob = readStrings([{ unsupported: 'blob' }], 'names');
  assert.equal(!blob.ok && blob.reason, 'names: argument 1 is a blob, not a string');
  assert.deepEqual(expectCount([1], 1, 'one'), { ok: true, value: undefined });
  const many = expectCount([1, 2], 1, 'one output number');
  assert.equal(!many.ok && many.reason, 'takes one output number, not 2 arguments');
  assert.ok(!isArgumentProblem(refused('the engine said no')));
});

test('arguments are described for people, and long text is cut short', () => {
  assert.equal(describeArgument(3), 'the number 3');
  assert.equal(describeArgument('hi'), 'a string ("hi")');
  assert.equal(describeArgument({ unsupported: 'array' }), 'an array');
  assert.equal(describeArgument({ unsupported: 'true' }), 'a true');
  assert.equal(quote('x'.repeat(100), 4), '"xxxx…"');
  assert.equal(quote('a"b'), '"a\\"b"');
});

test('a classifier with probabilities sends K+1 floats, class 0 first and always 0', () => {
  const settings = makeProject({
    inputs: 1,
    outputs: [
      { kind: 'classifier', name: 'drum', classes: 3, probabilities: true },
      { kind: 'classifier', name: 'plain', classes: 2 },
    ],
  });
  const messages = new OutputMessages(settings);
  const sent: Array<{ address: string; values: number[] }> = [];
  const send = (m: { address: string; args: { value: number | string }[] }) => sent.push({ address: m.address, values: m.args.map((a) => a.value as number) });
  messages.holdDistribution(0, Float64Array.of(0.2, 0.5, 0.3));
  messages.holdDistribution(1, Float64Array.of(0.5, 0.5)); // probabilities off: nothing to send
  messages.sendDistributions(send);
  messages.sendDistributions(send); // already sent for this frame
  assert.deepEqual(sent, [{ address: '/drum', values: [0, 0.2, 0.5, 0.3] }]);
  const outputs = messages.values(Float64Array.of(2, 1));
  assert.equal(outputs.address, '/wek/outputs');
  assert.deepEqual(outputs.args, [
    { type: 'float', value: 2 },
    { type: 'float', value: 1 },
  ]);
});
