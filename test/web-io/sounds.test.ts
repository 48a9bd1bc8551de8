import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { PitchDetector } from '../../web/src/lib/inputs/pitch.ts';
import { SAMPLE_RATE, level, spectralCentroid, struckSteps } from './audio-measures.ts';
import { studioTabs } from './studio-page.ts';
import './page-types.ts';

/** What happens to a sound during an offline render: values set (or stop) at a time in seconds. */
type Score = readonly { at: number; set?: readonly number[]; stop?: true }[];

const openPage = studioTabs();

/** A MIDI output that takes anything, so that MIDI out passes the contract too. */
function injectMidiOutput(): void {
  const output = { id: 'out', name: 'Fake Synth', type: 'output', state: 'connected', send: () => {} };
  const access = Object.assign(new EventTarget(), { inputs: new Map(), outputs: new Map([['out', output]]) });
  Object.defineProperty(navigator, 'requestMIDIAccess', { value: () => Promise.resolve(access) });
}

/** Renders `seconds` of sound `kind` through Tone.Offline, playing `score`; returns the samples. */
async function render(on: Page, kind: string, seconds: number, score: Score): Promise<Float32Array> {
  const samples = await on.evaluate(
    async ({ kind, seconds, score }) => {
      const rendered = await window.oscine.Offline(
        async (context) => {
          const sound = window.oscine.soundKinds.find((entry) => entry.id === kind)!.create();
          await sound.start();
          for (const { at, set, stop } of score) {
            const play = () => (stop ? sound.stop() : sound.set(set ?? []));
            if (at === 0) play();
            else context.setTimeout(play, at);
          }
        },
        seconds,
        1,
        44100,
      );
      return Array.from(rendered.get()!.getChannelData(0));
    },
    { kind, seconds, score },
  );
  return Float32Array.from(samples);
}

function pitchAt(samples: Float32Array, at: number): number {
  const start = Math.floor(at * SAMPLE_RATE);
  return new PitchDetector(SAMPLE_RATE, 2048).detect(samples.subarray(start, start + 2048));
}

function cents(heard: number, expected: number): number {
  return 1200 * Math.log2(heard / expected);
}

test('every sound keeps the contract: start, set, set NaN, set out of range, stop twice; silent after stop', async (t) => {
  const on = await openPage(t, injectMidiOutput);
  if (!on) return;
  const kinds = await on.evaluate(() => window.oscine.soundKinds.map((kind) => ({ id: kind.id, parameters: kind.create().parameters })));
  assert.deepEqual(kinds.map((kind) => kind.id), ['fm-synth', 'drum-machine', 'sampler', 'drum-hits', 'midi-out']);
  for (const { id, parameters } of kinds) {
    const middle = parameters.map((parameter) => (parameter.min + parameter.max) / 2);
    const samples = await render(on, id, 1.2, [
      { at: 0, set: middle },
      { at: 0.2, set: parameters.map(() => Number.NaN) },
      { at: 0.3, set: parameters.map((parameter) => parameter.max * 100 + 1000) },
      { at: 0.35, set: parameters.map((parameter) => parameter.min - 1000) },
      { at: 0.4, set: middle },
      { at: 0.6, stop: true },
      { at: 0.7, stop: true },
      { at: 0.8, set: middle },
    ]);
    assert.ok(samples.every(Number.isFinite), `${id}: finite samples`);
    if (id !== 'midi-out') assert.ok(level(samples, 0, 0.6) > 0.01, `${id} sounds: level ${level(samples, 0, 0.6)}`);
    assert.ok(level(samples, 0.75, 1.2) < 1e-4, `${id} is silent after stop(): level ${level(samples, 0.75, 1.2)}`);
  }
  // The same in the page's own audio context, listening to what reaches the speakers.
  const online = await on.evaluate(async () => {
    const { getContext, getDestination, soundKinds } = window.oscine;
    const listener = getContext().rawContext.createAnalyser();
    getDestination().connect(listener);
    const samples = new Float32Array(listener.fftSize);
    const wait = (seconds: number) => new Promise((done) => setTimeout(done, seconds * 1000));
    const loudestDuring = async (seconds: number) => {
      let loudest = 0;
      for (let read = 0; read < seconds / 0.02; read++) {
        listener.getFloatTimeDomainData(samples);
        loudest = Math.max(loudest, ...samples.map(Math.abs));
        await wait(0.02);
      }
      return loudest;
    };
    const heard: Record<string, { playing: number; stopped: number }> = {};
    for (const kind of soundKinds) {
      const sound = kind.create();
      await sound.start();
      sound.set(sound.parameters.map((parameter) => parameter.initial ?? parameter.max));
      const playing = await loudestDuring(0.5);
      sound.stop();
      sound.stop();
      await wait(0.2);
      heard[kind.id] = { playing, stopped: await loudestDuring(0.1) };
    }
    getDestination().disconnect(listener);
    return heard;
  });
  for (const [id, { playing, stopped }] of Object.entries(online)) {
    if (id !== 'midi-out') assert.ok(playing > 0.01, `${id} is heard in the page: ${playing}`);
    assert.equal(stopped, 0, `${id} is silent once stopped`);
  }
});

test('FM synth: pitch sets the note, modulation index and brightness raise the spectral centroid, volume the level', async (t) => {
  const on = await openPage(t);
  if (!on) return;
  // pitch, harmonicity, modulation index, brightness, volume
  const pure = await render(on, 'fm-synth', 0.5, [{ at: 0, set: [57, 1, 0, 10000, 0.5] }]);
  assert.ok(Math.abs(cents(pitchAt(pure, 0.3), 220)) < 5, `note 57 sounds at ${pitchAt(pure, 0.3)} Hz`);
  const octaveUp = await render(on, 'fm-synth', 0.5, [{ at: 0, set: [69, 1, 0, 10000, 0.5] }]);
  assert.ok(Math.abs(cents(pitchAt(octaveUp, 0.3), 440)) < 5, `note 69 sounds at ${pitchAt(octaveUp, 0.3)} Hz`);

  const modulated = await render(on, 'fm-synth', 0.5, [{ at: 0, set: [57, 1, 12, 10000, 0.5] }]);
  assert.ok(spectralCentroid(modulated, 0.3) > 2 * spectralCentroid(pure, 0.3), `index 0 → ${spectralCentroid(pure, 0.3)} Hz, 12 → ${spectralCentroid(modulated, 0.3)} Hz`);

  const dark = await render(on, 'fm-synth', 0.5, [{ at: 0, set: [57, 1, 12, 300, 0.5] }]);
  assert.ok(spectralCentroid(dark, 0.3) < 0.5 * spectralCentroid(modulated, 0.3), `cutoff 300 Hz → ${spectralCentroid(dark, 0.3)} Hz`);

  const quiet = await render(on, 'fm-synth', 0.5, [{ at: 0, set: [57, 1, 0, 10000, 0.25] }]);
  assert.ok(Math.abs(level(quiet, 0.2, 0.5) / level(pure, 0.2, 0.5) - 0.25) < 0.02, 'volume 0.25 is a quarter of the level of 0.5 (squared law)');
});

test('FM synth glides: a jump of an octave takes a few milliseconds, with no step in the waveform', async (t) => {
  const on = await openPage(t);
  if (!on) return;
  const samples = await render(on, 'fm-synth', 0.6, [
    { at: 0, set: [57, 1, 0, 10000, 0.5] },
    { at: 0.3, set: [69, 1, 0, 10000, 0.5] },
  ]);
  assert.ok(Math.abs(cents(pitchAt(samples, 0.22), 220)) < 5);
  assert.ok(Math.abs(cents(pitchAt(samples, 0.45), 440)) < 5);
  // The largest jump between neighbouring samples stays that of a 440 Hz sine at this level.
  let largest = 0;
  for (let i = Math.floor(0.25 * SAMPLE_RATE); i < 0.4 * SAMPLE_RATE; i++) largest = Math.max(largest, Math.abs(samples[i] - samples[i - 1]));
  const peak = Math.max(...samples.subarray(Math.floor(0.45 * SAMPLE_RATE)).map(Math.abs));
  assert.ok(largest < 1.2 * peak * 2 * Math.sin((Math.PI * 440) / SAMPLE_RATE), `largest step ${largest}`);
});

test('drum machine: each built-in pattern is heard on its own steps, and the class switches pattern', async (t) => {
  const on = await openPage(t);
  if (!on) return;
  const patterns = await on.evaluate(() =>
    window.oscine.BUILT_IN_PATTERNS.map(({ pattern }) => {
      const steps = new Set<number>();
      pattern.onset.forEach((struck, cell) => {
        if (struck) steps.add((cell % pattern.ticks) / 3);
      });
      return [...steps].sort((a, b) => a - b);
    }),
  );
  assert.equal(patterns.length, 5);
  // At 120 beats a minute a sixteenth lasts 0.125 s and a bar 2 s.
  for (let k = 1; k <= patterns.length; k++) {
    const samples = await render(on, 'drum-machine', 2.2, [{ at: 0, set: [k, 120, 0.8] }]);
    assert.deepEqual(struckSteps(samples, 0, 0.125, 16), patterns[k - 1], `pattern ${k}`);
  }
  const switched = await render(on, 'drum-machine', 2.2, [
    { at: 0, set: [1, 120, 0.8] },
    { at: 0.95, set: [4, 120, 0.8] },
  ]);
  const heard = struckSteps(switched, 0, 0.125, 16);
  assert.deepEqual(heard.filter((step) => step < 8), patterns[0].filter((step) => step < 8), 'pattern 1 in the first half bar');
  assert.deepEqual(heard.filter((step) => step >= 8), patterns[3].filter((step) => step >= 8), 'pattern 4 from the switch, in its place in the bar');
});

test('drum machine: tempo sets the length of a step', async (t) => {
  const on = await openPage(t);
  if (!on) return;
  // Breakbeat: a hat on every sixteenth. At 60 beats a minute a sixteenth lasts 0.25 s.
  const slow = await render(on, 'drum-machine', 2.2, [{ at: 0, set: [4, 60, 0.8] }]);
  assert.deepEqual(struckSteps(slow, 0, 0.25, 8), [0, 1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(struckSteps(slow, 0.125, 0.25, 8), [], 'nothing between the slow steps');
});

test('sampler: position picks a note of the built-in phrase, pitch transposes, speed 0 freezes', async (t) => {
  const on = await openPage(t);
  if (!on) return;
  // position, loop length, speed, pitch, volume; the phrase is C4 E4 G4 C5, half a second each.
  const first = await render(on, 'sampler', 0.6, [{ at: 0, set: [0, 0.3, 1, 0, 0.8] }]);
  assert.ok(level(first, 0.1, 0.6) > 0.01);
  assert.ok(Math.abs(cents(pitchAt(first, 0.3), 261.63)) < 10, `position 0: ${pitchAt(first, 0.3)} Hz`);
  const third = await render(on, 'sampler', 0.6, [{ at: 0, set: [0.51, 0.3, 1, 0, 0.8] }]);
  assert.ok(Math.abs(cents(pitchAt(third, 0.3), 392)) < 10, `position 0.51: ${pitchAt(third, 0.3)} Hz`);
  const up = await render(on, 'sampler', 0.6, [{ at: 0, set: [0, 0.3, 1, 12, 0.8] }]);
  assert.ok(Math.abs(cents(pitchAt(up, 0.3), 523.25)) < 10, `pitch +12: ${pitchAt(up, 0.3)} Hz`);
  const frozen = await render(on, 'sampler', 1.2, [{ at: 0, set: [0, 2, 0, 0, 0.8] }]);
  assert.ok(level(frozen, 1, 1.2) > 0.3 * level(frozen, 0.2, 0.4), 'a frozen pluck does not decay');
});

test('sampler: a recorded sample replaces the built-in one', async (t) => {
  const on = await openPage(t);
  if (!on) return;
  const samples = await on.evaluate(async () => {
    const context = new AudioContext();
    const destination = context.createMediaStreamDestination();
    const tone = new OscillatorNode(context, { frequency: 660 });
    tone.connect(destination);
    tone.start();
    const sampler = window.oscine.createSampler();
    await sampler.recordSample(0.6, destination.stream);
    await context.close();
    const rendered = await window.oscine.Offline(
      async () => {
        sampler.set([0.3, 0.2, 1, 0, 0.8]);
        await sampler.start();
      },
      0.5,
      1,
      44100,
    );
    return Array.from(rendered.get()!.getChannelData(0));
  });
  const heard = pitchAt(Float32Array.from(samples), 0.3);
  assert.ok(Math.abs(cents(heard, 660)) < 10, `the recorded 660 Hz tone plays back at ${heard} Hz`);
});
