import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type MidiEvent, parseMidi, writeMidi } from 'midi-file';
import { InputError } from '../../../src/core/errors.ts';
import { JavaRandom } from '../../../src/core/util/java-random.ts';
import { loopFromMidi, midiFromPattern, patternFromMidi } from '../../../src/generative/rhythm/midi.ts';
import { DRUMS, type Pattern, emptyPattern } from '../../../src/generative/rhythm/pattern.ts';
import { parseTextGrid } from '../../../src/generative/rhythm/text-grid.ts';
import { inputError } from './input-error.ts';

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const u16 = (n: number) => [(n >> 8) & 255, n & 255];
const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

/** A Standard MIDI File from hand-written track bytes. */
function smf(format: number, division: number, tracks: number[][]): Uint8Array {
  return Uint8Array.from([...ascii('MThd'), ...u32(6), ...u16(format), ...u16(tracks.length), ...u16(division), ...tracks.flatMap((t) => [...ascii('MTrk'), ...u32(t.length), ...t])]);
}

type Note = [time: number, note: number, velocity: number, channel?: number];

/** A format-0 file of notes (channel 10 unless given), with a time signature when asked, ending at `end`. */
function midiOf(ppq: number, notes: Note[], end: number, signature?: [number, number]): Uint8Array {
  const timed: { time: number; event: MidiEvent }[] = notes.flatMap(([time, noteNumber, velocity, channel = 9]) => [
    { time, event: { deltaTime: 0, type: 'noteOn', channel, noteNumber, velocity } },
    { time: time + 1, event: { deltaTime: 0, type: 'noteOff', channel, noteNumber, velocity: 0 } },
  ]);
  timed.sort((a, b) => a.time - b.time);
  const events: MidiEvent[] = signature ? [{ deltaTime: 0, type: 'timeSignature', numerator: signature[0], denominator: signature[1], metronome: 24, thirtyseconds: 8 }] : [];
  let previous = 0;
  for (const { time, event } of timed) {
    events.push({ ...event, deltaTime: time - previous });
    previous = time;
  }
  events.push({ deltaTime: Math.max(end, previous) - previous, type: 'endOfTrack' });
  return Uint8Array.from(writeMidi({ header: { format: 0, numTracks: 1, ticksPerBeat: ppq }, tracks: [events] }));
}

function refuses(bytes: Uint8Array, message: string): void {
  assert.throws(() => patternFromMidi(bytes, 'drums.mid'), inputError(message));
}

/** [drum, tick, MIDI velocity, offset] of every hit. */
function hitsOf(p: Pattern): [string, number, number, number][] {
  const out: [string, number, number, number][] = [];
  p.onset.forEach((on, cell) => {
    if (on) out.push([DRUMS[Math.floor(cell / p.ticks)].name, cell % p.ticks, Math.round(p.velocity[cell] * 127), p.offset[cell]]);
  });
  return out;
}

test('reads a hand-written two-track file: 6/8, running status, pedal hat, other channels, a late snare, an early downbeat', () => {
  const conductor = [0x00, 0xff, 0x58, 0x04, 0x06, 0x03, 0x24, 0x08, 0x00, 0xff, 0x51, 0x03, 0x09, 0x27, 0xc0, 0x82, 0x20, 0xff, 0x2f, 0x00];
  const drums = [
    ...[0x00, 0x99, 36, 100], // kick at 0
    ...[0x00, 42, 80], // running status: closed hat at 0
    ...[0x30, 0x89, 36, 0], // 48 ticks on: kick off
    ...[0x00, 0x99, 42, 0], // velocity 0 is a note off
    ...[0x00, 44, 70], // pedal hat at 48 → the second eighth
    ...[0x00, 0x90, 60, 100], // a piano note on channel 1
    ...[0x65, 0x99, 38, 120], // 149: snare 18.625 ticks in → tick 19, 0.375 early
    ...[0x00, 0x99, 100, 64], // channel 10, but not a drum
    ...[0x81, 0x0a, 0x99, 49, 127], // 287: crash just before the loop comes round → the downbeat, 0.125 early
    ...[0x01, 0x89, 49, 0],
    ...[0x00, 0xff, 0x2f, 0x00],
  ];
  const loop = loopFromMidi(smf(1, 96, [conductor, drums]), 'files/hand-made.mid');
  assert.equal(loop.name, 'hand-made');
  assert.equal(loop.bpm, 100);
  const p = loop.pattern;
  assert.deepEqual([p.meter, p.bars, p.ticks, p.ticksPerQuarter], [{ beats: 6, beatUnit: 8 }, 1, 36, 12]);
  assert.deepEqual(hitsOf(p), [
    ['kick', 0, 100, 0],
    ['snare', 19, 120, -0.375],
    ['closed-hat', 0, 80, 0],
    ['closed-hat', 6, 70, 0],
    ['crash', 0, 127, -0.125],
  ]);
  assert.equal(p.velocity[0], Math.fround(100 / 127));
});

test('writes the bytes a hand count gives: header, time signature, tempo, channel 10 note, end of track', () => {
  const pattern = emptyPattern({ beats: 2, beatUnit: 4 });
  pattern.onset[0] = 1;
  pattern.velocity[0] = 1;
  const expected = [
    ...ascii('MThd'), 0, 0, 0, 6, 0, 0, 0, 1, 0, 96,
    ...ascii('MTrk'), 0, 0, 0, 28,
    0x00, 0xff, 0x58, 0x04, 2, 2, 24, 8, // 2/4, metronome every quarter
    0x00, 0xff, 0x51, 0x03, 0x07, 0xa1, 0x20, // 500,000 µs a quarter = 120 bpm
    0x00, 0x99, 36, 127, // kick on channel 10
    0x04, 0x89, 36, 0, // half a grid tick later, off
    0x81, 0x3c, 0xff, 0x2f, 0x00, // the track ends with the bar, 192 ticks in
  ];
  assert.deepEqual([...midiFromPattern(pattern, { ppq: 96 })], expected);
  const named = parseMidi(midiFromPattern(pattern, { name: 'Kick', bpm: 90 }));
  assert.deepEqual(named.tracks[0].slice(0, 3).map((e) => e.type), ['trackName', 'timeSignature', 'setTempo']);
  assert.equal(named.header.ticksPerBeat, 480);
});

test('triplets and 12/8 go to MIDI and back exactly, at 96, 480 and 960 ticks per quarter', () => {
  const loops = parseTextGrid(
    `loop shuffle 4/4 step 1/8t
     hh x.x|xxx|x.x|x.g
     sd ...|X..|..g|X..
     loop blues 12/8 bars 2 step 1/16
     rd x.x.x.|x.x.x.|x.x.x.|x.x.xx||x.x.x.|x.x.x.|x.x.x.|x.x.xx
     bd x.....|.....x|x.....|......||x.....|.....x|x...x.|......
     loop triplet-sixteenths 3/4 step 1/16t
     hh xxxxxx|x.x.x.|xx.xx.`.replace(/^ +/gm, ''),
    'triplets.grid',
  );
  for (const ppq of [96, 480, 960]) {
    for (const loop of loops) {
      const bytes = midiFromPattern(loop.pattern, { ppq });
      const back = patternFromMidi(bytes, 'x.mid');
      assert.deepEqual(back, loop.pattern, `${loop.name} at ${ppq} ppq`);
      assert.deepEqual(midiFromPattern(back, { ppq }), bytes);
    }
  }
  // An eighth-note triplet at 480 ppq is 160 ticks: the hats of the shuffle fall on multiples of it.
  const times = parseMidi(midiFromPattern(loops[0].pattern, { ppq: 480 })).tracks[0].reduce<number[]>((out, e, i, all) => {
    const time = all.slice(0, i + 1).reduce((sum, x) => sum + x.deltaTime, 0);
    return e.type === 'noteOn' && e.noteNumber === 42 ? [...out, time] : out;
  }, []);
  assert.deepEqual(times, [0, 320, 480, 640, 800, 960, 1280, 1440, 1760]);
});

test('any drum file goes MIDI → pattern → MIDI → pattern exactly, micro-timing included, in any meter and resolution', () => {
  const random = new JavaRandom(3);
  const notes = [...DRUMS.flatMap((d) => [...d.notes]), 39, 54, 56, 64, 82];
  const meters: [number, number][] = [[4, 4], [12, 8], [3, 4], [5, 4], [6, 8], [7, 8]];
  for (const ppq of [96, 480, 960]) {
    for (const [beats, unit] of meters) {
      const bars = 1 + random.nextInt(2);
      const end = (bars * beats * 4 * ppq) / unit;
      const played: Note[] = Array.from({ length: 40 }, () => [random.nextInt(end), notes[random.nextInt(notes.length)], 1 + random.nextInt(127)]);
      const first = patternFromMidi(midiOf(ppq, played, end, [beats, unit]), 'played.mid');
      assert.equal(first.bars, bars);
      assert.ok(first.offset.some((o) => o !== 0), 'the hits are off the grid');
      const written = midiFromPattern(first, { ppq });
      const second = patternFromMidi(written, 'written.mid');
      assert.deepEqual(second, first, `${beats}/${unit} at ${ppq} ppq`);
      assert.deepEqual(midiFromPattern(second, { ppq }), written);
    }
  }
});

test('micro-timing is the distance from the nearest tick, kept through export', () => {
  const ppq = 480; // 40 MIDI ticks to a grid tick, 1920 to the bar
  const p = patternFromMidi(midiOf(ppq, [[12, 36, 90], [100, 38, 90], [139, 42, 90], [1900, 49, 90]], 1920), 'x.mid');
  assert.deepEqual(hitsOf(p), [
    ['kick', 0, 90, Math.fround(0.3)], // 12 / 40
    ['snare', 3, 90, -0.5], // 2.5: halfway goes to the later tick
    ['closed-hat', 3, 90, Math.fround(0.475)], // 3.475
    ['crash', 0, 90, -0.5], // 47.5: the next downbeat, early; the loop comes round to it
  ]);
  assert.deepEqual(patternFromMidi(midiFromPattern(p, { ppq }), 'y.mid'), p);
});

test('length, meter and merging: bars from the end of track, cut with --bars, 2/2 as 4/4, two hats on one tick keep the louder', () => {
  const twoBars = midiOf(96, [[0, 36, 100], [384, 38, 100], [400, 42, 50], [400, 44, 90]], 768);
  assert.equal(patternFromMidi(twoBars, 'x.mid').bars, 2);
  const cut = patternFromMidi(twoBars, 'x.mid', { bars: 1 });
  assert.deepEqual(hitsOf(cut), [['kick', 0, 100, 0]]);
  const longer = patternFromMidi(twoBars, 'x.mid', { bars: 3, ticksPerQuarter: 24 });
  assert.deepEqual([longer.bars, longer.ticks], [3, 288]);
  assert.deepEqual(hitsOf(patternFromMidi(twoBars, 'x.mid')).slice(2), [['closed-hat', 50, 90, 0]]);
  const noEnd = midiOf(96, [[0, 36, 100], [500, 36, 100]], 0);
  assert.equal(patternFromMidi(noEnd, 'x.mid').bars, 2, 'a hit in the second bar makes the loop two bars long');
  assert.deepEqual(patternFromMidi(midiOf(96, [[0, 36, 100]], 384, [2, 2]), 'x.mid').meter, { beats: 4, beatUnit: 4 });
  assert.deepEqual(patternFromMidi(midiOf(96, [[0, 36, 100]], 144, [6, 16]), 'x.mid').meter, { beats: 3, beatUnit: 8 });
  assert.deepEqual(patternFromMidi(midiOf(96, [[0, 36, 100]], 384), 'x.mid').meter, { beats: 4, beatUnit: 4 });
});

test('files that are not MIDI, are damaged, or hold no drums say so and what to do', () => {
  refuses(Uint8Array.from(ascii('loop "Rock" 4/4\nkick x...\n')), "drums.mid is not a MIDI file (it does not start with 'MThd'); export the loop from your sequencer as a Standard MIDI File (.mid)");
  refuses(Uint8Array.from([...ascii('MThd'), 0, 0, 0, 6, 0, 0, 0, 1, 0, 96, ...ascii('XXXX'), 0, 0, 0, 0]), "drums.mid is a damaged MIDI file (Bad MIDI file.  Expected 'MTrk', got: 'XXXX'); export it again from your sequencer");
  refuses(midiOf(96, [[0, 60, 100, 0], [96, 36, 100, 1]], 384), 'drums.mid has no drums: none of its notes is on channel 10, the General MIDI drum channel; move the drum part to channel 10 in your sequencer');
  refuses(midiOf(96, [], 384), 'drums.mid has no notes; a drum loop needs General MIDI drum notes on channel 10');
  refuses(midiOf(96, [[0, 100, 100]], 384), 'drums.mid has notes on channel 10, but none from the General MIDI drum kit (notes 22 to 87); map the drums to the General MIDI drum notes');
  refuses(smf(0, 0xe728, [[0x00, 0x99, 36, 100, 0x00, 0xff, 0x2f, 0x00]]), 'drums.mid counts time in SMPTE frames; export it with musical time (ticks per quarter note)');
  refuses(midiOf(96, [[0, 36, 100]], 384, [5, 16]), "drums.mid is in 5/16; Oscine's loops are counted in quarters or eighths (4/4, 3/4, 6/8, …)");
  assert.throws(() => midiFromPattern(emptyPattern({ beats: 4, beatUnit: 4 }), { ppq: 0 }), InputError);
  assert.throws(() => midiFromPattern(emptyPattern({ beats: 4, beatUnit: 4 }), { bpm: 1 }), InputError);
});
