import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { needsChromium } from '../browser/chromium.ts';
import { withStudio } from './studio-process.ts';

const SHOTS = 'test-results/studio-gestures';

type Point = readonly [x: number, y: number];
const ACROSS: readonly [Point, Point] = [
  [0.15, 0.5],
  [0.85, 0.5],
];
const DOWN: readonly [Point, Point] = [
  [0.5, 0.15],
  [0.5, 0.85],
];

/** A stroke moved by (dx, dy): no hand draws the same stroke twice. */
const shifted = ([from, to]: readonly [Point, Point], dx: number, dy: number): [Point, Point] => [
  [from[0] + dx, from[1] + dy],
  [to[0] + dx, to[1] + dy],
];

/** Places the mouse at a point of the play area (fractions of its width and height from its top-left). */
async function moveTo(page: Page, [x, y]: Point): Promise<void> {
  const box = (await page.getByTestId('play-area').boundingBox())!;
  await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
}

/** Draws a straight stroke across the play area at a hand's pace (about half a second). */
async function draw(page: Page, [from, to]: readonly [Point, Point]): Promise<void> {
  const steps = 30;
  for (let i = 0; i <= steps; i++) {
    await moveTo(page, [from[0] + ((to[0] - from[0]) * i) / steps, from[1] + ((to[1] - from[1]) * i) / steps]);
    await page.waitForTimeout(16);
  }
}

/** As a musician with one hand on the mouse does: focus the gesture's button, hold Space on it while drawing. */
async function recordWithSpace(page: Page, gesture: string, stroke: readonly [Point, Point], count: number): Promise<void> {
  const button = page.getByRole('button', { name: `Hold to record ${gesture}` });
  await button.focus();
  await moveTo(page, stroke[0]);
  await page.waitForTimeout(100);
  await page.keyboard.down('Space');
  await page.getByRole('button', { name: `Hold to record ${gesture}`, pressed: true }).waitFor();
  await draw(page, stroke);
  await page.keyboard.up('Space');
  await page.getByTestId(`gesture-0-${gestureIndex(gesture)}`).getByText(`${count} template`).waitFor();
}

const gestureIndex = (name: string) => ['across', 'down', 'circle'].indexOf(name);

/** Keeps, in the page, the fullest each match bar has been and how often each gesture fired. */
async function watchBars(page: Page): Promise<void> {
  await page.evaluate(() => {
    const fullest: Record<string, number> = {};
    (window as unknown as { fullest: Record<string, number> }).fullest = fullest;
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('[role="meter"][data-testid^="match-"]')) {
        const id = bar.getAttribute('data-testid')!;
        fullest[id] = Math.max(fullest[id] ?? 0, Number(bar.getAttribute('aria-valuenow')));
      }
    }).observe(document.body, { subtree: true, attributes: true, childList: true });
  });
}

const fullest = (page: Page) => page.evaluate(() => (window as unknown as { fullest: Record<string, number> }).fullest);
const firings = async (page: Page, k: number) => Number(await page.getByTestId(`match-0-${k}`).getAttribute('data-fired'));

test('gestures in the studio: hold-to-record two mouse strokes, see the counts rise, run, perform one and see its bar fill and it fire; a threshold set in one tab shows in another', { timeout: 180_000 }, async (t) => {
  if (!needsChromium(t)) return;
  mkdirSync(SHOTS, { recursive: true });
  await withStudio(async (served, browser) => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(served.url);
    await page.getByRole('button', { name: /Mouse → gestures/ }).click();
    await page.getByRole('button', { name: 'Hold to record across' }).waitFor();
    await page.getByRole('button', { name: 'Stop inputs' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/1-made.png` });

    // Held by the pointer: press the button, draw in the play area, let go there (the button keeps the pointer).
    const circle = page.getByRole('button', { name: 'Hold to record circle' });
    await circle.hover();
    await page.mouse.down();
    await page.getByRole('button', { name: 'Hold to record circle', pressed: true }).waitFor();
    await draw(page, ACROSS);
    await page.mouse.up();
    await page.getByTestId('templates-0-2').filter({ hasText: '1 template' }).waitFor();
    // …and its templates can be deleted (that one was only to try the pointer).
    await page.getByRole('button', { name: 'Delete the templates of circle' }).click();
    await page.getByTestId('templates-0-2').filter({ hasText: '0 templates' }).waitFor();

    for (const [n, offset] of [
      [1, -0.05],
      [2, 0.05],
    ] as const) {
      await recordWithSpace(page, 'across', shifted(ACROSS, 0, offset), n);
      await recordWithSpace(page, 'down', shifted(DOWN, offset, 0), n);
    }
    const learned = await page.getByRole('spinbutton', { name: 'Threshold of across' }).inputValue();
    assert.ok(Number(learned) > 0, `learned threshold of across: '${learned}'`);
    await page.screenshot({ path: `${SHOTS}/2-recorded.png` });

    // Training has nothing to do for gestures, and says so.
    await page.getByRole('button', { name: /^Train/ }).click();
    await page.getByRole('listitem').getByText('Gesture outputs learn as soon as you record a gesture').waitFor();

    await page.getByRole('button', { name: /^Run/ }).click();
    await page.getByRole('button', { name: /Stop running/ }).waitFor();
    await watchBars(page);
    await moveTo(page, ACROSS[0]);
    await page.waitForTimeout(300);
    await draw(page, ACROSS);
    await page.getByTestId('match-0-0').and(page.locator('[data-fired="1"]')).waitFor();
    await page.screenshot({ path: `${SHOTS}/3-across-fired.png` });
    await page.waitForTimeout(300);
    const bars = await fullest(page);
    assert.ok(bars['match-0-0'] > 0.5, `the bar of across filled past its threshold: ${JSON.stringify(bars)}`);
    assert.equal(await firings(page, 1), 0, 'down did not fire');
    assert.equal(await firings(page, 2), 0, 'circle (no templates) did not fire');

    // A threshold set in one tab is the threshold in the other.
    const second = await context.newPage();
    await second.goto(served.url);
    await second.getByRole('spinbutton', { name: 'Threshold of down' }).waitFor();
    await page.getByRole('spinbutton', { name: 'Threshold of down' }).fill('0.125');
    await page.getByRole('spinbutton', { name: 'Threshold of down' }).press('Tab');
    await second.getByRole('button', { name: 'Use the learned threshold of down' }).waitFor();
    assert.equal(await second.getByRole('spinbutton', { name: 'Threshold of down' }).inputValue(), '0.125');
    await second.screenshot({ path: `${SHOTS}/4-second-tab.png` });
    await second.getByRole('button', { name: 'Use the learned threshold of down' }).click();
    await page.getByTestId('gesture-0-1').getByText('learned').waitFor();

    // The views made for examples and models take a project with no model output in their stride.
    for (const tab of ['Examples', 'Judge', 'Models', 'Teach & play']) await page.getByRole('tab', { name: tab }).click();
    await page.getByRole('button', { name: 'Hold to record across' }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
});

test('the setup form makes gesture outputs beside model outputs: named gestures, and the sliders of the others', { timeout: 120_000 }, async (t) => {
  if (!needsChromium(t)) return;
  await withStudio(async (served, browser) => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(served.url);
    await page.getByRole('button', { name: /Custom…/ }).click();
    await page.getByRole('combobox', { name: 'Type of output 1' }).selectOption('gesture');
    await page.getByRole('textbox', { name: 'Name of output 1' }).fill('strokes');
    await page.getByRole('textbox', { name: 'Gestures of output 1: how many, or their names' }).fill('circle, swipe');
    await page.getByRole('combobox', { name: 'Matching of output 1' }).selectOption('once');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('button', { name: 'Hold to record swipe' }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Hold to record/ }).count(), 2);
    await page.getByText('matched once when running stops').waitFor();
    await page.getByRole('slider', { name: 'Value of harmonicity' }).waitFor();
    assert.deepEqual(errors, []);
  });
});
