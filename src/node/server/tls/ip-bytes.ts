import { isIPv4, isIPv6 } from 'node:net';

/** An IP address as a certificate holds it: 4 bytes for IPv4, 16 for IPv6. */
export function ipBytes(address: string): Buffer {
  if (isIPv4(address)) return Buffer.from(address.split('.').map(Number));
  const plain = address.replace(/%.*$/, '');
  if (!isIPv6(plain)) throw new Error(`${address} is not an IP address`);
  // A trailing dotted IPv4 part (::ffff:10.0.0.1) is two groups.
  const dotted = plain.match(/(\d+\.\d+\.\d+\.\d+)$/);
  const hex = dotted ? plain.replace(dotted[1], ipv4Groups(dotted[1])) : plain;
  const [head, tail] = hex.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const before = groups(head);
  const after = groups(tail);
  const all = tail === undefined ? before : [...before, ...Array<string>(8 - before.length - after.length).fill('0'), ...after];
  const bytes = Buffer.alloc(16);
  all.forEach((group, i) => bytes.writeUInt16BE(parseInt(group, 16), i * 2));
  return bytes;
}

function ipv4Groups(address: string): string {
  const [a, b, c, d] = address.split('.').map(Number);
  return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}
