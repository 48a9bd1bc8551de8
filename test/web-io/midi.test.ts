import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { studioTabs } from './studio-page.ts';
import './page-types.ts';

/** The fake Web MIDI the page gets: one keyboard in, one synth out, recording what it is sent. */
interface FakeMidi {
  play(bytes: number[]): void;
  sent: number[][];
}

function injectFakeMidi(): void {
  class FakePort extends EventTarget {
    readonly sent: number[][] = [];
    readonly state = 'connected';
    constructor(
      readonly id: string,
      readonly name: string,
      readonly type: string,
    ) {
      super();
    }
    send(bytes: number[]): void {
      this.sent.push(Array.from(bytes));
    }
  }
  const input = new FakePort('in-1', 'Fake Keys', 'input');
  const output = new FakePort('out-1', 'Fake Synth', 'output');
  const access = Object.assign(new EventTarget(), { inputs: new Map([['in-1', input]]), outputs: new Map([['out-1', output]]), sysexEnabled: false });
  Object.defineProperty(navigator, 'requestMIDIAccess', { value: () => Promise.resolve(access), configurable: true });
  const fake: FakeMidi = {
    play: (bytes) => input.dispatchEvent(new MIDIMessageEvent('midimessage', { data: new Uint8Array(bytes) })),
    sent: output.sent,
  };
  Object.assign(window, { fakeMidi: fake });
}

const openPage = studioTabs();

function play(page: Page, bytes: number[]): Promise<void> {
  return page.evaluate((message) => (window as unknown as { fakeMidi: FakeMidi }).fakeMidi.play(message), bytes);
}

/** The frame once the input has seen the last message (frames come 100 times a second). */
async function frameAfter(page: Page): Promise<Record<string, number>> {
  const count = await page.evaluate(() => window.oscine.watched.midi.count);
  await page.waitForFunction((seen) => window.oscine.watched.midi.count > seen, count);
  return page.evaluate(() => {
    const names = window.oscine.createMidiInput({ controllers: [1, 74] }).names;
    const latest = window.oscine.watched.midi.latest;
    return Object.fromEntries(names.map((name, i) => [name, Math.round(latest[i] * 1000) / 1000]));
  });
}

test('MIDI in: last note and velocity, held notes per note name, controllers 0..1 and pitch bend', async (t) => {
  const page = await openPage(t, injectFakeMidi);
  if (!page) return;
  await page.evaluate(() => window.oscine.watch('midi', window.oscine.createMidiInput({ controllers: [1, 74] })));

  await play(page, [0x90, 64, 127]);
  await play(page, [0x91, 55, 64]);
  let frame = await frameAfter(page);
  assert.equal(frame['midi-note'], 55);
  assert.equal(frame['midi-velocity'], 0.504);
  assert.equal(frame['midi-E'], 1);
  assert.equal(frame['midi-G'], 0.504);
  assert.equal(frame['midi-C'], 0);

  await play(page, [0x90, 55, 0]); // note-on with velocity 0 is a note-off
  frame = await frameAfter(page);
  assert.equal(frame['midi-note'], 55, 'the last note stays');
  assert.equal(frame['midi-velocity'], 0);
  assert.equal(frame['midi-G'], 0);
  assert.equal(frame['midi-E'], 1, 'E is still held');

  await play(page, [0xb0, 74, 127]);
  await play(page, [0xb0, 9, 100]); // not followed
  await play(page, [0xb3, 1, 32]);
  await play(page, [0xe0, 0x7f, 0x7f]);
  frame = await frameAfter(page);
  assert.equal(frame['midi-cc-74'], 1);
  assert.equal(frame['midi-cc-1'], 0.252);
  assert.equal(frame['midi-pitch-bend'], 1);
  await play(page, [0xe0, 0x00, 0x40]);
  await play(page, [0xf8]); // clock: ignored
  frame = await frameAfter(page);
  assert.equal(frame['midi-pitch-bend'], 0);
  assert.equal(Object.keys(frame).length, 17);
  await page.evaluate(() => window.oscine.unwatch('midi'));
});

test('MIDI in: only the channel asked for', async (t) => {
  const page = await openPage(t, injectFakeMidi);
  if (!page) return;
  await page.evaluate(() => window.oscine.watch('midi', window.oscine.createMidiInput({ channel: 2 })));
  await play(page, [0x90, 60, 100]);
  await play(page, [0x91, 62, 100]);
  const frame = await frameAfter(page);
  assert.equal(frame['midi-note'], 62);
  assert.equal(frame['midi-C'], 0);
});

test('MIDI in and out say what is missing: no Web MIDI, or no port of that name', async (t) => {
  const page = await openPage(t, injectFakeMidi);
  if (!page) return;
  const failures = await page.evaluate(async () => {
    const { failureOf } = window.oscine;
    const wrongPort = await failureOf(window.oscine.createMidiInput({ port: 'Launchpad' }).start(() => {}));
    const wrongOut = await failureOf(window.oscine.createMidiOut({ port: 'Launchpad' }).start());
    Object.defineProperty(navigator, 'requestMIDIAccess', { value: undefined });
    const none = await failureOf(window.oscine.createMidiInput().start(() => {}));
    return { wrongPort, wrongOut, none };
  });
  assert.match(failures.wrongPort, /No MIDI input named "Launchpad" \(there is: Fake Keys\)/);
  assert.match(failures.wrongOut, /No MIDI output named "Launchpad" \(there is: Fake Synth\)/);
  assert.match(failures.none, /no Web MIDI; use Chrome/);
});

test('MIDI out sends a controller per continuous output and holds one note per class, byte for byte', async (t) => {
  const page = await openPage(t, injectFakeMidi);
  if (!page) return;
  const sent = await page.evaluate(async () => {
    const fake = (window as unknown as { fakeMidi: FakeMidi }).fakeMidi;
    const out = window.oscine.createMidiOut({ controllers: [1, 74], notes: [60, 64, 67], channel: 2 });
    const steps: number[][][] = [];
    const step = (action: () => void) => {
      action();
      steps.push(fake.sent.splice(0));
    };
    out.set([0.5, Number.NaN, Number.NaN]); // before start: sent when it starts
    await out.start();
    steps.push(fake.sent.splice(0));
    step(() => out.set([0.5, 1, 2]));
    step(() => out.set([0.501, 1, 2])); // same 7-bit values, same class: nothing
    step(() => out.set([Number.NaN, 0, 3]));
    step(() => out.set([2, -1, 99])); // out of range: clamped
    step(() => out.stop());
    step(() => out.stop());
    return steps;
  });
  assert.deepEqual(sent, [
    [[0xb1, 1, 64]],
    [[0xb1, 74, 127], [0x91, 64, 100]],
    [],
    [[0xb1, 74, 0], [0x81, 64, 0], [0x91, 67, 100]],
    [[0xb1, 1, 127]],
    [[0x81, 67, 0]],
    [],
  ]);
});
