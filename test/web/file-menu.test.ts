import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { needsChromium } from '../browser/chromium.ts';
import { PageClient } from '../node/server/page-client.ts';
import { classifierOutput, currentData, inputConfig, numericOutput, outputConfig, wekproj, writeFolder } from '../core/project/wekinator-fixtures.ts';
import { withStudio } from './studio-process.ts';

const SHOTS = 'test-results/studio-files';

const notice = (page: Page, text: string | RegExp) => page.getByRole('listitem').filter({ hasText: text }).first().waitFor();
const examples = async (page: Page) => (await page.getByTestId('example-total').textContent())!;

/** Chooses a file for one of the Files dialog's upload buttons. */
async function upload(page: Page, label: string, name: string, text: string): Promise<void> {
  await page.getByLabel(label).setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
}

/** Clicks an export button and gives the file the browser saves. */
async function exported(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

test('the Files dialog imports examples from CSV and ARFF, says what is wrong with a bad file, exports both, and imports a Wekinator folder', { timeout: 180_000 }, async (t) => {
  if (!needsChromium(t)) return;
  mkdirSync(SHOTS, { recursive: true });
  await withStudio(async (served, browser) => {
    const patch = await PageClient.open(served.socket);
    await patch.ask({ do: 'newProject', name: 'Bowing', inputs: ['bow', 'finger'], outputs: [{ kind: 'continuous', name: 'pitch', min: 0, max: 24 }, { kind: 'classifier', name: 'articulation', classes: 3 }] });
    patch.close();

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(served.url);
    await page.getByRole('button', { name: /Keep “Bowing” as it is/ }).click();
    await page.getByRole('button', { name: 'Files…' }).click();

    await upload(page, 'Examples (ARFF or CSV)…', 'takes.csv', 'bow,finger,pitch\n0.1,0.2,3\n0.4,0.5,7\n');
    await notice(page, 'Added 2 examples from takes.csv as recording round 1; no column for articulation');
    assert.equal(await examples(page), '2 examples');
    const arff = ['@relation takes', '@attribute bow numeric', '@attribute finger numeric', '@attribute pitch numeric', '@attribute articulation {1,2,3}', '@data', '0.7,0.8,12,2', '0.9,0.1,20,3', '0.5,0.5,10,1', ''].join('\n');
    await upload(page, 'Examples (ARFF or CSV)…', 'more.arff', arff);
    await notice(page, 'Added 3 examples from more.arff as recording round 2');
    assert.equal(await examples(page), '5 examples');

    await upload(page, 'Examples (ARFF or CSV)…', 'other.csv', 'a,b\n1,2\n');
    await notice(page, /other\.csv has no column for the inputs 'bow', 'finger'/);
    await upload(page, 'Examples (ARFF or CSV)…', 'broken.arff', '@relation x\n@attribute bow numeric\n@data\n1,2,3\n');
    await notice(page, /broken\.arff, line 4/);
    await upload(page, 'Examples (ARFF or CSV)…', 'notes.txt', 'hello');
    await notice(page, 'notes.txt: the studio reads .arff and .csv files of examples');
    assert.equal(await examples(page), '5 examples', 'a refused file adds nothing');
    await page.screenshot({ path: `${SHOTS}/imported.png` });

    const asArff = await exported(page, 'ARFF (Wekinator, Weka)');
    assert.equal(asArff.name, 'Bowing.arff');
    assert.match(asArff.text, /@attribute pitch numeric/i);
    assert.equal(asArff.text.split('@data')[1].trim().split('\n').length, 5);
    const asCsv = await exported(page, 'CSV');
    assert.equal(asCsv.name, 'Bowing.csv');
    const [header, ...rows] = asCsv.text.trim().split('\n');
    assert.equal(header, 'id,time,round,bow,finger,pitch,articulation');
    assert.equal(rows.length, 5);
    assert.deepEqual(rows.map((row) => row.split(',').slice(2).join(',')), ['1,0.1,0.2,3,?', '1,0.4,0.5,7,?', '2,0.7,0.8,12,2', '2,0.9,0.1,20,3', '2,0.5,0.5,10,1']);

    const folder = writeFolder(join(served.dir, 'upload', 'Strings'), 'Strings', {
      project: wekproj('Strings', 7000),
      inputs: inputConfig(['bow', 'finger']),
      outputs: outputConfig([numericOutput('pitch', 0, 24), classifierOutput('articulation', 3)]),
      data: currentData(['bow', 'finger'], [['pitch', 'numeric'], ['articulation', '{0,1,2,3}']], ["1,'2021/03/04 05:06:07:008',1,0.1,0.2,3,1", "2,'2021/03/04 05:06:07:108',1,0.2,0.3,5,2"]),
    });
    await page.getByLabel('Wekinator project folder…').setInputFiles(folder);
    await notice(page, 'Imported the Wekinator project as Strings.oscine; train to make its models');
    await page.getByRole('button', { name: /Keep “Strings” as it is/ }).click();
    assert.equal(await examples(page), '2 examples');
    await page.screenshot({ path: `${SHOTS}/wekinator.png` });
    assert.deepEqual(errors, []);
  });
});
