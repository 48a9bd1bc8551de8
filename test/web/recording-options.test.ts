import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { needsChromium } from '../browser/chromium.ts';
import { PageClient } from '../node/server/page-client.ts';
import { withStudio } from './studio-process.ts';

const SHOTS = 'test-results/studio-recording-options';

test('the count-in counts down before recording starts, the length limit stops it by itself, and Stop during a count-in records nothing', { timeout: 180_000 }, async (t) => {
  if (!needsChromium(t)) return;
  mkdirSync(SHOTS, { recursive: true });
  await withStudio(async (served, browser) => {
    // A patch plays the inputs all along, as a sensor would; the page only records.
    const patch = await PageClient.open(served.socket);
    const sensor = setInterval(() => patch.sendRaw(Buffer.from(new Float64Array([0.3, 0.6]).buffer)), 20);
    try {
      await patch.ask({ do: 'newProject', name: 'Takes', inputs: ['x', 'y'], outputs: [{ kind: 'continuous', name: 'level', min: 0, max: 1 }] });
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(served.url);
      await page.getByRole('button', { name: /Keep “Takes” as it is/ }).click();
      await page.getByLabel('Count-in').selectOption('3');
      await page.getByLabel('Record for').selectOption('1');

      const from = patch.heard.length;
      const clicked = Date.now();
      await page.getByRole('button', { name: /Start recording/ }).click();
      for (const n of ['3', '2', '1']) {
        await page.getByRole('button', { name: new RegExp(`^${n}…`) }).waitFor();
        assert.equal(patch.heard.slice(from).some((m) => m.type === 'state' && m.state === 'recording'), false, `recording before the count-in reached ${n}`);
      }
      await page.screenshot({ path: `${SHOTS}/counting.png` });
      await patch.next((m) => m.type === 'state' && m.state === 'recording', from);
      const startedAt = Date.now();
      const started = patch.heard.length;
      await patch.next((m) => m.type === 'state' && m.state === 'idle', started);
      const stoppedAt = Date.now();
      await page.getByRole('button', { name: /Start recording/ }).waitFor();
      // The page's own timers: loose bounds, so a busy machine cannot fail them.
      assert.ok(startedAt - clicked >= 2900, `recording started ${startedAt - clicked} ms after the click, before the 3 s count-in ended`);
      assert.ok(stoppedAt - startedAt >= 950 && stoppedAt - startedAt < 3000, `recording lasted ${stoppedAt - startedAt} ms, not about 1 s`);
      const total = async () => Number((await page.getByTestId('example-total').textContent())!.split(' ')[0]);
      await page.getByTestId('example-total').filter({ hasNotText: /^0 / }).waitFor();
      const recorded = await total();
      assert.ok(recorded > 10 && recorded < 150, `${recorded} examples in about 1 s of frames every 20 ms`);
      await page.screenshot({ path: `${SHOTS}/stopped-by-itself.png` });

      await page.getByLabel('Count-in').selectOption('5');
      const again = patch.heard.length;
      await page.getByRole('button', { name: /Start recording/ }).click();
      await page.getByRole('button', { name: /^5…/ }).click(); // changed their mind
      await page.getByRole('button', { name: /Start recording/ }).waitFor();
      await page.waitForTimeout(6000); // longer than the count-in would have lasted
      assert.equal(patch.heard.slice(again).some((m) => m.type === 'state' && m.state === 'recording'), false, 'a cancelled count-in must not record');
      assert.equal(await total(), recorded);
      assert.equal(await page.getByRole('button', { name: /Start recording/ }).count(), 1);
      assert.deepEqual(errors, []);
    } finally {
      clearInterval(sensor);
      patch.close();
    }
  });
});
