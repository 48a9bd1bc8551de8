import type { Loop } from '../src/generative/rhythm/pattern.ts';
import { starterLoops } from '../src/generative/rhythm/starter-loops.ts';
import { type LoopGrid, fitToGrid, fitsMeter } from '../src/generative/rhythm/vae/loop-grid.ts';

/**
 * The benchmark's 50 loops: the starter loops in the grid's meter (41 in 4/4), then the first of
 * the others, looped tick by tick into the grid (as polymeters), all of one length.
 */
export function benchLoops(grid: LoopGrid, count = 50): Loop[] {
  const starters = starterLoops();
  const inMeter = starters.filter((loop) => fitsMeter(loop.pattern, grid));
  const others = starters.filter((loop) => !fitsMeter(loop.pattern, grid)).slice(0, count - inMeter.length);
  const loops = [...inMeter, ...others].map((loop) => ({ name: loop.name, pattern: fitToGrid(loop.pattern, grid) }));
  if (loops.length !== count) throw new Error(`the starter loops give ${loops.length} loops, not ${count}`);
  return loops;
}
