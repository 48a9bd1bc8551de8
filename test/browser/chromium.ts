import { existsSync } from 'node:fs';
import type { TestContext } from 'node:test';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; `.ci/run` installs it. playwright-core never downloads a browser of its own. */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags that work on these headless machines: fake camera and microphone, sound without a click. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

/**
 * Skips the test when Chromium is missing on a developer's machine; in CI (CI=true) a missing
 * browser is a failure, so a browser test can never pass by being skipped.
 */
export function needsChromium(t: TestContext): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing; .ci/run should install the chromium package`);
  t.skip('Chromium is not installed (apt-get install chromium) — browser test skipped');
  return false;
}

export function launchChromium(extraFlags: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, ...extraFlags] });
}
