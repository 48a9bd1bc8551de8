import { beatGroupStarts, beatTicks, countedBeats, isCompound } from './meter.ts';
import { DRUMS, type DrumName, type Pattern, drumIndex, ticksPerBar } from './pattern.ts';

/*
 * Measures of a drum loop, the attributes that latent directions are found for. Each is
 * independent of the grid's resolution and of the loop's length, so loops of any meter compare.
 */

function quarterNotes(p: Pattern): number {
  return p.ticks / p.ticksPerQuarter;
}

function onsetsIn(p: Pattern, row: number): number {
  let count = 0;
  for (let t = 0; t < p.ticks; t++) count += p.onset[row * p.ticks + t];
  return count;
}

/** Hits per quarter note, all drums together: a rock beat with eighth-note hats is about 3. */
export function density(p: Pattern): number {
  let count = 0;
  for (let row = 0; row < DRUMS.length; row++) count += onsetsIn(p, row);
  return count / quarterNotes(p);
}

/** Hits per quarter note of one drum (by name or row); the activities of all drums add up to the density. */
export function instrumentActivity(p: Pattern, instrument: DrumName | number): number {
  return onsetsIn(p, drumIndex(instrument)) / quarterNotes(p);
}

/** The drums whose hits fill a rest: kick, snare and toms. Hats and cymbals keep time and do not. */
const GROUND: readonly DrumName[] = ['kick', 'snare', 'low-tom', 'mid-tom', 'high-tom'];

/**
 * Metrical weight of each tick of a bar (Longuet-Higgins & Lee): 0 on the downbeat, then −1, −2, …
 * for each level down — groups of beats (the half bar of 4/4 and 12/8, the 3 + 2 of 5/4), beats
 * (the dotted quarter in 6/8 and 12/8), then the beat's divisions. A compound beat divides in
 * three; a simple beat in two, or in three when more of the loop's hits fall on its thirds than
 * on its halves (a shuffle or triplet groove is not syncopated). Further levels halve, then third.
 */
export function metricalWeights(p: Pattern): Int8Array {
  const bar = ticksPerBar(p.meter, p.ticksPerQuarter);
  const weights = new Int8Array(bar);
  const periods: number[][] = [];
  const beat = beatTicks(p.meter, p.ticksPerQuarter);
  const groups = beatGroupStarts(countedBeats(p.meter));
  if (Number.isInteger(beat)) {
    if (groups.length > 1) periods.push(groups.map((g) => g * beat));
    periods.push(ticksFrom(bar, beat));
    let period = beat;
    for (const factor of divisions(beat, firstDivision(p, beat))) {
      period /= factor;
      periods.push(ticksFrom(bar, period));
    }
  } else {
    periods.push(ticksFrom(bar, 1));
  }
  weights.fill(-(periods.length + 1));
  for (let level = periods.length - 1; level >= 0; level--) {
    for (const tick of periods[level]) weights[tick] = -(level + 1);
  }
  weights[0] = 0;
  return weights;
}

function ticksFrom(bar: number, period: number): number[] {
  return Array.from({ length: bar / period }, (_, i) => i * period);
}

/** 3 when the beat divides in three, else 2 (see metricalWeights). */
function firstDivision(p: Pattern, beat: number): number {
  if (isCompound(p.meter)) return 3;
  if (beat % 6 !== 0) return 2;
  let halves = 0;
  let thirds = 0;
  p.onset.forEach((on, cell) => {
    const inBeat = (cell % p.ticks) % beat;
    if (!on || inBeat === 0) return;
    if (inBeat % (beat / 2) === 0) halves++;
    else if (inBeat % (beat / 3) === 0) thirds++;
  });
  return thirds > halves ? 3 : 2;
}

/** How a beat of `ticks` divides down to single ticks: `first` (when it divides), then twos, threes, fives, … */
function divisions(ticks: number, first: number): number[] {
  const factors: number[] = [];
  let rest = ticks;
  for (let factor = 2; rest > 1; factor++) {
    while (rest % factor === 0) {
      factors.push(factor);
      rest /= factor;
    }
  }
  const at = factors.indexOf(first);
  if (at > 0) factors.unshift(...factors.splice(at, 1));
  return factors;
}

/**
 * Syncopation per bar, after Longuet-Higgins & Lee, for a kit: a hit is syncopated when, before
 * the same drum plays again (round the loop), a stronger metrical position passes with no kick,
 * snare or tom on it; it counts the weight of the strongest such position minus the hit's. A
 * backbeat over a kick on 1 and 3 scores 0; a kick on the last sixteenth before an empty beat 3
 * of 4/4 scores 3 (−1 for the half bar, minus −4 for the sixteenth).
 */
export function syncopation(p: Pattern): number {
  const weights = metricalWeights(p);
  const bar = weights.length;
  const ground = new Uint8Array(p.ticks);
  for (const drum of GROUND) {
    const row = drumIndex(drum);
    for (let t = 0; t < p.ticks; t++) ground[t] |= p.onset[row * p.ticks + t];
  }
  let total = 0;
  for (let row = 0; row < DRUMS.length; row++) {
    const hits: number[] = [];
    for (let t = 0; t < p.ticks; t++) if (p.onset[row * p.ticks + t]) hits.push(t);
    hits.forEach((tick, k) => {
      const next = k + 1 < hits.length ? hits[k + 1] : hits[0] + p.ticks;
      let strongest = -Infinity;
      for (let s = tick + 1; s < next; s++) {
        if (!ground[s % p.ticks]) strongest = Math.max(strongest, weights[s % bar]);
      }
      total += Math.max(0, strongest - weights[tick % bar]);
    });
  }
  return total / p.bars;
}

/** How far an off-beat may lean, as a fraction of its pair: from 1/12 early to 1/6 late (a full triplet). */
const EARLIEST = -1 / 12;
const LATEST = 1 / 6;

/**
 * Swing as a drum machine's swing percentage: how far into each pair of notes the off-beat falls.
 * 50 is straight, 66.7 a full triplet shuffle, 54 to 62 the usual feel. It is measured on the
 * sixteenths (pairs within each eighth) when any hit falls near an off-beat sixteenth, otherwise
 * on the eighths (pairs within each quarter; x/4 meters only, since compound eighths come in
 * threes), from each off-beat hit's place including its micro-timing. A loop with no off-beat hits is 50.
 */
export function swing(p: Pattern): number {
  const levels = [p.ticksPerQuarter / 2, ...(p.meter.beatUnit === 4 ? [p.ticksPerQuarter] : [])];
  for (const pair of levels) {
    const leans: number[] = [];
    p.onset.forEach((on, cell) => {
      if (!on) return;
      const place = ((cell % p.ticks) + p.offset[cell] + p.ticks) % pair;
      const lean = place / pair - 0.5;
      if (lean >= EARLIEST - 1e-9 && lean <= LATEST + 1e-9) leans.push(lean);
    });
    if (leans.length > 0) return 50 + (100 * leans.reduce((a, b) => a + b, 0)) / leans.length;
  }
  return 50;
}
