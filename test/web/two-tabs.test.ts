import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needsChromium } from '../browser/chromium.ts';
import { withStudio } from './studio-process.ts';

test('two tabs stay in step: the second follows the project, the values and the state the first one sets', { timeout: 120_000 }, async (t) => {
  if (!needsChromium(t)) return;
  await withStudio(async (served, browser) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const [first, second] = [await context.newPage(), await context.newPage()];
    await first.goto(served.url);
    await second.goto(served.url);
    await first.getByRole('button', { name: /Mouse → synth/ }).click();

    // The second tab is now on the new project too, with this browser's setup for it.
    await second.getByText('Mouse synth', { exact: true }).waitFor();
    await second.getByRole('slider', { name: 'Value of brightness' }).waitFor();

    await first.getByRole('slider', { name: 'Value of brightness' }).fill('0.75');
    await second.getByTestId('value-3').filter({ hasText: '0.750' }).waitFor();

    await first.keyboard.press('r');
    await second.getByRole('button', { name: /Stop recording/ }).waitFor();
    await first.waitForTimeout(300);
    await first.keyboard.press('r');
    await second.getByRole('button', { name: /Start recording/ }).waitFor();
    // The last examples of the take may still be on their way to either tab, so wait for both to settle.
    const count = async (page: typeof first) => (await page.getByTestId('example-total').textContent())!;
    await second.getByTestId('example-total').filter({ hasText: /^[1-9]\d* examples$/ }).waitFor();
    let counts = [await count(first), await count(second)];
    for (let tries = 0; tries < 50 && counts[0] !== counts[1]; tries++) {
      await first.waitForTimeout(100);
      counts = [await count(first), await count(second)];
    }
    assert.equal(counts[1], counts[0]);
    await second.screenshot({ path: 'test-results/studio-second-tab.png' });
    await context.close();
  });
});
