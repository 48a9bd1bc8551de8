import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { after, before, type TestContext } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { CHROMIUM, launchChromium, needsChromium } from '../browser/chromium.ts';

const LIB = resolve(import.meta.dirname, '../../web/src/lib');

/** Everything the tests reach from the page, on `window.oscine` (see page-types.ts). */
const ENTRY = `
export * from '${LIB}/inputs/index.ts';
export * from '${LIB}/sounds/index.ts';
export { PitchDetector } from '${LIB}/inputs/pitch.ts';
export { Offline, getContext, getDestination } from 'tone';
export * from '${import.meta.dirname}/page-watch.ts';
`;

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>web-io</title></head>
<body style="margin:0"><div id="pad" style="position:absolute;left:100px;top:50px;width:400px;height:200px"></div>
<script src="oscine.js"></script></body></html>`;

export interface StudioPage {
  readonly browser: Browser;
  readonly url: string;
  /** A fresh tab with the modules loaded; `prepare` runs in the page before them (to inject fakes). */
  open(prepare?: () => void): Promise<Page>;
  close(): Promise<void>;
}

/** Bundles the studio's inputs and sounds with esbuild, serves them on 127.0.0.1 and starts Chromium. */
export async function startStudioPage(): Promise<StudioPage> {
  const folder = await mkdtemp(join(tmpdir(), 'oscine-web-io-'));
  await build({
    stdin: { contents: ENTRY, resolveDir: resolve(import.meta.dirname, '../..'), loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: 'oscine',
    platform: 'browser',
    target: 'chrome120',
    outfile: join(folder, 'oscine.js'),
    logLevel: 'error',
  });
  const server = createServer((request, response) => {
    const file = request.url === '/oscine.js' ? 'oscine.js' : undefined;
    if (!file) {
      response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      return;
    }
    readFile(join(folder, file)).then(
      (body) => response.writeHead(200, { 'content-type': 'text/javascript' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await launchChromium();

  return {
    browser,
    url,
    async open(prepare) {
      const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
      page.on('pageerror', (error) => console.error('page error:', error.message));
      // tsx compiles the tests with esbuild's keepNames, so functions sent to the page call __name.
      await page.addInitScript({ content: 'globalThis.__name = (target) => target;' });
      if (prepare) await page.addInitScript(prepare);
      await page.goto(url);
      return page;
    },
    async close() {
      await browser.close();
      await closeServer(server);
      await rm(folder, { recursive: true, force: true });
    },
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}

/**
 * For a test file: starts the page before its tests and closes it after them. The returned
 * function opens a tab for one test (closed when it ends), or gives undefined when the test was
 * skipped for want of Chromium.
 */
export function studioTabs(): (t: TestContext, prepare?: () => void) => Promise<Page | undefined> {
  let studio: StudioPage | undefined;
  before(async () => {
    // Without Chromium each test skips (or fails under CI) through needsChromium.
    if (existsSync(CHROMIUM)) studio = await startStudioPage();
  });
  after(() => studio?.close());
  return async (t, prepare) => {
    if (!needsChromium(t) || !studio) return undefined;
    const page = await studio.open(prepare);
    t.after(() => page.close());
    return page;
  };
}
