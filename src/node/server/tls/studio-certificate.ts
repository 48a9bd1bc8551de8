import { X509Certificate, createPrivateKey } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import { InputError } from '../../../core/errors.ts';
import { type Credentials, type HostNames, makeSelfSigned } from './self-signed.ts';

export const CERTIFICATE_FILE = 'studio-certificate.pem';
export const KEY_FILE = 'studio-key.pem';

/** A certificate the musician brings (PEM files), e.g. one their network's authority signed. */
export interface OwnCertificate {
  readonly certFile: string;
  readonly keyFile: string;
}

export interface StudioCredentials extends Credentials {
  /** The certificate's file. */
  readonly file: string;
  /** Oscine's own (not the musician's): a phone warns about it once, until it is accepted. */
  readonly selfSigned: boolean;
  /** Made just now: every phone warns about it once. */
  readonly made: boolean;
  /** Said at start-up when the new certificate could not be kept (phones will warn again next time). */
  readonly warning?: string;
}

/** Where Oscine keeps its own files: $XDG_CONFIG_HOME/oscine, %APPDATA%\oscine on Windows, else ~/.config/oscine. */
export function configFolder(): string {
  const base = process.env.XDG_CONFIG_HOME || (process.platform === 'win32' ? process.env.APPDATA : undefined) || join(homedir(), '.config');
  return join(base, 'oscine');
}

/** The musician's own certificate and key, checked to belong together before anything listens. */
export function ownCredentials({ certFile, keyFile }: OwnCertificate): StudioCredentials {
  const cert = readPem('--tls-cert', certFile);
  const key = readPem('--tls-key', keyFile);
  try {
    createSecureContext({ cert, key });
  } catch (error) {
    throw new InputError(`--tls-cert ${certFile} and --tls-key ${keyFile} are not a certificate and its private key (${(error as Error).message}); give both as PEM files`);
  }
  return { cert, key, file: certFile, selfSigned: false, made: false };
}

/**
 * The certificate Oscine keeps in `folder`, made on first use and made again only when it has
 * run out or does not name one of `names` (the computer joined another network): so a phone
 * that accepted it once is not asked again.
 */
export function keptCredentials(folder: string, names: HostNames, now = new Date()): StudioCredentials {
  const file = join(folder, CERTIFICATE_FILE);
  const keyFile = join(folder, KEY_FILE);
  const kept = readKept(file, keyFile);
  if (kept && covers(kept.parsed, names, now)) return { cert: kept.cert, key: kept.key, file, selfSigned: true, made: false };
  const made = makeSelfSigned(names, now);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    writeFileSync(keyFile, made.key, { mode: 0o600 });
    chmodSync(keyFile, 0o600);
    writeFileSync(file, made.cert);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { ...made, file, selfSigned: true, made: true, warning: `could not keep the studio's certificate in ${folder} (${reason}), so phones will warn again next time; --tls-cert and --tls-key use a certificate of your own` };
  }
  return { ...made, file, selfSigned: true, made: true };
}

function readPem(flag: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`${flag} ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** A kept pair that still reads and belongs together; a damaged one is simply made again. */
function readKept(file: string, keyFile: string): (Credentials & { parsed: X509Certificate }) | undefined {
  if (!existsSync(file) || !existsSync(keyFile)) return undefined;
  try {
    const cert = readFileSync(file, 'utf8');
    const key = readFileSync(keyFile, 'utf8');
    const parsed = new X509Certificate(cert);
    return parsed.checkPrivateKey(createPrivateKey(key)) ? { cert, key, parsed } : undefined;
  } catch {
    return undefined;
  }
}

const DAY_MS = 86_400_000;

function covers(parsed: X509Certificate, names: HostNames, now: Date): boolean {
  const lasts = new Date(parsed.validTo).getTime() - now.getTime() > DAY_MS && new Date(parsed.validFrom) <= now;
  return lasts && names.ips.every((ip) => parsed.checkIP(ip) !== undefined) && names.dns.every((dns) => parsed.checkHost(dns) !== undefined);
}
