import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { studioTabs } from './studio-page.ts';
import './page-types.ts';

const openPage = studioTabs();

/**
 * Replaces the camera with a canvas the test paints: `paintCamera(true)` white on the left half
 * and black on the right, `paintCamera(false)` the other way round.
 */
function injectPaintedCamera(): void {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 240;
  const drawing = canvas.getContext('2d')!;
  const paint = (whiteOnLeft: boolean) => {
    drawing.fillStyle = whiteOnLeft ? '#fff' : '#000';
    drawing.fillRect(0, 0, 160, 240);
    drawing.fillStyle = whiteOnLeft ? '#000' : '#fff';
    drawing.fillRect(160, 0, 160, 240);
  };
  let whiteOnLeft = true;
  // A canvas stream only sends a frame when the canvas is painted: repaint, as a camera would.
  setInterval(() => paint(whiteOnLeft), 20);
  Object.assign(window, { paintCamera: (white: boolean) => paint((whiteOnLeft = white)) });
  Object.defineProperty(navigator.mediaDevices, 'getUserMedia', { value: () => Promise.resolve(canvas.captureStream(30)), configurable: true });
}

async function framesFrom(page: Page, name: string, count: number): Promise<number[]> {
  await page.waitForFunction(([watchedName, atLeast]) => (window.oscine.watched[watchedName]?.count ?? 0) >= atLeast, [name, count] as const, {
    timeout: 10_000,
  });
  return page.evaluate((watchedName) => window.oscine.watched[watchedName].latest, name);
}

test('webcam grid: 100 brightness values in 0..1 from the fake camera, and 27 colours for a 3 × 3 grid', async (t) => {
  const page = await openPage(t);
  if (!page) return;
  await page.evaluate(() => window.oscine.watch('grid', window.oscine.createWebcamGrid()));
  const grid = await framesFrom(page, 'grid', 3);
  assert.equal(grid.length, 100);
  assert.ok(grid.every((value) => value >= 0 && value <= 1));
  assert.ok(grid.some((value) => value > 0.05), 'the fake camera shows something');
  await page.evaluate(() => window.oscine.unwatch('grid'));

  await page.evaluate(() => window.oscine.watch('colours', window.oscine.createWebcamGrid({ columns: 3, rows: 3, colour: true })));
  const colours = await framesFrom(page, 'colours', 3);
  assert.equal(colours.length, 27);
  assert.ok(colours.every((value) => value >= 0 && value <= 1));
  await page.evaluate(() => window.oscine.unwatch('colours'));
});

test('webcam grid reads a known picture as a mirror: white on the camera\'s left shows on the right', async (t) => {
  const page = await openPage(t, injectPaintedCamera);
  if (!page) return;
  await page.evaluate(() => window.oscine.watch('grid', window.oscine.createWebcamGrid({ columns: 4, rows: 2 })));
  const grid = (await framesFrom(page, 'grid', 3)).map((value) => Math.round(value * 100) / 100);
  assert.deepEqual(grid, [0, 0, 1, 1, 0, 0, 1, 1]);
  await page.evaluate(() => window.oscine.unwatch('grid'));
});

test('webcam motion is 0 for a still picture and rises when it changes, per region', async (t) => {
  const page = await openPage(t, injectPaintedCamera);
  if (!page) return;
  await page.evaluate(() => window.oscine.watch('motion', window.oscine.createWebcamMotion({ columns: 2, rows: 1 }), true));
  await framesFrom(page, 'motion', 5);
  assert.deepEqual(await framesFrom(page, 'motion', 6), [0, 0], 'still');

  // Flip the picture every 50 ms: both halves change completely.
  await page.evaluate(() => {
    let white = false;
    const flip = setInterval(() => (window as unknown as { paintCamera(white: boolean): void }).paintCamera((white = !white)), 50);
    setTimeout(() => clearInterval(flip), 1000);
  });
  await page.waitForTimeout(1200);
  const frames = await page.evaluate(() => window.oscine.watched.motion.frames);
  const loudest = frames.reduce((most, frame) => Math.max(most, ...frame), 0);
  assert.ok(loudest > 0.5, `a flipping picture moves: ${loudest}`);
  assert.ok(frames.every((frame) => frame.length === 2 && frame.every((value) => value >= 0 && value <= 1)));
  await page.evaluate(() => window.oscine.unwatch('motion'));
});

test('webcam motion reacts to the fake camera\'s moving picture', async (t) => {
  const page = await openPage(t);
  if (!page) return;
  await page.evaluate(() => window.oscine.watch('motion', window.oscine.createWebcamMotion(), true));
  await framesFrom(page, 'motion', 20);
  const frames = await page.evaluate(() => window.oscine.watched.motion.frames);
  assert.ok(frames.some((frame) => frame[0] > 0), 'the fake camera\'s animation is seen as motion');
  await page.evaluate(() => window.oscine.unwatch('motion'));
});

test('a refused camera or microphone gives a message that says how to allow it, every time it is started', async (t) => {
  const page = await openPage(t, () => {
    Object.defineProperty(navigator.mediaDevices, 'getUserMedia', {
      value: () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError')),
    });
  });
  if (!page) return;
  const messages = await page.evaluate(async () => {
    const camera = window.oscine.createWebcamGrid();
    const microphone = window.oscine.createMicrophone();
    // A second try asks again (the musician may have changed the setting meanwhile).
    return [
      await window.oscine.failureOf(camera.start(() => {})),
      await window.oscine.failureOf(camera.start(() => {})),
      await window.oscine.failureOf(microphone.start(() => {})),
    ];
  });
  assert.match(messages[0], /not allowed to use the camera\. Allow the camera for this page/);
  assert.equal(messages[1], messages[0]);
  assert.match(messages[2], /not allowed to use the microphone/);
});

test('microphone: 17 finite features per frame from the fake microphone', async (t) => {
  const page = await openPage(t);
  if (!page) return;
  await page.evaluate(() => window.oscine.watch('mic', window.oscine.createMicrophone()));
  const frame = await framesFrom(page, 'mic', 10);
  assert.equal(frame.length, 17);
  assert.ok(frame.every(Number.isFinite));
  const names = await page.evaluate(() => window.oscine.createMicrophone().names);
  assert.deepEqual(names.slice(0, 4), ['mic-loudness', 'mic-centroid', 'mic-flatness', 'mic-mfcc-1']);
  assert.equal(names[16], 'mic-pitch');
  await page.evaluate(() => window.oscine.unwatch('mic'));
});

/** Plays a tone (or noise) into the microphone input through a stream, and returns its features after a while. */
async function listenTo(page: Page, sound: { frequency?: number; noise?: boolean }): Promise<Record<string, number>> {
  return page.evaluate(async ({ frequency, noise }) => {
    const context = new AudioContext();
    const destination = context.createMediaStreamDestination();
    let source: AudioScheduledSourceNode;
    if (noise) {
      const buffer = context.createBuffer(1, context.sampleRate, context.sampleRate);
      const samples = buffer.getChannelData(0);
      for (let i = 0; i < samples.length; i++) samples[i] = Math.random() * 2 - 1;
      source = Object.assign(context.createBufferSource(), { buffer, loop: true });
    } else {
      source = Object.assign(context.createOscillator(), { type: 'sine' });
      (source as OscillatorNode).frequency.value = frequency ?? 440;
    }
    const level = context.createGain();
    level.gain.value = 0.5;
    source.connect(level).connect(destination);
    source.start();
    const input = window.oscine.createMicrophone({ stream: destination.stream });
    await window.oscine.watch('tone', input);
    await new Promise((done) => setTimeout(done, 700));
    const latest = window.oscine.watched.tone.latest;
    window.oscine.unwatch('tone');
    await context.close();
    return Object.fromEntries(input.names.map((name, i) => [name, latest[i]]));
  }, sound);
}

test('microphone pitch of a 440 Hz and a 880 Hz tone is A4 and A5 within 5 cents; noise is flatter than a tone', async (t) => {
  const page = await openPage(t);
  if (!page) return;
  const a4 = await listenTo(page, { frequency: 440 });
  assert.ok(Math.abs(a4['mic-pitch'] - 69) < 0.05, `440 Hz heard as note ${a4['mic-pitch']}`);
  assert.ok(a4['mic-loudness'] > 1, `loudness ${a4['mic-loudness']}`);
  assert.ok(a4['mic-centroid'] > 300 && a4['mic-centroid'] < 1500, `centroid ${a4['mic-centroid']} Hz`);
  const a5 = await listenTo(page, { frequency: 880 });
  assert.ok(Math.abs(a5['mic-pitch'] - 81) < 0.05, `880 Hz heard as note ${a5['mic-pitch']}`);
  assert.ok(a5['mic-centroid'] > a4['mic-centroid'], 'a higher tone is brighter');
  const noise = await listenTo(page, { noise: true });
  assert.ok(noise['mic-flatness'] > a4['mic-flatness'] + 0.2, `flatness: noise ${noise['mic-flatness']}, tone ${a4['mic-flatness']}`);
  assert.equal(noise['mic-pitch'], 0, 'noise has no pitch');
});

test('the pitch estimator finds a sawtooth rendered by an OscillatorNode within 3 cents', async (t) => {
  const page = await openPage(t);
  if (!page) return;
  const found = await page.evaluate(async () => {
    const results: [number, number][] = [];
    for (const frequency of [110, 233.08, 523.25]) {
      const context = new OfflineAudioContext(1, 4096, 44100);
      const oscillator = new OscillatorNode(context, { type: 'sawtooth', frequency });
      oscillator.connect(context.destination);
      oscillator.start();
      const rendered = await context.startRendering();
      results.push([frequency, new window.oscine.PitchDetector(44100, 2048).detect(rendered.getChannelData(0))]);
    }
    return results;
  });
  for (const [frequency, heard] of found) {
    const cents = 1200 * Math.log2(heard / frequency);
    assert.ok(Math.abs(cents) < 3, `${frequency} Hz heard as ${heard} Hz (${cents.toFixed(2)} cents)`);
  }
});
