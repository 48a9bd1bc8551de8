import { InputError } from '../../../core/errors.ts';
import { DEFAULT_TICKS_PER_QUARTER, INSTRUMENT_COUNT, type Meter, type Pattern, emptyPattern } from '../pattern.ts';

/**
 * The one grid a model is trained for: a meter, a number of bars and a resolution. A network has
 * a fixed number of inputs and outputs, so every loop it learns or encodes is first fitted to it.
 */
export interface LoopGrid {
  readonly meter: Meter;
  readonly bars: number;
  readonly ticksPerQuarter: number;
  readonly ticks: number;
}

export function loopGrid(meter: Meter, bars: number, ticksPerQuarter = DEFAULT_TICKS_PER_QUARTER): LoopGrid {
  const { ticks } = emptyPattern(meter, bars, ticksPerQuarter);
  return { meter, bars, ticksPerQuarter, ticks };
}

/** Cells per value (onset, velocity or offset) in a loop on this grid. */
export function cellsOf(grid: LoopGrid): number {
  return INSTRUMENT_COUNT * grid.ticks;
}

export function meterName(meter: Meter): string {
  return `${meter.beats}/${meter.beatUnit}`;
}

/** Reads "4/4", "6/8", … */
export function parseMeter(text: string): Meter {
  const match = /^\s*(\d+)\s*\/\s*(4|8)\s*$/.exec(text);
  if (!match) throw new InputError(`'${text}' is not a meter Oscine knows; write it like 4/4, 3/4, 5/4, 6/8 or 12/8.`);
  return { beats: Number(match[1]), beatUnit: Number(match[2]) as 4 | 8 };
}

function sameMeter(a: Meter, b: Meter): boolean {
  return a.beats === b.beats && a.beatUnit === b.beatUnit;
}

/** The longest a model is by default: longer loops are cut unless `bars` asks for more. */
const MAX_DEFAULT_BARS = 2;

/**
 * The grid for a set of loops: the meter most of them share (or `meter`), and as many bars as
 * the longest loop in that meter has, up to two (or `bars`), at 12 ticks per quarter note.
 * Shorter loops are repeated to fill it, so no loop loses anything it plays.
 */
export function chooseGrid(patterns: readonly Pattern[], meter?: Meter, bars?: number): LoopGrid {
  if (patterns.length === 0) throw new InputError('There are no loops to learn from; give MIDI files, text grids, or folders of them.');
  const chosenMeter = meter ?? mostCommon(patterns.map((p) => p.meter), meterName);
  const inMeter = patterns.filter((p) => sameMeter(p.meter, chosenMeter));
  if (inMeter.length === 0) throw new InputError(`None of the loops is in ${meterName(chosenMeter)}; choose a meter that some of them are in.`);
  const chosenBars = bars ?? Math.min(MAX_DEFAULT_BARS, Math.max(...inMeter.map((p) => p.bars)));
  return loopGrid(chosenMeter, chosenBars);
}

/** Ties go to the value seen first. */
function mostCommon<T>(values: readonly T[], key: (value: T) => string): T {
  const counts = new Map<string, { value: T; count: number }>();
  for (const value of values) {
    const entry = counts.get(key(value)) ?? { value, count: 0 };
    entry.count++;
    counts.set(key(value), entry);
  }
  let best = { value: values[0], count: 0 };
  for (const entry of counts.values()) if (entry.count > best.count) best = entry;
  return best.value;
}

/** True when a loop can be fitted to the grid without changing what its beats mean. */
export function fitsMeter(pattern: Pattern, grid: LoopGrid): boolean {
  return sameMeter(pattern.meter, grid.meter);
}

/**
 * A loop fitted to the grid: resampled to the grid's resolution (a hit between two ticks keeps
 * its exact time in `offset`, as far as the half-tick range allows), then looped to fill the
 * grid's length when it is shorter, or cut after the grid's length when it is longer. Loops of
 * another meter are looped tick by tick, so callers decide whether to allow that (`fitsMeter`).
 */
export function fitToGrid(pattern: Pattern, grid: LoopGrid): Pattern {
  const fitted = emptyPattern(grid.meter, grid.bars, grid.ticksPerQuarter);
  const scale = grid.ticksPerQuarter / pattern.ticksPerQuarter;
  const sourceTicks = Math.round(pattern.ticks * scale);
  for (let instrument = 0; instrument < INSTRUMENT_COUNT; instrument++) {
    for (let tick = 0; tick < pattern.ticks; tick++) {
      const cell = instrument * pattern.ticks + tick;
      if (!pattern.onset[cell]) continue;
      const time = (tick + pattern.offset[cell]) * scale;
      const nearest = Math.round(time);
      const offset = time - nearest;
      for (let start = 0; start < grid.ticks; start += sourceTicks) {
        const target = start + (((nearest % sourceTicks) + sourceTicks) % sourceTicks);
        if (target >= grid.ticks) continue;
        const out = instrument * grid.ticks + target;
        if (fitted.onset[out] && fitted.velocity[out] >= pattern.velocity[cell]) continue;
        fitted.onset[out] = 1;
        fitted.velocity[out] = pattern.velocity[cell];
        fitted.offset[out] = offset;
      }
    }
  }
  return fitted;
}
