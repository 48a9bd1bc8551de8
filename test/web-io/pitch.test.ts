import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PitchDetector } from '../../web/src/lib/inputs/pitch.ts';

const SAMPLE_RATE = 48000;
const WINDOW = 2048;

function cents(found: number, expected: number): number {
  return 1200 * Math.log2(found / expected);
}

/** A tone with a few harmonics (like a voice or an instrument), starting at a random phase. */
function tone(frequency: number, harmonics: readonly number[] = [1], noise = 0): Float64Array {
  const samples = new Float64Array(WINDOW);
  const phase = 1.234;
  let seed = 7;
  for (let i = 0; i < WINDOW; i++) {
    for (let h = 0; h < harmonics.length; h++) {
      samples[i] += harmonics[h] * Math.sin(2 * Math.PI * frequency * (h + 1) * (i / SAMPLE_RATE) + phase * (h + 1));
    }
    seed = (seed * 16807) % 2147483647;
    samples[i] += noise * (seed / 2147483647 - 0.5);
  }
  return samples;
}

test('finds the pitch of sine tones from a bass E to a high C within 2 cents', () => {
  const detector = new PitchDetector(SAMPLE_RATE, WINDOW);
  for (const frequency of [82.41, 110, 261.63, 440, 987.77, 1046.5]) {
    const found = detector.detect(tone(frequency));
    assert.ok(Math.abs(cents(found, frequency)) < 2, `${frequency} Hz found as ${found} Hz`);
    assert.ok(detector.clarity > 0.9);
  }
});

test('finds the fundamental of a tone whose second harmonic is louder, with a little noise', () => {
  const detector = new PitchDetector(SAMPLE_RATE, WINDOW);
  const found = detector.detect(tone(196, [0.6, 1, 0.4, 0.2], 0.05));
  assert.ok(Math.abs(cents(found, 196)) < 5, `196 Hz found as ${found} Hz`);
});

test('reads the last window of a longer buffer', () => {
  const detector = new PitchDetector(SAMPLE_RATE, 1024);
  const found = detector.detect(tone(330));
  assert.ok(Math.abs(cents(found, 330)) < 2, `330 Hz found as ${found} Hz`);
});

test('gives 0 and no clarity for noise and for silence', () => {
  const detector = new PitchDetector(SAMPLE_RATE, WINDOW);
  assert.equal(detector.detect(tone(440, [0], 1)), 0);
  assert.equal(detector.clarity, 0);
  assert.equal(detector.detect(new Float64Array(WINDOW)), 0);
});

test('ignores pitches outside the range asked for', () => {
  const detector = new PitchDetector(SAMPLE_RATE, WINDOW, { minFrequency: 200 });
  const found = detector.detect(tone(100));
  assert.ok(found === 0 || found >= 200 - 1, `100 Hz with a 200 Hz floor gave ${found}`);
});

test('says how many samples it needs when given too few', () => {
  const detector = new PitchDetector(SAMPLE_RATE, WINDOW);
  assert.throws(() => detector.detect(new Float64Array(100)), /needs 2048 samples/);
});
