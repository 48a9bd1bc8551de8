import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needsChromium } from '../browser/chromium.ts';
import { PageClient } from '../node/server/page-client.ts';
import { withStudio } from './studio-process.ts';

const INPUTS = 8;
/** A generous bound: a page that freezes stalls for seconds; one that keeps drawing stays far below this. */
const LONGEST_GAP_MS = 500;

test('the page keeps drawing while a model trains for seconds, and shows the training progress', { timeout: 180_000 }, async (t) => {
  if (!needsChromium(t)) return;
  await withStudio(async (served, browser) => {
    // A long training: many examples and a slow network, set up as a second page would.
    const socket = served.url.replace(/^http/, 'ws').replace(/\/$/, '/socket');
    const setup = await PageClient.open(socket);
    const names = Array.from({ length: INPUTS }, (_, i) => `sensor-${i + 1}`);
    assert.ok((await setup.ask({ do: 'newProject', name: 'Slow', inputs: names, outputs: [{ kind: 'continuous', name: 'level', min: 0, max: 1, model: 'mlp' }] })).ok);
    assert.ok((await setup.ask({ do: 'setModel', output: 0, model: 'mlp', params: { epochs: 4000, hiddenUnits: 24 } })).ok);
    assert.ok((await setup.ask({ do: 'record', on: true })).ok);
    for (let k = 0; k < 1500; k++) {
      const frame = Float64Array.from({ length: INPUTS }, (_, i) => Math.sin(k * 0.01 * (i + 1)));
      if (k % 300 === 0) await setup.ask({ do: 'setValue', output: 0, value: (k / 1500) % 1 });
      setup.sendRaw(Buffer.from(frame.buffer));
    }
    await setup.next((m) => m.type === 'counts' && m.counts[0] === 1500, 0, 30_000);
    assert.ok((await setup.ask({ do: 'record', on: false })).ok);
    setup.close();

    const page = await browser.newPage();
    await page.goto(served.url);
    await page.getByRole('button', { name: /Keep “Slow” as it is/ }).click();
    await page.getByRole('button', { name: /^Train/ }).waitFor();

    // A string, not a function: the test's compiler would wrap named functions in helpers the page lacks.
    await page.evaluate(`
      window.gaps = [];
      window.measuring = true;
      let last = performance.now();
      requestAnimationFrame(function tick(now) {
        window.gaps.push(now - last);
        last = now;
        if (window.measuring) requestAnimationFrame(tick);
      });
    `);
    const started = Date.now();
    await page.getByRole('button', { name: /^Train/ }).click();
    await page.getByTestId('model-0').filter({ hasText: /training \d+%/ }).waitFor();
    await page.screenshot({ path: 'test-results/studio-training.png' });
    await page.getByTestId('model-0').filter({ hasText: /^\s*trained\s*$/ }).waitFor({ timeout: 150_000 });
    const trainingMs = Date.now() - started;
    const gaps = await page.evaluate<number[]>('window.measuring = false, window.gaps');
    assert.ok(trainingMs > 1500, `training took only ${trainingMs} ms; make it longer for this test to mean something`);
    assert.ok(gaps.length > trainingMs / 100, `only ${gaps.length} frames drawn in ${trainingMs} ms`);
    const longest = Math.max(...gaps.slice(1));
    t.diagnostic(`longest gap between frames ${longest.toFixed(0)} ms over ${gaps.length} frames`);
    assert.ok(longest < LONGEST_GAP_MS, `the page stalled for ${longest.toFixed(0)} ms while training`);
  });
});
