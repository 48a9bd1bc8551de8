import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromBuffer, toBuffer } from 'osc-min';
import type { IncomingMessage } from '../../../src/core/osc/message.ts';
import { float, integer, text } from '../../../src/core/osc/message.ts';
import { decodePacket, encodeMessage } from '../../../src/node/osc/packet.ts';

function decode(bytes: Uint8Array): { messages: IncomingMessage[]; malformed: number } {
  const messages: IncomingMessage[] = [];
  const malformed = decodePacket(bytes, (m) => messages.push(m));
  return { messages, malformed };
}

const bytes = (view: ArrayBufferView) => new Uint8Array(view.buffer, view.byteOffset, view.byteLength);

/** `/a ,ifdhs` written out by hand, so the decoder is checked against the OSC 1.0 layout, not against osc-min. */
function handWritten(): Uint8Array {
  const out = Buffer.alloc(4 + 8 + 4 + 4 + 8 + 8 + 4);
  let at = 0;
  out.write('/a', at, 'latin1');
  at += 4;
  out.write(',ifdhs', at, 'latin1');
  at += 8;
  out.writeInt32BE(-7, at);
  at += 4;
  out.writeFloatBE(0.5, at);
  at += 4;
  out.writeDoubleBE(0.1, at);
  at += 8;
  out.writeBigInt64BE(42n, at);
  at += 8;
  out.write('hi', at, 'latin1');
  return out;
}

test('a message decodes with every OSC number type as a number and text as a string', () => {
  assert.deepEqual(decode(handWritten()), { messages: [{ address: '/a', args: [-7, 0.5, 0.1, 42, 'hi'] }], malformed: 0 });
  const odd = bytes(toBuffer({ address: '/b', args: [{ type: 'blob', value: new Uint8Array([1, 2]) }, { type: 'true' }, { type: 'null' }, [1, 2], { type: 'symbol', value: 'sym' }] }));
  assert.deepEqual(decode(odd).messages[0].args, [{ unsupported: 'blob' }, { unsupported: 'true' }, { unsupported: 'null' }, { unsupported: 'array' }, 'sym']);
  // OSC before type tags: an address alone is a message with no arguments.
  assert.deepEqual(decode(Buffer.from('/wekinator/control/train\0\0\0\0', 'latin1')), { messages: [{ address: '/wekinator/control/train', args: [] }], malformed: 0 });
});

test('bundles are unpacked in order, nested ones too; a bad element is counted and the rest still act', () => {
  const message = (address: string, ...args: number[]) => ({ address, args });
  const bundle = bytes(
    toBuffer({
      timetag: [0, 1],
      elements: [message('/one', 1), { timetag: [0, 1], elements: [message('/two', 2), { timetag: [0, 1], elements: [message('/three', 3)] }] }, message('/four', 4)],
    }),
  );
  assert.deepEqual(decode(bundle), {
    messages: [message('/one', 1), message('/two', 2), message('/three', 3), message('/four', 4)],
    malformed: 0,
  });

  // Break the first element's address (no leading slash): it is counted, the second still acts.
  const withBad = Buffer.from(bytes(toBuffer({ timetag: [0, 1], elements: [message('/x', 1), message('/y', 2)] })));
  withBad.write('x', 20, 'latin1');
  assert.deepEqual(decode(withBad), { messages: [message('/y', 2)], malformed: 1 });
});

test('malformed packets are counted, never thrown', () => {
  const valid = bytes(toBuffer({ address: '/wek/inputs', args: [1, 2, 3] }));
  const deep = (depth: number): Uint8Array => {
    let packet = valid;
    for (let i = 0; i < depth; i++) packet = bytes(toBuffer({ timetag: [0, 1], elements: [fromBuffer(packet)] }));
    return packet;
  };
  const sizeTooBig = Buffer.from(bytes(toBuffer({ timetag: [0, 1], elements: [{ address: '/x', args: [] }] })));
  sizeTooBig.writeInt32BE(1000, 16);
  const cases: Array<[string, Uint8Array]> = [
    ['empty', new Uint8Array(0)],
    ['truncated arguments', valid.subarray(0, valid.length - 2)],
    ['truncated address', valid.subarray(0, 5)],
    ['an unknown type tag', Buffer.from('/a\0\0,fz\0\0\0\0\0', 'latin1')],
    ['type tags without a comma', Buffer.from('/a\0\0fff\0', 'latin1')],
    ['no leading slash', Buffer.from('abc\0', 'latin1')],
    ['random bytes', Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256)],
    ['a bundle with an element size past its end', sizeTooBig],
    ['a bundle cut inside its time tag', Buffer.from('#bundle\0\0\0\0', 'latin1')],
    ['bundles nested too deep', deep(9)],
  ];
  for (const [what, packet] of cases) {
    const result = decode(packet);
    assert.deepEqual(result, { messages: [], malformed: 1 }, what);
  }
  assert.equal(decode(deep(7)).messages.length, 1, 'seven levels of nesting still decode');
});

test('outgoing messages encode float32 outputs and status replies as the OSC codec writes them', () => {
  const encoded = bytes(encodeMessage({ address: '/wek/outputs', args: [float(0.1), float(3)] }));
  const decoded = fromBuffer(encoded);
  assert.deepEqual(decoded, {
    oscType: 'message',
    address: '/wek/outputs',
    args: [
      { type: 'float', value: Math.fround(0.1) },
      { type: 'float', value: 3 },
    ],
  });
  assert.equal(Buffer.from(encoded).subarray(16, 20).toString('latin1'), ',ff\0');
  const reply = fromBuffer(bytes(encodeMessage({ address: '/oscine/status/train', args: [integer(1), text('trained a')] })));
  assert.deepEqual(reply.oscType === 'message' && reply.args, [
    { type: 'integer', value: 1 },
    { type: 'string', value: 'trained a' },
  ]);
});
