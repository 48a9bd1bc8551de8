import { type IncomingMessage, type RequestListener, type ServerResponse, createServer } from 'node:http';
import { createServer as createSecureServer } from 'node:https';
import type { Server as NetServer } from 'node:net';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { InputError } from '../../core/errors.ts';
import { isLoopback } from '../cli/live.ts';
import { Pairing } from './pairing.ts';
import type { Stage } from './stage.ts';
import { serveStatic } from './static-files.ts';
import { StudioHub } from './studio-hub.ts';
import { networkAddresses, studioHostNames } from './tls/host-names.ts';
import { sharePort } from './tls/shared-port.ts';
import { type OwnCertificate, type StudioCredentials, configFolder, keptCredentials, ownCredentials } from './tls/studio-certificate.ts';

/** Where `npm run build` puts the studio. */
export const STUDIO_FILES = fileURLToPath(new URL('../../../web/dist', import.meta.url));
export const DEFAULT_STUDIO_PORT = 4848;
/** The page's WebSocket address. */
export const SOCKET_PATH = '/socket';
/** A Wekinator folder uploaded from the page can be large; anything bigger is refused by the socket. */
const LARGEST_MESSAGE_BYTES = 64 << 20;

export interface StudioOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly files?: string;
  /** The musician's own certificate: the studio is served over https with it, even on loopback. */
  readonly certificate?: OwnCertificate;
  /** Where Oscine keeps the certificate it makes for a studio open to the network (default: configFolder()). */
  readonly certificateFolder?: string;
}

export interface Studio {
  /** The address to open, with the pairing token when the studio is open to the network. */
  readonly url: string;
  readonly paired: boolean;
  /** The certificate, when the studio is served over https. */
  readonly tls?: StudioCredentials;
  close(): Promise<void>;
}

/**
 * The studio: its page and its WebSocket face, on the same port. On this computer only
 * (127.0.0.1, plain http) by default; on any other address every request must carry the pairing
 * token, and the studio is served over https, since a phone's browser gives its motion sensors
 * only to secure pages.
 */
export async function startStudio(stage: Stage, options: StudioOptions): Promise<Studio> {
  const loopback = isLoopback(options.host);
  const pairing = loopback ? undefined : new Pairing();
  const tls = credentials(options, loopback);
  const files = options.files ?? STUDIO_FILES;
  const serve: RequestListener = (request, response) => {
    if (pairing && !pairing.admits(request)) {
      response.writeHead(403).end();
      return;
    }
    const path = new URL(request.url ?? '/', 'http://studio').pathname;
    serveStatic(files, path, response, pairing ? { 'set-cookie': pairing.cookieHeader(tls !== undefined) } : {});
  };
  const server = tls ? createSecureServer({ cert: tls.cert, key: tls.key }, serve) : createServer(serve);
  // A hand-typed http:// address reaches the https port too, and is sent on to https.
  const toHttps = tls ? createServer((request, response) => sendToHttps(request, response, pairing)) : undefined;
  const listener = toHttps ? sharePort(server, toHttps) : server;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: LARGEST_MESSAGE_BYTES });
  await listen(listener, options);
  const port = (listener.address() as { port: number }).port;
  const url = `${tls ? 'https' : 'http'}://${reachableHost(options.host)}:${port}/${pairing ? `?token=${pairing.token}` : ''}`;
  const hub = new StudioHub(stage, { url, paired: pairing !== undefined });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://studio').pathname;
    if (path !== SOCKET_PATH || (pairing && !pairing.admits(request)) || !sameOrigin(request)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (page) => hub.connect(page));
  });
  return {
    url,
    paired: pairing !== undefined,
    tls,
    close: async () => {
      hub.close();
      sockets.close();
      server.closeAllConnections();
      toHttps?.closeAllConnections();
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    },
  };
}

function credentials(options: StudioOptions, loopback: boolean): StudioCredentials | undefined {
  if (options.certificate) return ownCredentials(options.certificate);
  if (loopback) return undefined;
  return keptCredentials(options.certificateFolder ?? configFolder(), studioHostNames(options.host));
}

/** A plain http:// request on the https port: the same address over https, when it carries the token. */
function sendToHttps(request: IncomingMessage, response: ServerResponse, pairing: Pairing | undefined): void {
  if (pairing && !pairing.admits(request)) {
    response.writeHead(403).end();
    return;
  }
  response.writeHead(301, { location: `https://${request.headers.host ?? 'localhost'}${request.url ?? '/'}` }).end();
}

function listen(server: NetServer, { host, port }: StudioOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new InputError(`port ${port} on ${host} is in use (another Oscine?); choose another with --studio-port, or --no-studio`));
      else if (error.code === 'EADDRNOTAVAIL') reject(new InputError(`cannot listen on ${host}: it is not an address of this computer`));
      else reject(error);
    });
    server.listen(port, host, () => resolve());
  });
}

/**
 * Pages of other sites must not drive the studio through the visitor's browser: a WebSocket
 * from a page is let in only when that page came from the studio itself.
 */
function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** The address another device would use: this computer's network address when listening on all of them. */
function reachableHost(host: string): string {
  if (host !== '0.0.0.0' && host !== '::') return host.includes(':') ? `[${host}]` : host;
  const [external] = networkAddresses();
  if (external === undefined) return '127.0.0.1';
  return external.includes(':') ? `[${external}]` : external;
}
