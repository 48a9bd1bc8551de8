// The few bytes of OSC the load generator needs: messages of float32 arguments. Hand-written
// so the client encodes each frame once, up front, and never decodes at full rate (a reply is
// recognised by its bytes), keeping its own cost out of what it measures.

/** An OSC message with float32 arguments, e.g. `/wek/inputs f f f f`. */
export function floatMessage(address: string, values: readonly number[]): Buffer {
  const head = padded(address);
  const tags = padded(`,${'f'.repeat(values.length)}`);
  const message = Buffer.alloc(head.length + tags.length + 4 * values.length);
  head.copy(message, 0);
  tags.copy(message, head.length);
  values.forEach((v, i) => message.writeFloatBE(v, head.length + tags.length + 4 * i));
  return message;
}

/** The address and float arguments of a message, or undefined if it is something else. */
export function readFloatMessage(message: Buffer): { address: string; values: number[] } | undefined {
  const address = readString(message, 0);
  if (!address?.text.startsWith('/')) return undefined;
  const tags = readString(message, address.next);
  if (!tags?.text.startsWith(',') || !/^,f*$/.test(tags.text)) return undefined;
  const count = tags.text.length - 1;
  if (message.length !== tags.next + 4 * count) return undefined;
  return { address: address.text, values: Array.from({ length: count }, (_, i) => message.readFloatBE(tags.next + 4 * i)) };
}

/** OSC strings end with a NUL and are padded with NULs to a multiple of 4 bytes. */
function padded(text: string): Buffer {
  const bytes = Buffer.from(text, 'ascii');
  const out = Buffer.alloc((bytes.length >> 2) * 4 + 4);
  bytes.copy(out);
  return out;
}

function readString(message: Buffer, start: number): { text: string; next: number } | undefined {
  const end = message.indexOf(0, start);
  if (end < 0) return undefined;
  return { text: message.toString('ascii', start, end), next: start + ((end - start) >> 2) * 4 + 4 };
}
