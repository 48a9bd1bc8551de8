import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { needsChromium } from '../browser/chromium.ts';
import { PageClient } from '../node/server/page-client.ts';
import { withStudio } from './studio-process.ts';

const PHONE_INPUTS = [
  'phone-acceleration-x', 'phone-acceleration-y', 'phone-acceleration-z',
  'phone-rotation-alpha', 'phone-rotation-beta', 'phone-rotation-gamma',
  'phone-orientation-alpha', 'phone-orientation-beta', 'phone-orientation-gamma',
];

/** A phone's sensors, about 60 readings a second, from the moment the page loads. */
function phoneSensors(): void {
  setInterval(() => {
    window.dispatchEvent(new DeviceMotionEvent('devicemotion', { accelerationIncludingGravity: { x: 1, y: 2, z: 9.8 }, rotationRate: { alpha: 10, beta: 20, gamma: 30 }, interval: 16 }));
    window.dispatchEvent(new DeviceOrientationEvent('deviceorientation', { alpha: 90, beta: 45, gamma: -30 }));
  }, 16);
}

test('a phone opens the studio over https with the token: the page is a secure context and its motion becomes the project’s inputs', { timeout: 120_000 }, async (t) => {
  if (!needsChromium(t)) return;
  mkdirSync('test-results', { recursive: true });
  await withStudio(
    async (served, browser) => {
      assert.match(served.url, /^https:\/\//);
      assert.match(served.process.stdout, /a phone warns once that the connection is not private/);
      const patch = await PageClient.open(served.socket, {}, served.ca);
      try {
        await patch.ask({ do: 'newProject', name: 'Tilt', inputs: PHONE_INPUTS, outputs: [{ kind: 'continuous', name: 'filter', min: 0, max: 1 }] });

        const phone = await browser.newPage({ viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true });
        await phone.addInitScript({ content: 'globalThis.__name = (target) => target;' });
        await phone.addInitScript(phoneSensors);
        const errors: string[] = [];
        phone.on('pageerror', (error) => errors.push(error.message));
        assert.equal((await phone.goto(served.local))?.status(), 200);
        assert.equal(await phone.evaluate(() => window.isSecureContext), true);
        await phone.getByRole('button', { name: /Keep “Tilt” as it is/ }).click();
        await phone.getByText('From OSC only').click();
        await phone.getByRole('checkbox', { name: 'Phone motion and orientation' }).check();
        const from = patch.heard.length;
        await phone.getByRole('button', { name: 'Start inputs' }).click();
        await phone.getByRole('button', { name: 'Stop inputs' }).waitFor();
        const heard = await patch.next((m) => m.type === 'inputs', from);
        assert.deepEqual(heard, { type: 'inputs', values: [1, 2, 9.8, 10, 20, 30, 90, 45, -30] });
        await phone.screenshot({ path: 'test-results/studio-phone-https.png' });
        assert.deepEqual(errors, []);
      } finally {
        patch.close();
      }
    },
    ['--host', '0.0.0.0'],
  );
});
