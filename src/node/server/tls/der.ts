/**
 * The few pieces of DER (the binary form of ASN.1) that a self-signed certificate is made of.
 * Each function returns one complete element: tag, length, contents.
 */

export function element(tag: number, ...contents: Buffer[]): Buffer {
  const body = Buffer.concat(contents);
  return Buffer.concat([Buffer.from([tag]), lengthOf(body.length), body]);
}

/** Lengths under 128 take one byte; longer ones say how many bytes follow. */
function lengthOf(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const sequence = (...items: Buffer[]): Buffer => element(0x30, ...items);
export const set = (...items: Buffer[]): Buffer => element(0x31, ...items);
/** A context-specific constructed tag: [n] EXPLICIT. */
export const explicit = (n: number, content: Buffer): Buffer => element(0xa0 + n, content);
export const utf8 = (text: string): Buffer => element(0x0c, Buffer.from(text, 'utf8'));
export const octets = (bytes: Buffer): Buffer => element(0x04, bytes);
/** A bit string whose last byte is used whole. */
export const bits = (bytes: Buffer): Buffer => element(0x03, Buffer.from([0]), bytes);
export const TRUE = element(0x01, Buffer.from([0xff]));

/** A non-negative integer from its big-endian bytes (a leading zero keeps it from reading as negative). */
export function integer(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  return element(0x02, trimmed[0] & 0x80 ? Buffer.from([0]) : Buffer.alloc(0), trimmed);
}

export function oid(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * first + second];
  for (const n of rest) {
    const chunk = [n % 128];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | v % 128);
    bytes.push(...chunk);
  }
  return element(0x06, Buffer.from(bytes));
}

/** X.509 writes dates up to 2049 as UTCTime (two-digit year), later ones as GeneralizedTime. */
export function time(date: Date): Buffer {
  const digits = date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:T]/g, '');
  return date.getUTCFullYear() < 2050 ? element(0x17, Buffer.from(digits.slice(2))) : element(0x18, Buffer.from(digits));
}
