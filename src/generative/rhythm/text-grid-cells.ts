/**
 * One step of a text-grid row: a rest (`.` or `-`) or a hit. A hit is a loudness level, `1` (softest)
 * to `9` (loudest), or `g` (ghost, 3), `x` (normal, 7), `X` (accent, 9); level L is MIDI velocity
 * round(L × 127 / 9). Two optional marks follow a hit:
 * - `@V`: the exact MIDI velocity (0 to 127, may have decimals), for loudness between the levels;
 * - `>T` or `<T`: micro-timing, the hit is T ticks late or early (less than half a tick late, at
 *   most half a tick early), e.g. `x>0.3` for a laid-back snare.
 */

/** MIDI velocity of each level 1..9 (index 0 unused). */
const LEVEL_VELOCITIES = [0, 14, 28, 42, 56, 71, 85, 99, 113, 127];
const LETTERS: Readonly<Record<string, number>> = { g: 3, x: 7, X: 9 };

const REST = '.';

export function isRest(char: string): boolean {
  return char === '.' || char === '-';
}

/** The velocity (0..1) of a hit character, or undefined if the character is not a hit. */
export function levelVelocity(char: string): number | undefined {
  const level = LETTERS[char] ?? (/^[1-9]$/.test(char) ? Number(char) : undefined);
  return level === undefined ? undefined : Math.fround(LEVEL_VELOCITIES[level] / 127);
}

/** Where a number starts at `from`: `12`, `0.3`, `.3`, `1e-7`; a dot not followed by a digit is a rest, not part of it. */
export function scanNumber(text: string, from: number): { value: number; end: number } | undefined {
  const match = /^(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(from));
  return match ? { value: Number(match[0]), end: from + match[0].length } : undefined;
}

/** The shortest decimal that reads back (through `read`) as exactly `value`. */
function shortest(target: number, scaled: number, read: (n: number) => number): string {
  for (let digits = 1; digits < 17; digits++) {
    const text = String(Number(scaled.toPrecision(digits)));
    if (read(Number(text)) === target) return text;
  }
  return String(scaled);
}

/** Reads an `@V` mark's MIDI velocity as a pattern velocity. */
export function markedVelocity(midiVelocity: number): number {
  return Math.fround(midiVelocity / 127);
}

/** The text of one step: the nearest level, then `@V` when the velocity is between levels, then the timing mark. */
export function formatStep(onset: number, velocity: number, offset: number): string {
  if (!onset) return REST;
  let nearest = 1;
  for (let level = 2; level <= 9; level++) {
    if (Math.abs(LEVEL_VELOCITIES[level] - velocity * 127) < Math.abs(LEVEL_VELOCITIES[nearest] - velocity * 127)) nearest = level;
  }
  const letter = Object.keys(LETTERS).find((key) => LETTERS[key] === nearest) ?? String(nearest);
  const exact = Math.fround(LEVEL_VELOCITIES[nearest] / 127) === velocity ? '' : `@${shortest(velocity, velocity * 127, markedVelocity)}`;
  const timing = offset === 0 ? '' : `${offset > 0 ? '>' : '<'}${shortest(Math.abs(offset), Math.abs(offset), Math.fround)}`;
  return letter + exact + timing;
}
