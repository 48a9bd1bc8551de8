import { InputError } from '../../core/errors.ts';

/**
 * The nine drum classes of Magenta's General MIDI drum mapping (the one R-VAE used), in the order
 * the rows of a pattern follow. `notes` are the GM drum notes that fold into each class; the first
 * is the one written when a pattern is exported.
 */
export const DRUMS = [
  { name: 'kick', notes: [36, 35] },
  { name: 'snare', notes: [38, 37, 40] },
  { name: 'closed-hat', notes: [42, 44, 22] },
  { name: 'open-hat', notes: [46, 26] },
  { name: 'low-tom', notes: [45, 41, 43, 58] },
  { name: 'mid-tom', notes: [47, 48] },
  { name: 'high-tom', notes: [50] },
  { name: 'crash', notes: [49, 52, 55, 57] },
  { name: 'ride', notes: [51, 53, 59] },
] as const;

export const INSTRUMENT_COUNT = DRUMS.length;

/** A drum class by name: 'kick', 'snare', 'closed-hat', … */
export type DrumName = (typeof DRUMS)[number]['name'];

/** The row of a drum class, by name or by row number. */
export function drumIndex(instrument: DrumName | number): number {
  const index = typeof instrument === 'number' ? instrument : DRUMS.findIndex((d) => d.name === instrument);
  if (!Number.isInteger(index) || index < 0 || index >= INSTRUMENT_COUNT) {
    throw new InputError(`There is no drum '${instrument}'; the drums are ${DRUMS.map((d) => d.name).join(', ')}.`);
  }
  return index;
}

/**
 * The rest of the General MIDI percussion notes, folded into the nine classes as Magenta's full
 * drum mapping does (claps and side sticks → snare, shakers and tambourine → closed hat, congas
 * and bongos → toms, …), so that a file with hand percussion still reads.
 */
const MORE_NOTES: readonly (readonly number[])[] = [
  [],
  [27, 28, 31, 32, 33, 34, 39, 56, 65, 66, 75, 85],
  [54, 68, 69, 70, 71, 73, 78, 80],
  [67, 72, 74, 79, 81],
  [29, 61, 64, 84],
  [60, 63, 77, 86, 87],
  [30, 62, 76, 83],
  [],
  [82],
];

/** The drum class of a General MIDI drum note, or undefined for a note outside the kit. */
export function drumOfNote(note: number): number | undefined {
  const index = DRUMS.findIndex((d) => (d.notes as readonly number[]).includes(note));
  if (index >= 0) return index;
  const more = MORE_NOTES.findIndex((notes) => notes.includes(note));
  return more >= 0 ? more : undefined;
}

/**
 * Ticks per quarter note by default. 12 holds sixteenths (3 ticks), eighth triplets (4),
 * sixteenth triplets (2) and the eighths of 6/8 and 12/8 (6) without rounding.
 */
export const DEFAULT_TICKS_PER_QUARTER = 12;

/** A time signature: 4/4, 3/4, 5/4, 6/8, 12/8, … */
export interface Meter {
  readonly beats: number;
  readonly beatUnit: 4 | 8;
}

/**
 * A drum loop: instruments × ticks, three values per cell. Cell (instrument i, tick t) is at
 * index `i * ticks + t` in each array.
 */
export interface Pattern {
  readonly meter: Meter;
  readonly ticksPerQuarter: number;
  readonly bars: number;
  /** bars × ticksPerBar(meter, ticksPerQuarter) */
  readonly ticks: number;
  /** 1 where a drum is struck, else 0. */
  readonly onset: Uint8Array;
  /** 0..1 (MIDI velocity / 127) where struck, 0 elsewhere. */
  readonly velocity: Float32Array;
  /** Micro-timing: how far the hit is from its tick, in ticks, in [-0.5, 0.5); 0 where not struck. */
  readonly offset: Float32Array;
}

/**
 * A named drum loop: what a MIDI file or a text grid holds. `bpm` counts quarter notes per
 * minute, as MIDI does, in every meter.
 */
export interface Loop {
  name: string;
  style?: string;
  bpm?: number;
  pattern: Pattern;
}

export function ticksPerBar(meter: Meter, ticksPerQuarter: number): number {
  const ticks = (meter.beats * 4 * ticksPerQuarter) / meter.beatUnit;
  if (!Number.isInteger(ticks)) {
    throw new InputError(`A bar of ${meter.beats}/${meter.beatUnit} does not fit ${ticksPerQuarter} ticks per quarter note; use a multiple of 2.`);
  }
  return ticks;
}

/** A silent pattern. */
export function emptyPattern(meter: Meter, bars = 1, ticksPerQuarter = DEFAULT_TICKS_PER_QUARTER): Pattern {
  if (!Number.isInteger(meter.beats) || meter.beats < 1 || meter.beats > 32) {
    throw new InputError(`A bar needs 1 to 32 beats, not ${meter.beats}.`);
  }
  if (!Number.isInteger(bars) || bars < 1) throw new InputError(`A loop needs a whole number of bars (1 or more), not ${bars}.`);
  if (!Number.isInteger(ticksPerQuarter) || ticksPerQuarter < 1) {
    throw new InputError(`Ticks per quarter note must be a whole number of 1 or more, not ${ticksPerQuarter}.`);
  }
  const ticks = bars * ticksPerBar(meter, ticksPerQuarter);
  const cells = INSTRUMENT_COUNT * ticks;
  return { meter, ticksPerQuarter, bars, ticks, onset: new Uint8Array(cells), velocity: new Float32Array(cells), offset: new Float32Array(cells) };
}
