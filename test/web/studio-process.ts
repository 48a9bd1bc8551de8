import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../browser/chromium.ts';
import { OscineProcess, freePorts } from '../node/osc/udp.ts';
import { CERTIFICATE_FILE } from '../../src/node/server/tls/studio-certificate.ts';

/** A real `oscine serve` with its studio, in a folder of its own, on ports nobody else uses. */
export interface ServedStudio {
  readonly process: OscineProcess;
  /** The studio's address as printed (with the pairing token when there is one). */
  readonly url: string;
  /** The printed address reached through 127.0.0.1, with its token: tests never leave this computer. */
  readonly local: string;
  /** The studio's WebSocket, through 127.0.0.1, with the token when there is one. */
  readonly socket: string;
  /** The studio's certificate when it is served over https (Oscine's own, kept in the studio's folder). */
  readonly ca?: string;
  readonly dir: string;
  readonly oscPort: number;
  stop(): Promise<void>;
}

export async function serveStudio(extra: string[] = []): Promise<ServedStudio> {
  const dir = mkdtempSync(join(tmpdir(), 'oscine-studio-'));
  const [oscPort, outPort] = await freePorts(2);
  // Oscine keeps its certificate in the served folder, not in the tester's own ~/.config.
  const config = join(dir, 'config');
  const process = new OscineProcess(['serve', '--osc-port', String(oscPort), '--out-port', String(outPort), '--studio-port', '0', ...extra], dir, { XDG_CONFIG_HOME: config });
  const [, url] = await process.waitFor(/^Studio: (\S+)/m);
  const printed = new URL(url);
  const secure = printed.protocol === 'https:';
  return {
    process,
    url,
    local: `${printed.protocol}//127.0.0.1:${printed.port}/${printed.search}`,
    socket: `${secure ? 'wss' : 'ws'}://127.0.0.1:${printed.port}/socket${printed.search}`,
    ca: secure ? readFileSync(join(config, 'oscine', CERTIFICATE_FILE), 'utf8') : undefined,
    dir,
    oscPort,
    stop: async () => {
      const code = await process.stop();
      if (code !== 0) throw new Error(`oscine serve ended with ${code}\n${process.stderr}`);
    },
  };
}

/** Runs `use` with a served studio and a browser, and stops both whatever happens. */
export async function withStudio(use: (served: ServedStudio, browser: Browser) => Promise<void>, extra: string[] = []): Promise<void> {
  const served = await serveStudio(extra);
  try {
    // The certificate Oscine makes is its own: the browser accepts it as a phone's player would.
    const browser = await launchChromium(served.ca ? ['--ignore-certificate-errors'] : []);
    try {
      await use(served, browser);
    } finally {
      await browser.close();
    }
  } finally {
    await served.stop();
  }
}
