import { hostname, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';
import type { HostNames } from './self-signed.ts';

/** This computer's addresses on its networks (not loopback), IPv4 first: where a phone finds the studio. */
export function networkAddresses(): string[] {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && !a.internal && !a.address.startsWith('fe80:'));
  return [...addresses.filter((a) => a!.family === 'IPv4'), ...addresses.filter((a) => a!.family === 'IPv6')].map((a) => a!.address);
}

/**
 * Every name the studio may be opened by: loopback, each network address, the host it was told
 * to listen on, and the computer's name (also as NAME.local, how phones find it by Bonjour/mDNS).
 */
export function studioHostNames(host: string): HostNames {
  const ips = new Set(['127.0.0.1', '::1', ...networkAddresses()]);
  if (isIP(host) && host !== '0.0.0.0' && host !== '::') ips.add(host);
  const dns = new Set(['localhost']);
  const named = isIP(host) ? [] : [host];
  for (const name of [hostname(), ...named].filter((n) => /^[A-Za-z0-9.-]+$/.test(n))) {
    dns.add(name);
    if (!name.includes('.')) dns.add(`${name}.local`);
  }
  return { ips: [...ips], dns: [...dns] };
}
