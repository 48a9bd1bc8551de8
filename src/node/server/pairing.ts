import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const COOKIE = 'oscine-pairing';

/**
 * The pairing token that guards a studio open to the network: the start-up line prints the
 * address with `?token=…`; the first page load carries it and gets it back as a cookie, so the
 * page's scripts, styles and WebSocket are let in too. Anything without it gets nothing.
 */
export class Pairing {
  readonly token = randomBytes(18).toString('base64url');

  /** Whether the request carries the token, in its address or its cookie. */
  admits(request: IncomingMessage): boolean {
    const url = new URL(request.url ?? '/', 'http://studio');
    const given = url.searchParams.get('token') ?? cookie(request.headers.cookie ?? '', COOKIE);
    return given !== undefined && same(given, this.token);
  }

  /** The header that lets the rest of the page in once the address with the token was opened (only over https when `secure`). */
  cookieHeader(secure: boolean): string {
    return `${COOKIE}=${this.token}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  }
}

function cookie(header: string, name: string): string | undefined {
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
