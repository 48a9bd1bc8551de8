import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const NOT_BUILT =
  '<!doctype html><meta charset="utf-8"><title>Oscine</title><p>The studio is not built yet. Run <code>npm run build</code> ' +
  '(<code>npm start</code> does it for you), then reload this page. OSC works meanwhile.';

/** Serves the built studio (web/dist); every path that is not a file gets the page itself. */
export function serveStatic(folder: string, path: string, response: ServerResponse, headers: Record<string, string>): void {
  const index = join(folder, 'index.html');
  if (!existsSync(index)) {
    response.writeHead(503, { ...headers, 'content-type': TYPES['.html'] }).end(NOT_BUILT);
    return;
  }
  const wanted = normalize(join(folder, decoded(path)));
  const inside = wanted.startsWith(folder + sep) && existsSync(wanted) && statSync(wanted).isFile();
  const file = inside ? wanted : index;
  const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  response.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
  response.end(readFileSync(file));
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return '/';
  }
}
