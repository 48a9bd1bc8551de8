import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JavaRandom } from '../../../src/core/util/java-random.ts';

// Reference values printed by java.util.Random on OpenJDK 17.
test('draws the same integers and doubles as java.util.Random', () => {
  const random = new JavaRandom(1);
  const ints = [random.nextInt(10), random.nextInt(10), random.nextInt(10), random.nextInt(1 << 20), random.nextInt(150)];
  assert.deepEqual(ints, [5, 8, 7, 427231, 104]);
  assert.equal(random.nextDouble(), 0.0362353821503677);
  assert.equal(random.nextDouble(), 0.6588672394716129);
});

test('handles negative seeds and bounds near 2^31 as Java does', () => {
  const random = new JavaRandom(-7);
  assert.equal(random.nextInt(1000000007), 577934662);
  assert.equal(random.nextDouble(), 0.9014975826916275);
});

test('shuffle is a permutation', () => {
  const items = Array.from({ length: 50 }, (_, i) => i);
  new JavaRandom(3).shuffle(items);
  assert.notDeepEqual(items, Array.from({ length: 50 }, (_, i) => i));
  assert.deepEqual([...items].sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i));
});
