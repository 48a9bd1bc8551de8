import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromBuffer, toBuffer } from 'osc-min';
import { float, integer, text } from '../../../src/core/osc/message.ts';
import { decodeNumberMessage, encodeFloatMessage, encodeMessageBytes } from '../../../src/node/osc/number-message.ts';
import { JavaRandom } from '../../../src/core/util/java-random.ts';

const bytes = (view: DataView) => new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
const TYPES = ['float', 'integer', 'double'] as const;

test('number messages read straight from bytes give what the osc-min codec gives', () => {
  const random = new JavaRandom(11);
  for (let trial = 0; trial < 2000; trial++) {
    const address = `/${'wek/inputs/x'.slice(0, 1 + random.nextInt(12))}`;
    const args = Array.from({ length: random.nextInt(20) }, () => {
      const type = TYPES[random.nextInt(3)];
      const value = type === 'integer' ? random.nextInt(2_000_000_000) - 1_000_000_000 : (random.nextDouble() - 0.5) * 10 ** random.nextInt(8);
      return { type, value };
    });
    const packet = bytes(toBuffer({ address, args }));
    const reference = fromBuffer(packet);
    assert.ok(reference.oscType === 'message');
    assert.deepEqual(decodeNumberMessage(packet), { address: reference.address, args: reference.args.map((a) => a.value) });
  }
});

test('anything but a plain message of numbers is left to the codec', () => {
  const cases: Array<[string, Uint8Array]> = [
    ['text', bytes(toBuffer({ address: '/wek/inputs', args: [{ type: 'string', value: 'x' }] }))],
    ['a bundle', bytes(toBuffer({ timetag: [0, 1], elements: [{ address: '/wek/inputs', args: [1] }] }))],
    ['a missing argument', bytes(toBuffer({ address: '/wek/inputs', args: [{ type: 'float', value: 1 }] })).subarray(0, 18)],
    ['a trailing byte', Buffer.concat([bytes(toBuffer({ address: '/a', args: [{ type: 'float', value: 1 }] })), Buffer.alloc(4)])],
    ['no type tags', Buffer.from('/wekinator/control/train\0\0\0\0', 'latin1')],
    ['no leading slash', Buffer.from('abc\0,f\0\0\0\0\0\0', 'latin1')],
    ['an unterminated address', Buffer.from('/abcdefg', 'latin1')],
    ['a non-ASCII address', Buffer.from('/\xe9\0\0,f\0\0\0\0\0\0', 'latin1')],
  ];
  for (const [what, packet] of cases) assert.equal(decodeNumberMessage(packet), null, what);
});

test('float messages written straight to bytes are byte for byte what osc-min writes', () => {
  const random = new JavaRandom(5);
  for (let trial = 0; trial < 500; trial++) {
    const address = ['/wek/outputs', '/a', '/abc', '/output_12', '/Class probabilities'][random.nextInt(5)];
    const message = { address, args: Array.from({ length: random.nextInt(12) }, () => float((random.nextDouble() - 0.5) * 1e3)) };
    assert.deepEqual(encodeFloatMessage(message), Buffer.from(bytes(toBuffer(message))), `${address} with ${message.args.length} floats`);
  }
  assert.equal(encodeFloatMessage({ address: '/oscine/status/train', args: [integer(1), text('ok')] }), null);
});

test('messages of ints, floats and strings written straight to bytes are byte for byte what osc-min writes', () => {
  const random = new JavaRandom(7);
  const words = ['', 'kick', 'closed-hat', 'abc', 'trained level, drum', 'é → ü'];
  const arg = () => [float((random.nextDouble() - 0.5) * 1e3), integer(random.nextInt(2000) - 1000), text(words[random.nextInt(words.length)])][random.nextInt(3)];
  for (let trial = 0; trial < 500; trial++) {
    const address = ['/oscine/rhythm/pattern', '/a', '/abc', '/oscine/status/train'][random.nextInt(4)];
    const message = { address, args: Array.from({ length: random.nextInt(100) }, arg) };
    assert.deepEqual(encodeMessageBytes(message), Buffer.from(bytes(toBuffer(message))), `${address} with ${message.args.length} arguments`);
  }
  assert.throws(() => encodeMessageBytes({ address: '/a', args: [text('a\0b')] }), /cannot hold a NUL/);
});
