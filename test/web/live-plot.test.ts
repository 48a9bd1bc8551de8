import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needsChromium } from '../browser/chromium.ts';
import { OscPeer } from '../node/osc/udp.ts';
import { PageClient } from '../node/server/page-client.ts';
import { withStudio } from './studio-process.ts';

const INPUTS = 64;
const SECONDS = 3;

test('the live plot keeps up with 64 inputs at 100 frames a second without stalling the page', { timeout: 120_000 }, async (t) => {
  if (!needsChromium(t)) return;
  await withStudio(async (served, browser) => {
    const setup = await PageClient.open(served.url.replace(/^http/, 'ws').replace(/\/$/, '/socket'));
    const names = Array.from({ length: INPUTS }, (_, i) => `band-${i + 1}`);
    assert.ok((await setup.ask({ do: 'newProject', name: 'Wide', inputs: names, outputs: [{ kind: 'continuous', name: 'level', min: 0, max: 1 }] })).ok);
    setup.close();

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(served.url);
    await page.getByRole('button', { name: /Keep “Wide” as it is/ }).click();
    await page.getByRole('img', { name: `Live plot of ${INPUTS} values` }).waitFor();
    await page.evaluate(`
      window.gaps = [];
      let last = performance.now();
      requestAnimationFrame(function tick(now) {
        window.gaps.push(now - last);
        last = now;
        requestAnimationFrame(tick);
      });
    `);

    const patch = await OscPeer.open();
    try {
      const started = performance.now();
      for (let k = 0; performance.now() - started < SECONDS * 1000; k++) {
        const due = started + k * 10;
        if (due > performance.now()) await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
        await patch.send(served.oscPort, { address: '/wek/inputs', args: names.map((_, i) => Math.sin(k / 20 + i / 8)) });
      }
    } finally {
      await patch.close();
    }
    await page.screenshot({ path: 'test-results/studio-live-plot.png' });
    const gaps = await page.evaluate<number[]>('window.gaps');
    assert.ok(gaps.length > SECONDS * 20, `only ${gaps.length} frames drawn in ${SECONDS} s`);
    const longest = Math.max(...gaps.slice(1));
    t.diagnostic(`longest gap between frames ${longest.toFixed(0)} ms over ${gaps.length} frames`);
    assert.ok(longest < 500, `the page stalled for ${longest.toFixed(0)} ms while plotting`);
  });
});
