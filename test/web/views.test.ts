import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { needsChromium } from '../browser/chromium.ts';
import { OscPeer } from '../node/osc/udp.ts';
import { PageClient } from '../node/server/page-client.ts';
import { withStudio } from './studio-process.ts';

const SHOTS = 'test-results/studio-views';

test('the examples table edits, deletes and undoes; a model is judged and edited; the OSC monitor shows what came in and what was turned away', { timeout: 180_000 }, async (t) => {
  if (!needsChromium(t)) return;
  mkdirSync(SHOTS, { recursive: true });
  await withStudio(async (served, browser) => {
    // A small classifier project, recorded as a patch would: two clusters, two classes.
    const setup = await PageClient.open(served.url.replace(/^http/, 'ws').replace(/\/$/, '/socket'));
    await setup.ask({ do: 'newProject', name: 'Poses', inputs: ['x', 'y'], outputs: [{ kind: 'classifier', name: 'pose', classes: 2, model: 'knn' }] });
    for (const pose of [1, 2]) {
      await setup.ask({ do: 'setValue', output: 0, value: pose });
      await setup.ask({ do: 'record', on: true });
      for (let k = 0; k < 10; k++) setup.sendRaw(Buffer.from(new Float64Array([pose + k * 0.01, pose - k * 0.01]).buffer));
      await setup.next((m) => m.type === 'counts' && m.counts[0] === pose * 10);
      await setup.ask({ do: 'record', on: false });
    }
    setup.close();

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(served.url);
    await page.getByRole('button', { name: /Keep “Poses” as it is/ }).click();

    await page.getByRole('tab', { name: 'Examples' }).click();
    await page.getByRole('button', { name: 'Change pose of example 1 (1)' }).click();
    await page.getByRole('spinbutton', { name: 'New value of pose for example 1' }).fill('2');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Change pose of example 1 (2)' }).waitFor();
    await page.getByRole('checkbox', { name: 'Select example 2', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Select example 3', exact: true }).check();
    await page.getByRole('button', { name: 'Delete 2 selected' }).click();
    await page.getByText('18 of 18').waitFor();
    await page.getByRole('button', { name: 'Undo' }).first().click();
    await page.getByText('20 of 20').waitFor();
    await page.getByLabel('Recording').selectOption('2');
    await page.getByText('10 of 20').waitFor();
    await page.screenshot({ path: `${SHOTS}/examples.png` });

    await page.getByRole('tab', { name: 'Judge' }).click();
    await page.getByLabel('How').selectOption('5');
    await page.getByRole('button', { name: 'Judge' }).click();
    const report = page.getByTestId('evaluation');
    await report.waitFor();
    assert.match((await report.textContent())!, /\d+\.\d% correct/);
    assert.equal(await report.getByRole('row').count(), 3); // header and one row per class
    await page.screenshot({ path: `${SHOTS}/judge.png` });

    await page.getByRole('tab', { name: 'Models' }).click();
    await page.getByRole('combobox', { name: 'Model of pose' }).selectOption('j48');
    await page.getByRole('button', { name: 'Use these settings' }).click();
    await page.getByRole('status').filter({ hasText: 'pose now uses j48; train to use it' }).waitFor(); // announced
    await page.getByRole('checkbox', { name: 'pose reads y' }).uncheck();
    await page.screenshot({ path: `${SHOTS}/models.png` });

    await page.getByRole('tab', { name: 'OSC' }).click();
    await page.getByText(/Nothing yet/).waitFor();
    const patch = await OscPeer.open();
    try {
      await patch.send(served.oscPort, { address: '/wek/inputs', args: [0.5, 0.25] });
      await patch.send(served.oscPort, { address: '/wek/inputs', args: [0.5] });
      await patch.send(served.oscPort, { address: '/somewhere/else', args: [] });
      const log = page.getByTestId('osc-log');
      await log.getByText('/wek/inputs 0.5 0.25').waitFor();
      await log.getByText(/expected 2 input values, got 1/).waitFor();
      await log.getByText(/"\/somewhere\/else" is not an address Oscine knows/).first().waitFor();
    } finally {
      await patch.close();
    }
    await page.screenshot({ path: `${SHOTS}/osc.png` });
  });
});
