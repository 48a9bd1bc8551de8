import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needsChromium } from '../browser/chromium.ts';
import { PageClient } from '../node/server/page-client.ts';
import { getSecurely } from '../node/server/secure-get.ts';
import { withStudio } from './studio-process.ts';

test('with --host 0.0.0.0 the studio needs the pairing token, and shows its address as a QR code', { timeout: 120_000 }, async (t) => {
  if (!needsChromium(t)) return;
  await withStudio(
    async (served, browser) => {
      const printed = new URL(served.url);
      const token = printed.searchParams.get('token');
      assert.ok(token, `no token in ${served.url}`);
      assert.equal(printed.protocol, 'https:');
      const bare = `https://127.0.0.1:${printed.port}/`;
      const refused = await getSecurely(bare, served.ca!);
      assert.deepEqual([refused.status, refused.body], [403, '']);
      const page = await browser.newPage();
      await assert.rejects(page.goto(bare), /ERR_HTTP_RESPONSE_CODE_FAILURE/);
      await assert.rejects(PageClient.open(`wss://127.0.0.1:${printed.port}/socket`, {}, served.ca), /403/);

      await page.close();
      const paired = await browser.newPage();
      assert.equal((await paired.goto(served.local))?.status(), 200);
      await paired.getByRole('heading', { name: 'Make an instrument' }).waitFor();
      await paired.getByRole('button', { name: 'Connect a phone…' }).click();
      await paired.getByRole('img', { name: /QR code/ }).waitFor();
      assert.equal(await paired.getByTestId('pairing-url').textContent(), served.url);
      await paired.screenshot({ path: 'test-results/studio-pairing.png' });
    },
    ['--host', '0.0.0.0'],
  );
});

test('bad messages on the socket get an error reply, and a refused command is said in the page', { timeout: 120_000 }, async (t) => {
  if (!needsChromium(t)) return;
  await withStudio(async (served, browser) => {
    const page = await browser.newPage();
    await page.goto(served.url);
    await page.getByRole('heading', { name: 'Make an instrument' }).waitFor();
    const replies = await page.evaluate(async () => {
      const socket = new WebSocket(`ws://${location.host}/socket`);
      const heard: { type: string; reason?: string }[] = [];
      socket.onmessage = (event: MessageEvent<string>) => heard.push(JSON.parse(event.data) as { type: string });
      await new Promise((resolve) => (socket.onopen = resolve));
      socket.send('{"id": 1, "do": ');
      socket.send(JSON.stringify({ id: 2, do: 'setValue', output: 0 }));
      socket.send(new Uint8Array(3));
      await new Promise((resolve) => setTimeout(resolve, 500));
      socket.close();
      return heard.filter((m) => m.type !== 'welcome');
    });
    assert.deepEqual(replies, [
      { type: 'error', reason: 'a request must be JSON, like {"id": 1, "do": "train"}' },
      { type: 'reply', id: 2, ok: false, reason: "setValue: 'value': Invalid input: expected number, received undefined" },
      { type: 'error', reason: 'an input frame is a whole number of 64-bit floats; this one has 3 bytes' },
    ]);

    await page.getByRole('button', { name: /Keep “untitled” as it is/ }).click();
    await page.keyboard.press('Space');
    await page.getByText('no model is trained yet; record examples and train first').first().waitFor();
    await page.screenshot({ path: 'test-results/studio-refused.png' });
  });
});
