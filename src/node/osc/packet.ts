import { type OscArgOutputOrArray, fromBuffer } from 'osc-min';
import type { IncomingMessage, OscArgument, OutgoingMessage } from '../../core/osc/message.ts';
import { decodeNumberMessage, encodeFloatMessage, encodeMessageBytes } from './number-message.ts';

/** Bundles inside bundles deeper than this are refused rather than followed. */
const MAX_BUNDLE_DEPTH = 8;
const BUNDLE_HEAD = Buffer.from('#bundle\0', 'latin1');
/** The bundle tag and its 8-byte time tag come before the elements. */
const ELEMENTS_START = 16;

/**
 * Decodes one UDP packet: a message, or a bundle of messages and bundles, which is unpacked
 * (time tags are not waited for, as in Wekinator: every message acts when it arrives). Calls
 * `onMessage` for each message that decodes and returns how many parts were malformed. A bad
 * element in a bundle is counted and skipped; the rest of the bundle still acts.
 */
export function decodePacket(packet: Uint8Array, onMessage: (message: IncomingMessage) => void): number {
  return decode(packet, 0, onMessage);
}

function decode(bytes: Uint8Array, depth: number, onMessage: (message: IncomingMessage) => void): number {
  if (!isBundle(bytes)) {
    const numbers = decodeNumberMessage(bytes);
    if (numbers) {
      onMessage(numbers);
      return 0;
    }
    let decoded;
    try {
      decoded = fromBuffer(bytes);
    } catch {
      return 1;
    }
    if (decoded.oscType !== 'message') return 1;
    onMessage({ address: decoded.address, args: decoded.args.map(toArgument) });
    return 0;
  }
  if (depth >= MAX_BUNDLE_DEPTH || bytes.length < ELEMENTS_START) return 1;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let malformed = 0;
  let at = ELEMENTS_START;
  while (at < bytes.length) {
    const size = at + 4 <= bytes.length ? view.getInt32(at) : -1;
    at += 4;
    // A size that runs past the end, or is not a whole number of 4-byte words, leaves nothing to trust.
    if (size < 0 || size % 4 !== 0 || at + size > bytes.length) return malformed + 1;
    malformed += decode(bytes.subarray(at, at + size), depth + 1, onMessage);
    at += size;
  }
  return malformed;
}

function isBundle(bytes: Uint8Array): boolean {
  if (bytes.length < BUNDLE_HEAD.length) return false;
  for (let i = 0; i < BUNDLE_HEAD.length; i++) if (bytes[i] !== BUNDLE_HEAD[i]) return false;
  return true;
}

function toArgument(arg: OscArgOutputOrArray): OscArgument {
  switch (arg.type) {
    case 'integer':
    case 'float':
    case 'double':
      return arg.value;
    case 'bigint':
      return Number(arg.value);
    case 'string':
    case 'symbol':
    case 'character':
      return arg.value;
    default:
      return { unsupported: arg.type };
  }
}

/** Encodes one message, straight to bytes (see number-message.ts; the tests hold both to osc-min's bytes). */
export function encodeMessage(message: OutgoingMessage): Uint8Array {
  return encodeFloatMessage(message) ?? encodeMessageBytes(message);
}

/** Encodes one message, or says why it cannot be (an argument the codec refuses) and returns undefined. */
export function encodeOrWarn(message: OutgoingMessage, warn: (kind: string, message: string) => void): Uint8Array | undefined {
  try {
    return encodeMessage(message);
  } catch (error) {
    warn('send', `could not encode ${message.address}: ${(error as Error).message}`);
    return undefined;
  }
}
