import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium, needsChromium } from '../browser/chromium.ts';
import { serveStudio } from './studio-process.ts';

const SHOTS = 'test-results/studio-newcomer';

/** Moves the mouse around a point of the play area (fractions of its width and height from its top-left). */
async function wiggle(page: Page, x: number, y: number, ms: number): Promise<void> {
  const box = (await page.getByTestId('play-area').boundingBox())!;
  const end = Date.now() + ms;
  for (let k = 0; Date.now() < end; k++) {
    const dx = ((k % 5) - 2) * 3;
    await page.mouse.move(box.x + box.width * x + dx, box.y + box.height * y - dx);
    await page.waitForTimeout(20);
  }
}

async function setSliders(page: Page, value: number): Promise<void> {
  for (const name of ['pitch', 'harmonicity', 'modulation index', 'brightness', 'volume']) {
    await page.getByRole('slider', { name: `Value of ${name}` }).fill(String(value));
  }
}

const pitch = async (page: Page) => Number(await page.getByTestId('value-0').textContent());

test("a newcomer's path: mouse → synth, set the sliders, record while moving the mouse, train, run, and the outputs follow the mouse", { timeout: 120_000 }, async (t) => {
  if (!needsChromium(t)) return;
  mkdirSync(SHOTS, { recursive: true });
  const served = await serveStudio();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(served.url);
    await page.getByRole('heading', { name: 'Make an instrument' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/1-start.png` });

    await page.getByRole('button', { name: /Mouse → synth/ }).click();
    await page.getByRole('slider', { name: 'Value of pitch' }).waitFor();
    await page.getByRole('button', { name: 'Stop inputs' }).waitFor(); // the mouse is feeding the project
    await page.screenshot({ path: `${SHOTS}/2-mouse-synth.png` });

    // Low sounds in the bottom-left corner, high ones in the top-right.
    for (const [value, x, y] of [
      [0.1, 0.1, 0.9],
      [0.9, 0.9, 0.1],
    ] as const) {
      await setSliders(page, value);
      // As a musician does: hand on the mouse where the sound belongs, record with the R key
      // (clicking the button would record the pointer's trip to the button too).
      await wiggle(page, x, y, 100);
      await page.keyboard.press('r');
      await page.getByRole('button', { name: /Stop recording/ }).waitFor();
      await wiggle(page, x, y, 700);
      await page.keyboard.press('r');
      await page.getByRole('button', { name: /Start recording/ }).waitFor();
    }
    const examples = Number((await page.getByTestId('example-total').textContent())!.split(' ')[0]);
    assert.ok(examples >= 40, `only ${examples} examples were recorded`);
    await page.screenshot({ path: `${SHOTS}/3-recorded.png` });

    await page.getByRole('button', { name: /^Train/ }).click();
    for (let j = 0; j < 5; j++) await page.getByTestId(`model-${j}`).filter({ hasText: /^\s*trained\s*$/ }).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${SHOTS}/4-trained.png` });

    await page.getByRole('button', { name: /^Run/ }).click();
    await page.getByRole('button', { name: /Stop running/ }).waitFor();
    await wiggle(page, 0.1, 0.9, 400);
    const low = await pitch(page);
    await wiggle(page, 0.9, 0.1, 400);
    const high = await pitch(page);
    await page.screenshot({ path: `${SHOTS}/5-running.png` });
    assert.ok(low < 0.3, `pitch at the bottom-left is ${low}, expected near 0.1`);
    assert.ok(high > 0.7, `pitch at the top-right is ${high}, expected near 0.9`);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await served.stop();
  }
});
