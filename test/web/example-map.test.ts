import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { needsChromium } from '../browser/chromium.ts';
import { PageClient } from '../node/server/page-client.ts';
import { withStudio } from './studio-process.ts';

const SHOTS = 'test-results/studio-map';
/** ExampleMap's colours of classes 1 and 2. */
const CLASS_COLOURS = [
  [0x6c, 0xb6, 0xff],
  [0xf5, 0xc2, 0x6b],
];

interface Cluster {
  readonly pixels: number;
  readonly x: number;
  readonly y: number;
  /** The farthest pixel of this colour from its centre. */
  readonly spread: number;
}

/** Where the map drew each class's dots: the pixels of exactly that colour. */
function clusters(page: Page): Promise<Cluster[]> {
  return page.getByTestId('example-map').evaluate((canvas: HTMLCanvasElement, colours: number[][]) => {
    const { data, width } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    return colours.map(([r, g, b]) => {
      const points: [number, number][] = [];
      for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b && data[i + 3] === 255) points.push([(i / 4) % width, Math.floor(i / 4 / width)]);
      const x = points.reduce((s, p) => s + p[0], 0) / points.length;
      const y = points.reduce((s, p) => s + p[1], 0) / points.length;
      return { pixels: points.length, x, y, spread: Math.max(0, ...points.map((p) => Math.hypot(p[0] - x, p[1] - y))) };
    });
  }, CLASS_COLOURS);
}

/** Waits until the map shows a picture other than `before`, and is not still mapping. */
function redrawn(page: Page, before: string): Promise<unknown> {
  return page.waitForFunction((b) => document.querySelector<HTMLCanvasElement>('[data-testid=example-map]')?.toDataURL() !== b && !document.body.textContent!.includes('mapping…'), before);
}

const picture = (page: Page) => page.getByTestId('example-map').evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());

/** Two poses far apart in three inputs must be two groups of dots, each tight and apart from the other. */
function assertTwoGroups([one, two]: Cluster[], how: string): void {
  assert.ok(one.pixels > 0 && two.pixels > 0, `${how}: dots of both classes are drawn`);
  const apart = Math.hypot(one.x - two.x, one.y - two.y);
  assert.ok(apart > 2 * Math.max(one.spread, two.spread), `${how}: the classes sit ${apart.toFixed(0)} px apart, but spread ${one.spread.toFixed(0)} and ${two.spread.toFixed(0)} px`);
}

test('the map of the examples: PCA and UMAP put two poses in two groups, coloured by class or by value', { timeout: 180_000 }, async (t) => {
  if (!needsChromium(t)) return;
  mkdirSync(SHOTS, { recursive: true });
  await withStudio(async (served, browser) => {
    const patch = await PageClient.open(served.socket);
    try {
      await patch.ask({ do: 'newProject', name: 'Poses', inputs: ['x', 'y', 'z'], outputs: [{ kind: 'classifier', name: 'pose', classes: 2 }, { kind: 'continuous', name: 'level', min: 0, max: 1 }] });
      for (const pose of [1, 2]) {
        await patch.ask({ do: 'setValue', output: 0, value: pose });
        await patch.ask({ do: 'setValue', output: 1, value: pose === 1 ? 0.1 : 0.9 });
        await patch.ask({ do: 'record', on: true });
        const centre = pose === 1 ? 0 : 1;
        for (let k = 0; k < 20; k++) patch.sendRaw(Buffer.from(new Float64Array([centre + (k % 5) * 0.01, centre - (k % 4) * 0.01, centre + (k % 3) * 0.01]).buffer));
        await patch.next((m) => m.type === 'counts' && m.counts[0] === pose * 20);
        await patch.ask({ do: 'record', on: false });
      }
    } finally {
      patch.close();
    }

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(served.url);
    await page.getByRole('button', { name: /Keep “Poses” as it is/ }).click();
    await page.getByRole('tab', { name: 'Examples' }).click();
    const map = page.getByRole('region', { name: 'Map of the examples' });
    await map.waitFor();
    await redrawn(page, await page.evaluate(() => Object.assign(document.createElement('canvas'), { width: 480, height: 360 }).toDataURL()));
    assertTwoGroups(await clusters(page), 'PCA');
    const pca = await picture(page);
    await page.screenshot({ path: `${SHOTS}/pca.png` });

    await map.getByLabel('Method').selectOption('umap');
    await redrawn(page, pca);
    assertTwoGroups(await clusters(page), 'UMAP');
    await page.screenshot({ path: `${SHOTS}/umap.png` });

    const umap = await picture(page);
    await map.getByLabel('Colour by').selectOption('level');
    await redrawn(page, umap);
    assert.deepEqual((await clusters(page)).map((c) => c.pixels), [0, 0], 'coloured by level, no dot has a class colour');
    await page.screenshot({ path: `${SHOTS}/umap-by-level.png` });

    // A musician who tries UMAP and goes straight back to PCA sees PCA, even when UMAP ends later.
    await map.getByLabel('Colour by').selectOption('pose');
    await map.getByLabel('Method').selectOption('pca');
    await page.waitForFunction((expected) => document.querySelector<HTMLCanvasElement>('[data-testid=example-map]')!.toDataURL() === expected, pca);
    await map.getByLabel('Method').selectOption('umap');
    await map.getByLabel('Method').selectOption('pca');
    await page.waitForTimeout(3000); // UMAP of 40 examples ends well within this
    assert.equal(await picture(page), pca, 'the map still shows PCA');
    assert.equal(await map.getByRole('status').count(), 0, 'nothing is said to be mapping');
    assert.deepEqual(errors, []);
  });
});
