import { test } from 'node:test';
import assert from 'node:assert/strict';
import { studioTabs } from './studio-page.ts';
import './page-types.ts';

const openPage = studioTabs();

test('every input in the menu has a unique id, a label and names, and is the source it says', async (t) => {
  const page = await openPage(t);
  if (!page) return;
  const kinds = await page.evaluate(() =>
    window.oscine.inputKinds.map((kind) => {
      const source = kind.create({ element: document.body });
      return { kind: kind.id, label: kind.label, source: source.id, names: source.names.length, unique: new Set(source.names).size };
    }),
  );
  assert.deepEqual(
    kinds.map((kind) => kind.kind),
    ['mouse', 'webcam-grid', 'webcam-colours', 'webcam-motion', 'webcam-motion-regions', 'microphone', 'gamepad', 'midi-in', 'phone-motion'],
  );
  for (const kind of kinds) {
    assert.equal(kind.source, kind.kind);
    assert.ok(kind.label.length > 0);
    assert.ok(kind.names > 0 && kind.unique === kind.names, `${kind.kind} has ${kind.names} names, ${kind.unique} unique`);
  }
  assert.deepEqual(
    Object.fromEntries(kinds.map((kind) => [kind.kind, kind.names])),
    { mouse: 2, 'webcam-grid': 100, 'webcam-colours': 27, 'webcam-motion': 1, 'webcam-motion-regions': 9, microphone: 17, gamepad: 21, 'midi-in': 23, 'phone-motion': 9 },
  );
});

test('mouse frames follow the pointer over the play area, y up, clamped at its edges', async (t) => {
  const page = await openPage(t);
  if (!page) return;
  await page.evaluate(() => window.oscine.watch('mouse', window.oscine.createMouseInput({ element: document.getElementById('pad')! }), true));
  // The pad is 400 × 200 pixels at (100, 50).
  const after = async (x: number, y: number) => {
    await page.mouse.move(x, y);
    const count = await page.evaluate(() => window.oscine.watched.mouse.count);
    await page.waitForFunction((seen) => window.oscine.watched.mouse.count > seen + 1, count);
    return (await page.evaluate(() => window.oscine.watched.mouse.latest)).map((value) => Math.round(value * 1e9) / 1e9);
  };
  assert.deepEqual(await after(300, 150), [0.5, 0.5]);
  assert.deepEqual(await after(150, 230), [0.125, 0.1]);
  assert.deepEqual(await after(700, 10), [1, 1]);

  // Frames keep coming while the pointer rests, so a held position records as many examples.
  const resting = await page.evaluate(() => window.oscine.watched.mouse.count);
  await page.waitForFunction((seen) => window.oscine.watched.mouse.count > seen + 10, resting);

  await page.evaluate(() => window.oscine.unwatch('mouse'));
  const stopped = await page.evaluate(() => window.oscine.watched.mouse.count);
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.oscine.watched.mouse.count), stopped, 'no frames after stop()');
});

test('without a gamepad, start() says to connect one and press a button', async (t) => {
  const page = await openPage(t);
  if (!page) return;
  const message = await page.evaluate(() => window.oscine.failureOf(window.oscine.createGamepadInput().start(() => {})));
  assert.match(message, /No gamepad found.*press any of its buttons/);
});

test('gamepad frames carry the axes then the buttons of the first pad, and follow it', async (t) => {
  const page = await openPage(t, () => {
    const buttons = Array.from({ length: 17 }, () => ({ pressed: false, touched: false, value: 0 }));
    const pad = { id: 'Fake pad', index: 1, connected: true, mapping: 'standard', axes: [0.5, -0.25, 0, 1], buttons, timestamp: 0, vibrationActuator: null };
    Object.assign(window, { fakePad: pad });
    Object.defineProperty(navigator, 'getGamepads', { value: () => [null, pad, null, null], configurable: true });
  });
  if (!page) return;
  await page.evaluate(() => window.oscine.watch('pad', window.oscine.createGamepadInput()));
  await page.waitForFunction(() => window.oscine.watched.pad.count > 0);
  const first = await page.evaluate(() => window.oscine.watched.pad.latest);
  assert.equal(first.length, 21);
  assert.deepEqual(first.slice(0, 4), [0.5, -0.25, 0, 1]);
  assert.ok(first.slice(4).every((value) => value === 0));

  await page.evaluate(() => {
    const pad = (window as unknown as { fakePad: { axes: number[]; buttons: { value: number }[] } }).fakePad;
    pad.axes[2] = -1;
    pad.buttons[0].value = 1;
    pad.buttons[7].value = 0.5;
  });
  await page.waitForFunction(() => window.oscine.watched.pad.latest[2] === -1);
  const moved = await page.evaluate(() => window.oscine.watched.pad.latest);
  assert.equal(moved[4], 1, 'button 1');
  assert.equal(moved[4 + 7], 0.5, 'button 8 (a trigger), half pressed');
  await page.evaluate(() => window.oscine.unwatch('pad'));
});

test('phone motion frames carry acceleration, rotation rate and orientation from the device events', async (t) => {
  const page = await openPage(t);
  if (!page) return;
  const names = await page.evaluate(() => window.oscine.createPhoneMotion().names);
  assert.equal(names.length, 9);
  await page.evaluate(async () => {
    // A phone sends its readings about 60 times a second.
    const sensors = setInterval(() => {
      window.dispatchEvent(
        new DeviceMotionEvent('devicemotion', { accelerationIncludingGravity: { x: 1, y: 2, z: 9.8 }, rotationRate: { alpha: 10, beta: 20, gamma: 30 }, interval: 16 }),
      );
      window.dispatchEvent(new DeviceOrientationEvent('deviceorientation', { alpha: 90, beta: 45, gamma: -30 }));
    }, 16);
    await window.oscine.watch('phone', window.oscine.createPhoneMotion());
    clearInterval(sensors);
  });
  await page.waitForFunction(() => window.oscine.watched.phone.count > 0);
  assert.deepEqual(await page.evaluate(() => window.oscine.watched.phone.latest), [1, 2, 9.8, 10, 20, 30, 90, 45, -30]);
  await page.evaluate(() => window.dispatchEvent(new DeviceOrientationEvent('deviceorientation', { alpha: 180, beta: 0, gamma: 10 })));
  await page.waitForFunction(() => window.oscine.watched.phone.latest[6] === 180);
  await page.evaluate(() => window.oscine.unwatch('phone'));
});

test('phone motion says when no sensor answers, and when the phone refuses access', async (t) => {
  const page = await openPage(t);
  if (!page) return;
  const silent = await page.evaluate(() =>
    window.oscine.failureOf(window.oscine.createPhoneMotion({ waitMs: 200 }).start(() => {})),
  );
  assert.match(silent, /No motion sensor answered/);
  const refused = await page.evaluate(() => {
    // iOS asks the player; here the player says no.
    Object.assign(DeviceMotionEvent, { requestPermission: () => Promise.resolve('denied') });
    return window.oscine.failureOf(window.oscine.createPhoneMotion().start(() => {}));
  });
  assert.match(refused, /Motion access was refused.*settings/);
});
