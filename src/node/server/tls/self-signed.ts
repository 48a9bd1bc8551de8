import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { TRUE, bits, explicit, integer, octets, oid, sequence, set, time, utf8, element } from './der.ts';
import { ipBytes } from './ip-bytes.ts';

/** The names a phone may use to reach the studio: IP addresses and host names. */
export interface HostNames {
  readonly ips: readonly string[];
  readonly dns: readonly string[];
}

/** A certificate and its private key, both PEM. */
export interface Credentials {
  readonly cert: string;
  readonly key: string;
}

/** Apple refuses server certificates valid for more than 825 days, even ones the player accepted. */
const VALID_DAYS = 800;
const DAY_MS = 86_400_000;

const ECDSA_WITH_SHA256 = sequence(oid('1.2.840.10045.4.3.2'));
const COMMON_NAME = '2.5.4.3';
const SUBJECT_ALT_NAME = '2.5.29.17';
const KEY_USAGE = '2.5.29.15';
const BASIC_CONSTRAINTS = '2.5.29.19';
const EXTENDED_KEY_USAGE = '2.5.29.37';
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
/** KeyUsage's first bit: digitalSignature, which an ECDSA TLS server key needs. */
const DIGITAL_SIGNATURE = Buffer.from([0x80]);

/**
 * A self-signed certificate for the studio, made with Node's own crypto (an ECDSA P-256 key,
 * which every phone browser accepts): no openssl program and no download needed, so it works
 * the same on a Mac, Windows or a Raspberry Pi. It names every address in `names`, starts a
 * day early (a phone's clock may be behind) and lasts 800 days.
 */
export function makeSelfSigned(names: HostNames, now = new Date()): Credentials {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const name = sequence(set(sequence(oid(COMMON_NAME), utf8('Oscine studio'))));
  const alternatives = [...names.dns.map((dns) => element(0x82, Buffer.from(dns, 'ascii'))), ...names.ips.map((ip) => element(0x87, ipBytes(ip)))];
  const extensions = sequence(
    extension(BASIC_CONSTRAINTS, sequence(), true),
    extension(KEY_USAGE, bits(DIGITAL_SIGNATURE), true),
    extension(EXTENDED_KEY_USAGE, sequence(oid(SERVER_AUTH))),
    extension(SUBJECT_ALT_NAME, sequence(...alternatives)),
  );
  const unsigned = sequence(
    explicit(0, integer(Buffer.from([2]))), // version 3
    integer(randomBytes(16)),
    ECDSA_WITH_SHA256,
    name,
    sequence(time(new Date(now.getTime() - DAY_MS)), time(new Date(now.getTime() + VALID_DAYS * DAY_MS))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, extensions),
  );
  const signature = sign('sha256', unsigned, { key: privateKey, dsaEncoding: 'der' });
  return {
    cert: pem('CERTIFICATE', sequence(unsigned, ECDSA_WITH_SHA256, bits(signature))),
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}

function extension(id: string, value: Buffer, critical = false): Buffer {
  return critical ? sequence(oid(id), TRUE, octets(value)) : sequence(oid(id), octets(value));
}

function pem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
