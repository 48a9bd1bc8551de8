import { type MidiData, type MidiEvent, parseMidi, writeMidi } from 'midi-file';
import { InputError } from '../../core/errors.ts';
import { isCompound } from './meter.ts';
import { DEFAULT_TICKS_PER_QUARTER, DRUMS, INSTRUMENT_COUNT, type Loop, type Meter, type Pattern, drumOfNote, emptyPattern, ticksPerBar } from './pattern.ts';

/** MIDI channel 10, the General MIDI drum channel, as the bytes number it (from 0). */
const DRUM_CHANNEL = 9;
const DEFAULT_BPM = 120;
const DEFAULT_PPQ = 480;

export interface MidiReadOptions {
  /** The grid of the pattern (default 12). */
  readonly ticksPerQuarter?: number;
  /** Keep this many bars; by default the file's length, from its end-of-track and its last hit. */
  readonly bars?: number;
}

export interface MidiWriteOptions {
  /** Quarter notes per minute (default 120). */
  readonly bpm?: number;
  /** The file's resolution, MIDI ticks per quarter note (default 480). */
  readonly ppq?: number;
  /** Written as the track's name. */
  readonly name?: string;
}

interface Hit {
  /** In MIDI ticks from the start of the file. */
  readonly time: number;
  readonly drum: number;
  readonly velocity: number;
}

/**
 * Reads the General MIDI drums (channel 10) of a Standard MIDI File of any resolution onto the
 * grid. Each hit goes to its nearest grid tick and keeps its distance from it in `offset`; the
 * meter is the file's first time signature (4/4 without one). Two hits of one drum class on one
 * tick (say a closed and a pedal hi-hat) keep the louder. A hit just before the downbeat that
 * ends the loop is the loop's first downbeat played early.
 */
export function patternFromMidi(bytes: Uint8Array, source: string, options: MidiReadOptions = {}): Pattern {
  return readDrums(bytes, source, options).pattern;
}

/** A MIDI file as a loop named after the file, with its first tempo. */
export function loopFromMidi(bytes: Uint8Array, source: string, options: MidiReadOptions = {}): Loop {
  const { pattern, microsecondsPerBeat } = readDrums(bytes, source, options);
  const name = source.replace(/^.*[\\/]/, '').replace(/\.midi?$/i, '');
  const loop: Loop = { name, pattern };
  if (microsecondsPerBeat !== undefined) loop.bpm = Math.round(6e9 / microsecondsPerBeat) / 100;
  return loop;
}

function readDrums(bytes: Uint8Array, source: string, options: MidiReadOptions): { pattern: Pattern; microsecondsPerBeat?: number } {
  const file = readFile(bytes, source);
  const ppq = file.header.ticksPerBeat;
  if (ppq === undefined || ppq === 0) throw new InputError(`${source} counts time in SMPTE frames; export it with musical time (ticks per quarter note)`);
  const timed = file.tracks.flatMap((track) => {
    let time = 0;
    return track.map((event) => ({ time: (time += event.deltaTime), event }));
  });
  const hits = drumHits(timed, source);
  const signature = timed.filter(({ event }) => event.type === 'timeSignature').sort((a, b) => a.time - b.time)[0];
  const meter: Meter = signature?.event.type === 'timeSignature' ? meterOf(signature.event.numerator, signature.event.denominator, source) : { beats: 4, beatUnit: 4 };
  const tempo = timed.find(({ event }) => event.type === 'setTempo');
  const ticksPerQuarter = options.ticksPerQuarter ?? DEFAULT_TICKS_PER_QUARTER;
  const gridOf = (time: number) => (time * ticksPerQuarter) / ppq;
  const bar = ticksPerBar(meter, ticksPerQuarter);
  const end = gridOf(timed.reduce((last, { time }) => Math.max(last, time), 0));
  let bars = options.bars ?? Math.max(1, Math.round(end / bar));
  if (options.bars === undefined) {
    for (const hit of hits) {
      const x = gridOf(hit.time);
      const tick = Math.round(x);
      if (tick >= bars * bar && !(tick === bars * bar && x < tick)) bars = Math.floor(tick / bar) + 1;
    }
  }
  const pattern = emptyPattern(meter, bars, ticksPerQuarter);
  for (const hit of hits) {
    const x = gridOf(hit.time);
    const nearest = Math.round(x);
    const tick = nearest === pattern.ticks && x < nearest ? 0 : nearest;
    if (tick >= pattern.ticks) continue;
    const cell = hit.drum * pattern.ticks + tick;
    const velocity = Math.fround(hit.velocity / 127);
    if (pattern.onset[cell] && pattern.velocity[cell] >= velocity) continue;
    pattern.onset[cell] = 1;
    pattern.velocity[cell] = velocity;
    pattern.offset[cell] = Math.fround(x - nearest);
  }
  return tempo?.event.type === 'setTempo' ? { pattern, microsecondsPerBeat: tempo.event.microsecondsPerBeat } : { pattern };
}

function readFile(bytes: Uint8Array, source: string): MidiData {
  if (bytes.length < 14 || String.fromCharCode(...bytes.subarray(0, 4)) !== 'MThd') {
    throw new InputError(`${source} is not a MIDI file (it does not start with 'MThd'); export the loop from your sequencer as a Standard MIDI File (.mid)`);
  }
  try {
    return parseMidi(bytes);
  } catch (error) {
    throw new InputError(`${source} is a damaged MIDI file (${error instanceof Error ? error.message : String(error)}); export it again from your sequencer`);
  }
}

/** The drum hits of channel 10 in time order, or a message that says why there are none. */
function drumHits(timed: readonly { time: number; event: MidiEvent }[], source: string): Hit[] {
  const notes = timed.filter(({ event }) => event.type === 'noteOn' && event.velocity > 0);
  const drumNotes = notes.filter(({ event }) => event.type === 'noteOn' && event.channel === DRUM_CHANNEL);
  const hits: Hit[] = [];
  for (const { time, event } of drumNotes) {
    if (event.type !== 'noteOn') continue;
    const drum = drumOfNote(event.noteNumber);
    if (drum !== undefined) hits.push({ time, drum, velocity: event.velocity });
  }
  if (hits.length === 0) {
    if (notes.length === 0) throw new InputError(`${source} has no notes; a drum loop needs General MIDI drum notes on channel 10`);
    if (drumNotes.length === 0) throw new InputError(`${source} has no drums: none of its notes is on channel 10, the General MIDI drum channel; move the drum part to channel 10 in your sequencer`);
    throw new InputError(`${source} has notes on channel 10, but none from the General MIDI drum kit (notes 22 to 87); map the drums to the General MIDI drum notes`);
  }
  return hits.sort((a, b) => a.time - b.time);
}

/** Time signatures in halves or sixteenths count again in quarters or eighths: 2/2 is 4/4, 6/16 is 3/8. */
function meterOf(numerator: number, denominator: number, source: string): Meter {
  if (denominator === 4 || denominator === 8) return { beats: numerator, beatUnit: denominator };
  if (denominator === 2) return { beats: numerator * 2, beatUnit: 4 };
  if (denominator === 16 && numerator % 2 === 0) return { beats: numerator / 2, beatUnit: 8 };
  throw new InputError(`${source} is in ${numerator}/${denominator}; Oscine's loops are counted in quarters or eighths (4/4, 3/4, 6/8, …)`);
}

/**
 * A Standard MIDI File (format 0) of the pattern: tempo, time signature, and a note on channel 10
 * for every hit (the first General MIDI note of its drum class), placed with its micro-timing.
 * A hit played early on the loop's first downbeat is written just before the loop's end, so the
 * file loops as the pattern does.
 */
export function midiFromPattern(pattern: Pattern, options: MidiWriteOptions = {}): Uint8Array {
  const bpm = options.bpm ?? DEFAULT_BPM;
  const ppq = options.ppq ?? DEFAULT_PPQ;
  if (!Number.isInteger(ppq) || ppq < 1 || ppq > 0x7fff) throw new InputError(`A MIDI file's resolution is a whole number of ticks per quarter note from 1 to 32767, not ${ppq}.`);
  const microsecondsPerBeat = Math.round(60e6 / bpm);
  if (!(microsecondsPerBeat >= 1 && microsecondsPerBeat <= 0xffffff)) throw new InputError(`A MIDI file's tempo goes from 4 to 60,000,000 bpm, not ${bpm}.`);
  const perTick = ppq / pattern.ticksPerQuarter;
  const loopEnd = Math.round(pattern.ticks * perTick);
  const length = Math.max(1, Math.floor(perTick / 2));
  const notes: { time: number; event: MidiEvent }[] = [];
  for (let drum = 0; drum < INSTRUMENT_COUNT; drum++) {
    const noteNumber = DRUMS[drum].notes[0];
    for (let tick = 0; tick < pattern.ticks; tick++) {
      const cell = drum * pattern.ticks + tick;
      if (!pattern.onset[cell]) continue;
      const placed = Math.round((tick + pattern.offset[cell]) * perTick);
      const time = Math.min(placed < 0 ? placed + loopEnd : placed, loopEnd - 1);
      const velocity = Math.min(127, Math.max(1, Math.round(pattern.velocity[cell] * 127)));
      notes.push({ time, event: { deltaTime: 0, type: 'noteOn', channel: DRUM_CHANNEL, noteNumber, velocity } });
      notes.push({ time: time + length, event: { deltaTime: 0, type: 'noteOff', channel: DRUM_CHANNEL, noteNumber, velocity: 0 } });
    }
  }
  // At one time, notes end before new ones start, so a hit is never cut by the end of the one before.
  notes.sort((a, b) => a.time - b.time || Number(a.event.type === 'noteOn') - Number(b.event.type === 'noteOn'));
  const { meter } = pattern;
  const start: MidiEvent[] = [
    ...(options.name === undefined ? [] : [{ deltaTime: 0, meta: true, type: 'trackName', text: options.name } as const]),
    { deltaTime: 0, meta: true, type: 'timeSignature', numerator: meter.beats, denominator: meter.beatUnit, metronome: isCompound(meter) ? 36 : 96 / meter.beatUnit, thirtyseconds: 8 },
    { deltaTime: 0, meta: true, type: 'setTempo', microsecondsPerBeat },
  ];
  let previous = 0;
  const track = [
    ...start,
    ...notes.map(({ time, event }) => {
      const deltaTime = time - previous;
      previous = time;
      return { ...event, deltaTime };
    }),
  ];
  const last = notes.length > 0 ? notes[notes.length - 1].time : 0;
  track.push({ deltaTime: Math.max(loopEnd, last) - last, meta: true, type: 'endOfTrack' });
  return Uint8Array.from(writeMidi({ header: { format: 0, numTracks: 1, ticksPerBeat: ppq }, tracks: [track] }));
}
