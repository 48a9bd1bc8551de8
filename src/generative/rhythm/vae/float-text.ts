import { InputError } from '../../../core/errors.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Int8Array(128).fill(-1);
for (let value = 0; value < ALPHABET.length; value++) VALUES[ALPHABET.charCodeAt(value)] = value;

/**
 * Float32 numbers as base64 text (little-endian bytes): exact, and a quarter of the size of the
 * same numbers written as JSON decimals, which matters for a model of a few hundred thousand weights.
 */
export function floatsToText(values: Float32Array): string {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => view.setFloat32(i * 4, value, true));
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < 4; c++) text += c < chars ? ALPHABET[(chunk >> (18 - 6 * c)) & 63] : '=';
  }
  return text;
}

/** The inverse of floatsToText; `what` names the numbers in the message when the text is damaged. */
export function textToFloats(text: string, count: number, what: string): Float32Array {
  const body = text.replace(/=+$/, '');
  if (Math.floor((body.length * 6) / 8) !== count * 4) {
    throw new InputError(`${what} should hold ${count} numbers but holds ${Math.floor((body.length * 6) / 32)}; the file is damaged.`);
  }
  const bytes = new Uint8Array(count * 4);
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (let i = 0; i < body.length; i++) {
    const value = VALUES[body.charCodeAt(i)] ?? -1;
    if (value < 0) throw new InputError(`${what} holds '${body[i]}', which is not base64; the file is damaged.`);
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (at < bytes.length) bytes[at++] = (buffer >> bits) & 0xff;
    }
  }
  const view = new DataView(bytes.buffer);
  return Float32Array.from({ length: count }, (_, i) => view.getFloat32(i * 4, true));
}
