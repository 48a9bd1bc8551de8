import type { IncomingMessage, OutgoingMessage } from '../../core/osc/message.ts';

/*
 * The two messages on the path of every frame, `/wek/inputs f…` in and `/wek/outputs f…` out,
 * read and written straight from and to bytes: the general codec (osc-min) took 70% of a frame's
 * time and made 6 KB of garbage per frame (bench/RESULTS.md). Anything else goes to the codec.
 */

const COMMA = 0x2c;

/** Where the 4-byte-aligned, NUL-terminated OSC string starting at `at` ends, or -1 if it does not. */
function stringEnd(bytes: Uint8Array, at: number): number {
  const nul = bytes.indexOf(0, at);
  if (nul < 0) return -1;
  const end = (nul + 4) & ~3;
  return end <= bytes.length ? end : -1;
}

/**
 * A message whose arguments are all int32, float32 or double, or null for anything else (a
 * bundle, text, other types, or bytes that do not add up; the codec then decides).
 */
export function decodeNumberMessage(bytes: Uint8Array): IncomingMessage | null {
  if (bytes.length < 8 || bytes[0] !== 0x2f) return null;
  const addressEnd = stringEnd(bytes, 0);
  if (addressEnd < 0 || bytes[addressEnd] !== COMMA) return null;
  const tagsEnd = stringEnd(bytes, addressEnd);
  if (tagsEnd < 0) return null;
  let size = 0;
  let tag = addressEnd + 1;
  for (; bytes[tag] !== 0; tag++) {
    const type = bytes[tag];
    if (type === 0x66 /* f */ || type === 0x69 /* i */) size += 4;
    else if (type === 0x64 /* d */) size += 8;
    else return null;
  }
  if (tagsEnd + size !== bytes.length) return null;
  let address = '';
  for (let i = 0; bytes[i] !== 0; i++) {
    if (bytes[i] > 0x7e) return null;
    address += String.fromCharCode(bytes[i]);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const args = new Array<number>(tag - addressEnd - 1);
  let at = tagsEnd;
  for (let k = 0; k < args.length; k++) {
    const type = bytes[addressEnd + 1 + k];
    if (type === 0x66) args[k] = view.getFloat32(at);
    else if (type === 0x69) args[k] = view.getInt32(at);
    else {
      args[k] = view.getFloat64(at);
      at += 4;
    }
    at += 4;
  }
  return { address, args };
}

/** The address and `,fff…` type tags of messages sent on every frame, built once each. */
const heads = new Map<string, Buffer>();

/** A message whose arguments are all floats, as bytes; null for any other message. */
export function encodeFloatMessage(message: OutgoingMessage): Buffer | null {
  const { address, args } = message;
  if (!allFloats(args)) return null;
  const key = `${address}\0${args.length}`;
  let head = heads.get(key);
  if (!head) {
    const addressSize = (Buffer.byteLength(address) + 4) & ~3;
    const tagsSize = (args.length + 1 + 4) & ~3;
    head = Buffer.alloc(addressSize + tagsSize);
    head.write(address, 0, 'utf8');
    head.write(`,${'f'.repeat(args.length)}`, addressSize, 'latin1');
    if (heads.size > 64) heads.clear();
    heads.set(key, head);
  }
  // A new buffer each time: a send may still be queued when the next frame's outputs are ready.
  const bytes = Buffer.allocUnsafe(head.length + 4 * args.length);
  head.copy(bytes, 0);
  for (let k = 0, at = head.length; k < args.length; k++, at += 4) bytes.writeFloatBE(args[k].value, at);
  return bytes;
}

function allFloats(args: OutgoingMessage['args']): args is Array<{ type: 'float'; value: number }> {
  for (const arg of args) if (arg.type !== 'float') return false;
  return true;
}

/**
 * Any message Oscine sends (ints, floats and strings) as bytes, as osc-min writes them. The rhythm
 * player sends its loop as 19 messages of up to 96 numbers, which took osc-min 3 ms: time a hit
 * due meanwhile would wait. A string holding NUL cannot be sent (osc-min refuses it too).
 */
export function encodeMessageBytes(message: OutgoingMessage): Buffer {
  const { address, args } = message;
  const tagsSize = (args.length + 1 + 4) & ~3;
  let size = stringSize(address) + tagsSize;
  for (const arg of args) size += arg.type === 'string' ? stringSize(arg.value) : 4;
  const bytes = Buffer.alloc(size);
  let at = stringSize(address);
  bytes.write(address, 0, 'utf8');
  bytes[at] = COMMA;
  for (let k = 0; k < args.length; k++) bytes[at + 1 + k] = TAGS[args[k].type];
  at += tagsSize;
  for (const arg of args) {
    if (arg.type === 'string') {
      bytes.write(arg.value, at, 'utf8');
      at += stringSize(arg.value);
    } else {
      if (arg.type === 'float') bytes.writeFloatBE(arg.value, at);
      else bytes.writeInt32BE(arg.value, at);
      at += 4;
    }
  }
  return bytes;
}

const TAGS = { float: 0x66, integer: 0x69, string: 0x73 } as const;

/** The bytes of an OSC string: UTF-8, NUL-terminated, padded to a multiple of 4. */
function stringSize(text: string): number {
  if (text.includes('\0')) throw new Error('an OSC string cannot hold a NUL character');
  return (Buffer.byteLength(text) + 4) & ~3;
}
