import { INSTRUMENT_COUNT } from '../pattern.ts';
import { beatTicks } from '../meter.ts';
import type { LoopGrid } from './loop-grid.ts';
import type { SeededRandom } from './seeded-random.ts';
import type { RotationStep, VaeSettings } from './settings.ts';

/** Sets up to this many loops get the full augmentation; larger sets get less, in proportion. */
const TINY_SET = 8;

/**
 * The augmentation chances for a set of `loops` loops. Augmentation stands in for loops a tiny
 * set lacks; in a larger set it only blurs the loops the musician gave (at full strength it cost
 * 0.06 of onset F1 on the 41 starter loops in 4/4), so it fades as the set grows.
 */
export function augmentationFor(settings: VaeSettings, loops: number): VaeSettings {
  const scale = Math.min(1, TINY_SET / loops);
  return { ...settings, rotation: settings.rotation * scale, dropout: settings.dropout * scale };
}

/** How far one rotation step moves a loop, in ticks. */
export function rotationTicks(grid: LoopGrid, step: RotationStep): number {
  if (step === 'beat') return beatTicks(grid.meter, grid.ticksPerQuarter);
  return step === 'eighth' ? grid.ticksPerQuarter / 2 : grid.ticksPerQuarter / 4;
}

/**
 * Copies a loop row (see loopVector) into `out` with the augmentation for tiny sets drawn for
 * it: with chance `rotation`, the whole loop turned in time by a random whole number of steps
 * (what was on beat 1 now falls on beat 2, …), and each drum's part silenced with chance
 * `dropout` (never all of them). The target is the augmented loop itself, so the model learns
 * more loops, not a denoising task.
 */
export function augmentLoop(source: Float32Array, out: Float32Array, grid: LoopGrid, settings: VaeSettings, random: SeededRandom): void {
  const ticks = grid.ticks;
  const cells = INSTRUMENT_COUNT * ticks;
  const step = rotationTicks(grid, settings.rotationStep as RotationStep);
  const steps = Math.floor(ticks / step);
  const shift = random.nextDouble() < settings.rotation && steps > 1 ? Math.round(step * (1 + random.nextInt(steps - 1))) : 0;
  let kept = 0;
  for (let instrument = 0; instrument < INSTRUMENT_COUNT; instrument++) {
    const dropped = random.nextDouble() < settings.dropout && kept + (INSTRUMENT_COUNT - instrument) > 1;
    if (!dropped) kept++;
    for (let plane = 0; plane < 3; plane++) {
      const row = plane * cells + instrument * ticks;
      for (let tick = 0; tick < ticks; tick++) {
        out[row + ((tick + shift) % ticks)] = dropped ? 0 : source[row + tick];
      }
    }
  }
}
