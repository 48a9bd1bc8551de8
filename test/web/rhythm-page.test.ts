import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { midiFromPattern, patternFromMidi } from '../../src/generative/rhythm/midi.ts';
import { DRUMS } from '../../src/generative/rhythm/pattern.ts';
import { starterLoops } from '../../src/generative/rhythm/starter-loops.ts';
import { formatTextGrid } from '../../src/generative/rhythm/text-grid.ts';
import { bend } from '../../src/generative/rhythm/vae/bending.ts';
import { RhythmPlayer } from '../../src/generative/rhythm/vae/rhythm-player.ts';
import { trainRhythmModel } from '../../src/generative/rhythm/vae/train.ts';
import { useWasmBackend } from '../../src/node/rhythm/backend.ts';
import { readRhythmModelFile, writeRhythmModelFile } from '../../src/node/rhythm/model-files.ts';
import { needsChromium } from '../browser/chromium.ts';
import { PageClient } from '../node/server/page-client.ts';
import { withStudio } from './studio-process.ts';

const SHOTS = 'test-results/rhythm-page';
const GROOVES = ['Rock eighths', 'Half-time rock', 'Pop ballad', 'Motown four', 'Disco', 'Punk'];

/** Each drum's hits as the step view shows them: "tick@velocity" in tick order. */
type Steps = Record<string, string[]>;

/** What the test reaches in the page: MIDI sent to the fake synth, and what reached the speakers. */
interface PageFakes {
  midiSent: number[][];
  loudest(seconds: number): Promise<number>;
}

/**
 * Runs in the page before the studio: a fake Web MIDI with one output that records what it is
 * sent, and an analyser on whatever is connected to the speakers.
 */
function injectFakes(): void {
  const sent: number[][] = [];
  const output = Object.assign(new EventTarget(), { id: 'out-1', name: 'Fake Drums', type: 'output', state: 'connected', send: (bytes: number[]) => sent.push(Array.from(bytes)) });
  const access = Object.assign(new EventTarget(), { inputs: new Map(), outputs: new Map([['out-1', output]]), sysexEnabled: false });
  Object.defineProperty(navigator, 'requestMIDIAccess', { value: () => Promise.resolve(access), configurable: true });
  const taps: AnalyserNode[] = [];
  const connect = AudioNode.prototype.connect as (this: AudioNode, ...args: unknown[]) => unknown;
  AudioNode.prototype.connect = function (this: AudioNode, ...args: unknown[]) {
    if (args[0] instanceof AudioDestinationNode) {
      const tap = this.context.createAnalyser();
      connect.call(this, tap);
      taps.push(tap);
    }
    return connect.apply(this, args);
  } as typeof AudioNode.prototype.connect;
  const fakes: PageFakes = {
    midiSent: sent,
    async loudest(seconds) {
      let loudest = 0;
      const samples = new Float32Array(2048);
      for (let read = 0; read < seconds / 0.02; read++) {
        for (const tap of taps) {
          tap.getFloatTimeDomainData(samples);
          for (const sample of samples) loudest = Math.max(loudest, Math.abs(sample));
        }
        await new Promise((done) => setTimeout(done, 20));
      }
      return loudest;
    },
  };
  Object.assign(window, { fakes });
}

const fakes = (page: Page) => page.evaluateHandle(() => (window as unknown as { fakes: PageFakes }).fakes);

async function shownSteps(page: Page): Promise<Steps> {
  return page.getByTestId('step-view').evaluate((view) =>
    Object.fromEntries([...view.querySelectorAll<HTMLElement>('[data-drum]')].map((lane) => [lane.dataset.drum!, [...lane.querySelectorAll<HTMLElement>('[data-tick]')].map((hit) => `${hit.dataset.tick}@${hit.dataset.velocity}`)])),
  );
}

/** The model's own decode, in the step view's terms. */
function decodedSteps(player: RhythmPlayer): Steps {
  const loop = player.update();
  return Object.fromEntries(
    DRUMS.map((drum, instrument) => {
      const hits: string[] = [];
      for (let tick = 0; tick < loop.ticks; tick++) {
        const cell = instrument * loop.ticks + tick;
        if (loop.onset[cell]) hits.push(`${tick}@${loop.velocity[cell].toFixed(3)}`);
      }
      return [drum.name, hits];
    }),
  );
}

async function padPoint(page: Page): Promise<{ x: number; y: number }> {
  const pad = page.getByRole('slider', { name: 'Latent pad' });
  return { x: Number(await pad.getAttribute('data-x')), y: Number(await pad.getAttribute('data-y')) };
}

/** Waits for the pad to show a point within 1e-9 of (x, y) (the page redraws on the next frame). */
async function padReaches(page: Page, x: number, y: number): Promise<void> {
  await page.waitForFunction(
    ([x, y]) => {
      const pad = document.querySelector('[aria-label="Latent pad"]');
      return Math.abs(Number(pad?.getAttribute('data-x')) - x) < 1e-9 && Math.abs(Number(pad?.getAttribute('data-y')) - y) < 1e-9;
    },
    [x, y],
  );
}

/** Waits until the step view shows what the model decodes for the page's controls, and returns it. */
async function stepViewFollows(page: Page, player: RhythmPlayer, controls: Record<string, number> = {}): Promise<Steps> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const { x, y } = await padPoint(page);
    player.set('x', x);
    player.set('y', y);
    for (const [name, value] of Object.entries(controls)) player.set(name, value);
    const expected = decodedSteps(player);
    const shown = await shownSteps(page);
    if (JSON.stringify(shown) === JSON.stringify(expected) || Date.now() > deadline) {
      assert.deepEqual(shown, expected, `the step view at x ${x}, y ${y}`);
      return expected;
    }
    await page.waitForTimeout(50);
  }
}

const hitCount = (steps: Steps) => Object.values(steps).reduce((sum, hits) => sum + hits.length, 0);

test('the rhythm page: a model file on the pad, moved by mouse, keys and a project output; the step view follows; it plays drums and MIDI; it trains in the page', { timeout: 300_000 }, async (t) => {
  if (!needsChromium(t)) return;
  mkdirSync(SHOTS, { recursive: true });
  await useWasmBackend();
  const loops = starterLoops().filter((loop) => GROOVES.includes(loop.name));
  const trained = trainRhythmModel(loops, { settings: { encoderUnits: 16, decoderUnits: 16, decoderUnits2: 32, epochs: 150 } });
  trained.setBends([bend(1, { kind: 'random', fraction: 0.25, seed: 3 }, 'scale')]);

  await withStudio(async (served, browser) => {
    const modelFile = join(served.dir, 'grooves.json');
    writeRhythmModelFile(modelFile, trained);
    // Played as the page reads it: from the file.
    let player = new RhythmPlayer(readRhythmModelFile(modelFile));
    const setup = await PageClient.open(served.url.replace(/^http/, 'ws').replace(/\/$/, '/socket'));
    await setup.ask({ do: 'newProject', name: 'Groove', inputs: ['hand'], outputs: [{ kind: 'continuous', name: 'px', min: 0, max: 1 }] });

    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    await page.addInitScript(injectFakes);
    await page.goto(served.url);
    await page.getByRole('button', { name: /Keep “Groove” as it is/ }).click();
    await page.getByRole('tab', { name: 'Rhythm' }).click();

    // A file that is not a model says so, and nothing breaks.
    await page.getByLabel('Open a model…').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('my loops, not JSON') });
    await page.getByRole('alert').filter({ hasText: 'notes.json is not a rhythm model: it is not JSON' }).waitFor();

    await page.getByLabel('Open a model…').setInputFiles(modelFile);
    await page.getByTestId('model-summary').filter({ hasText: `grooves: ${GROOVES.length} loops` }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Go to loop / }).count(), GROOVES.length, 'every training loop is a dot on the pad');
    for (const name of ['x', 'y', 'threshold', 'density', 'syncopation', 'bend1.mix', 'bend1.value']) await page.getByRole('slider', { name, exact: true }).waitFor();
    await stepViewFollows(page, player);

    // A dot takes the point to its loop.
    await page.getByRole('button', { name: 'Go to loop Disco' }).click();
    await padReaches(page, trained.loop('Disco')!.position[0], trained.loop('Disco')!.position[1]);
    const disco = await stepViewFollows(page, player);
    assert.ok(hitCount(disco) > 0, 'Disco decodes to some drums');

    // The mouse: a drag across the pad ends where it was let go.
    const pad = page.getByRole('slider', { name: 'Latent pad' });
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.2, { steps: 5 });
    await page.mouse.up();
    const reach = player.controls().find((control) => control.name === 'x')!;
    await page.waitForFunction(([x, y]) => {
      const pad = document.querySelector('[aria-label="Latent pad"]');
      return Math.abs(Number(pad?.getAttribute('data-x')) - x) < 0.05 && Math.abs(Number(pad?.getAttribute('data-y')) - y) < 0.05;
    }, [reach.min + 0.3 * (reach.max - reach.min), reach.max - 0.2 * (reach.max - reach.min)]);
    await stepViewFollows(page, player);

    // The keys: focus stays on the pad, arrows move it by a fortieth of the pad, Shift by a fifth of that.
    await pad.focus();
    await page.keyboard.press('Home');
    await padReaches(page, 0, 0);
    for (let k = 0; k < 6; k++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    const step = (reach.max - reach.min) / 40;
    await padReaches(page, 6 * step, -step / 5);
    await stepViewFollows(page, player);

    // Threshold, an attribute and a bend change the loop as the model's own player does.
    const slide = async (name: string, value: number) =>
      page.getByRole('slider', { name, exact: true }).evaluate((input: HTMLInputElement, to) => {
        input.value = String(to);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        return input.valueAsNumber;
      }, value);
    const controls = { threshold: await slide('threshold', 0.3), density: await slide('density', 1.5), 'bend1.value': await slide('bend1.value', -2) };
    await stepViewFollows(page, player, controls);
    await page.screenshot({ path: `${SHOTS}/pad-and-steps.png` });

    // A bend made in the page joins the chain, its mix becomes a control, and the saved model keeps it.
    await page.getByLabel('Bend transform').selectOption('ablate');
    await page.getByRole('button', { name: 'Add bend' }).click();
    await page.getByRole('slider', { name: 'bend2.mix', exact: true }).waitFor();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save model' }).click();
    const saved = join(served.dir, 'saved.json');
    await (await downloading).saveAs(saved);
    player = new RhythmPlayer(readRhythmModelFile(saved));
    assert.deepEqual(
      player.model.bends.map(({ layer, units, transform }) => ({ layer, units, transform })),
      [
        { layer: 1, units: { kind: 'random', fraction: 0.25, seed: 3 }, transform: 'scale' },
        { layer: 1, units: { kind: 'cluster', clusters: 4, cluster: 0, seed: 2 }, transform: 'ablate' },
      ],
    );
    await stepViewFollows(page, player, controls);

    // The loop as it is, as a MIDI file.
    const midiDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save loop as MIDI' }).click();
    const loopFile = join(served.dir, 'loop.mid');
    await (await midiDownload).saveAs(loopFile);
    assert.deepEqual(patternFromMidi(readFileSync(loopFile), 'loop.mid').onset, player.update().onset);

    // Driven by the project: px (0..1) moves x over the pad's width.
    await page.getByRole('combobox', { name: 'Output driving x' }).selectOption({ label: 'px' });
    for (const value of [0.8, 0.25]) {
      await setup.ask({ do: 'setValue', output: 0, value });
      await padReaches(page, reach.min + value * (reach.max - reach.min), -step / 5);
      await stepViewFollows(page, player, controls);
    }
    assert.equal(await page.getByRole('slider', { name: 'x', exact: true }).isDisabled(), true, 'a driven control is not moved by hand');

    // Playback: drums at the speakers, and the same hits as General MIDI drum notes on channel 10.
    await page.getByRole('button', { name: 'MIDI out…' }).click();
    await page.getByRole('combobox', { name: 'MIDI out' }).selectOption({ label: 'Fake Drums (drums, channel 10)' });
    await page.getByRole('button', { name: 'Play loop' }).click();
    const loudest = await (await fakes(page)).evaluate((f) => f.loudest(1.5));
    assert.ok(loudest > 0.01, `the loop is heard: peak ${loudest}`);
    await page.screenshot({ path: `${SHOTS}/playing.png` });
    await page.getByRole('button', { name: 'Stop' }).click();
    const sent = await (await fakes(page)).evaluate((f) => f.midiSent);
    const noteOns = sent.filter(([status, , velocity]) => status === 0x99 && velocity > 0);
    assert.ok(noteOns.length > 0, 'hits went out as MIDI');
    assert.ok(sent.every(([status]) => status === 0x99 || status === 0x89), 'every message is a note on channel 10');
    const playedDrums = new Set(noteOns.map(([, note]) => DRUMS.findIndex((drum) => drum.notes[0] === note)));
    const expected = decodedSteps(player);
    for (const drum of playedDrums) assert.ok(drum >= 0 && expected[DRUMS[drum].name].length > 0, `drum ${drum} is in the loop`);

    // Training in the page on a few starter loops and loops of one's own, with progress, ends with them on the pad.
    const yours = page.getByLabel('Add your loops (MIDI, .grid)…');
    await yours.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('kick on one') });
    await page.getByRole('alert').filter({ hasText: 'notes.txt: the rhythm page learns from MIDI files (.mid, .midi) and text grids (.grid)' }).waitFor();
    const [gridLoop, midiLoop] = starterLoops().filter((loop) => ['Funk ghost notes', 'Boom bap'].includes(loop.name));
    await yours.setInputFiles([
      { name: 'mine.grid', mimeType: 'text/plain', buffer: Buffer.from(formatTextGrid([{ ...gridLoop, name: 'My ghost notes' }])) },
      { name: 'my break.mid', mimeType: 'audio/midi', buffer: Buffer.from(midiFromPattern(midiLoop.pattern)) },
    ]);
    await page.getByRole('button', { name: 'None', exact: true }).click();
    const learnFrom = [...GROOVES.slice(0, 2), 'My ghost notes', 'my break'];
    for (const name of learnFrom) await page.getByRole('checkbox', { name, exact: true }).check();
    await page.getByLabel('Epochs').fill('12');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByRole('progressbar', { name: 'Training progress' }).waitFor();
    await page.getByTestId('model-summary').filter({ hasText: 'trained here: 4 loops' }).waitFor({ timeout: 120_000 });
    const dots = await page.getByRole('button', { name: /^Go to loop / }).allTextContents();
    assert.deepEqual(dots.map((text) => text.split(' · ')[0]).sort(), learnFrom.sort());
    const summary = (await page.getByTestId('model-summary').textContent())!;
    // The tests' Chromium runs with --disable-gpu, so WebGL is drawn in software and the page trains on WebAssembly.
    assert.match(summary, /trained on wasm in \d+\.\d s/);
    console.log(`in-page training: ${summary.trim().replace(/\s+/g, ' ')}`);
    await page.screenshot({ path: `${SHOTS}/trained-here.png` });

    // This browser remembers, for the project, which output drives which control.
    await page.reload();
    await page.getByRole('tab', { name: 'Rhythm' }).click();
    await page.getByLabel('Open a model…').setInputFiles(modelFile);
    const driver = page.getByRole('combobox', { name: 'Output driving x' });
    await driver.waitFor();
    assert.equal(await driver.evaluate((select: HTMLSelectElement) => select.selectedOptions[0].textContent), 'px');
    assert.deepEqual(pageErrors, [], 'nothing went wrong in the page (two hits on one voice of the kit once did)');
    setup.close();
  });
});
