import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../browser/chromium.ts';
import { OscineProcess, freePorts } from '../node/osc/udp.ts';

/** A real `oscine serve` with its studio, in a folder of its own, on ports nobody else uses. */
export interface ServedStudio {
  readonly process: OscineProcess;
  /** The studio's address as printed (with the pairing token when there is one). */
  readonly url: string;
  readonly dir: string;
  readonly oscPort: number;
  stop(): Promise<void>;
}

export async function serveStudio(extra: string[] = []): Promise<ServedStudio> {
  const dir = mkdtempSync(join(tmpdir(), 'oscine-studio-'));
  const [oscPort, outPort] = await freePorts(2);
  const process = new OscineProcess(['serve', '--osc-port', String(oscPort), '--out-port', String(outPort), '--studio-port', '0', ...extra], dir);
  const [, url] = await process.waitFor(/^Studio: (\S+)/m);
  return {
    process,
    url,
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
    const browser = await launchChromium();
    try {
      await use(served, browser);
    } finally {
      await browser.close();
    }
  } finally {
    await served.stop();
  }
}
