import type { Meter } from './pattern.ts';

/** 6/8, 9/8, 12/8 (and 3/8): eighths grouped in threes, felt as dotted-quarter beats. */
export function isCompound(meter: Meter): boolean {
  return meter.beatUnit === 8 && meter.beats % 3 === 0;
}

/**
 * The beat a musician counts, in ticks: the quarter in x/4, the dotted quarter in compound
 * meters, the eighth in other x/8 meters (5/8, 7/8). May be fractional for an odd ticks per quarter.
 */
export function beatTicks(meter: Meter, ticksPerQuarter: number): number {
  if (meter.beatUnit === 4) return ticksPerQuarter;
  return isCompound(meter) ? (ticksPerQuarter * 3) / 2 : ticksPerQuarter / 2;
}

/** Counted beats in a bar: 4 in 4/4, 2 in 6/8, 4 in 12/8, 5 in 5/4. */
export function countedBeats(meter: Meter): number {
  return isCompound(meter) ? meter.beats / 3 : meter.beats;
}

/**
 * The beats (counted from 0) where a group of beats starts, below the bar: 4 beats are 2 + 2,
 * 6 are 2 + 2 + 2, 5 are 3 + 2, 7 are 3 + 2 + 2; 2 and 3 beats make a single group.
 */
export function beatGroupStarts(beats: number): number[] {
  if (beats <= 3) return [0];
  const starts = [0];
  for (let beat = beats % 2 === 0 ? 2 : 3; beat < beats; beat += 2) starts.push(beat);
  return starts;
}
