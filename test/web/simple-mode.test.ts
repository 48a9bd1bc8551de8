import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { needsChromium } from '../browser/chromium.ts';
import { withStudio } from './studio-process.ts';

/** Presses Tab until the focused element is the one named, as a keyboard user would. */
async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return element?.getAttribute('aria-label') ?? element?.closest('label')?.textContent ?? element?.textContent ?? '';
    });
    if (name.test(focused.trim())) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

const announced = (page: Page, text: RegExp) => page.getByRole('status').filter({ hasText: text }).waitFor();

test('simple mode: three steps made with the keyboard alone, every button named, every change announced', { timeout: 120_000 }, async (t) => {
  if (!needsChromium(t)) return;
  await withStudio(async (served, browser) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(served.url);
    await page.getByRole('heading', { name: 'Make an instrument' }).waitFor();

    await tabTo(page, /Simple mode/);
    await page.keyboard.press('Space');
    await page.getByRole('heading', { name: 'Step 1: choose an input' }).waitFor();
    await tabTo(page, /^Mouse or touch position/);
    await page.keyboard.press('Enter');
    await announced(page, /Step 2 of 3/);
    await tabTo(page, /^FM synth/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Step 3: show examples' }).waitFor();
    await page.screenshot({ path: 'test-results/studio-simple-mode.png' });

    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, select')].filter((e) => {
        const label = e.getAttribute('aria-label') ?? (e.closest('label')?.textContent || (e.id && document.querySelector(`label[for="${e.id}"]`)?.textContent)) ?? '';
        return (e.tagName === 'BUTTON' ? (e.textContent ?? '') + label : label).trim() === '';
      }).map((e) => e.outerHTML),
    );
    assert.deepEqual(unnamed, []);

    await page.locator('body').click({ position: { x: 5, y: 5 } }); // the mouse feeds the instrument; focus leaves the buttons
    await page.keyboard.press('r');
    await announced(page, /^Recording$/);
    await page.waitForTimeout(300);
    await page.keyboard.press('r');
    await announced(page, /^Stopped$/);
    await page.keyboard.press('t');
    await announced(page, /^Trained pitch, harmonicity, modulation index, brightness, volume$/);
    await page.keyboard.press('Space');
    await announced(page, /^Running$/);
  });
});
