import { JavaRandom } from '../../../src/core/util/java-random.ts';
import { type Loop, type Meter, drumIndex, emptyPattern } from '../../../src/generative/rhythm/pattern.ts';

/** Sets one hit: drum, tick, velocity 0..1, offset in ticks. */
export function hit(loop: Loop, drum: Parameters<typeof drumIndex>[0], tick: number, velocity = 0.8, offset = 0): void {
  const cell = drumIndex(drum) * loop.pattern.ticks + tick;
  loop.pattern.onset[cell] = 1;
  loop.pattern.velocity[cell] = velocity;
  loop.pattern.offset[cell] = offset;
}

/**
 * `count` different one-bar grooves in `meter` at 12 ticks per quarter: hats on eighths or
 * sixteenths, kicks and snare ghosts on random sixteenths, backbeats, a little timing and
 * velocity variation. The same seed gives the same loops.
 */
export function syntheticLoops(count: number, seed = 1, meter: Meter = { beats: 4, beatUnit: 4 }): Loop[] {
  const random = new JavaRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const loop: Loop = { name: `groove ${index + 1}`, pattern: emptyPattern(meter) };
    const ticks = loop.pattern.ticks;
    const hatStep = random.nextDouble() < 0.5 ? 6 : 3;
    const hat = random.nextDouble() < 0.3 ? 'ride' : 'closed-hat';
    for (let tick = 0; tick < ticks; tick += hatStep) hit(loop, hat, tick, 0.5 + 0.3 * random.nextDouble(), 0.2 * (random.nextDouble() - 0.5));
    hit(loop, 'kick', 0, 0.9);
    for (let tick = 3; tick < ticks; tick += 3) if (random.nextDouble() < 0.18) hit(loop, 'kick', tick, 0.6 + 0.3 * random.nextDouble());
    for (let tick = 12; tick < ticks; tick += 24) hit(loop, 'snare', tick, 0.95);
    for (let tick = 3; tick < ticks; tick += 3) if (random.nextDouble() < 0.08) hit(loop, 'snare', tick, 0.3);
    if (random.nextDouble() < 0.3) hit(loop, 'open-hat', ticks - 6, 0.7);
    if (random.nextDouble() < 0.2) hit(loop, 'crash', 0, 0.8);
    return loop;
  });
}
