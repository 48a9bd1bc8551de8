import { now } from 'tone';
import type { Sound } from './sound.ts';
import { createSound } from './sound-shell.ts';
import { createDrumKit } from './drum-kit.ts';
import { fadeOutAndDispose, openToneOutput } from './tone-voice.ts';

/** The drums, and each one's row in the kit (see drum-kit.ts). */
const DRUMS = [
  { name: 'kick', instrument: 0 },
  { name: 'snare', instrument: 1 },
  { name: 'hat', instrument: 2 },
  { name: 'tom', instrument: 5 },
  { name: 'crash', instrument: 7 },
];
/** A drum is struck when its value rises to this, and ready again when it falls below it. */
const STRIKE = 0.5;
const VELOCITY = 0.9;

/**
 * Single drum hits, one parameter per drum (0..1): a drum is struck each time its value rises
 * to the middle, so a continuous output crossing it plays a hit, as does a gesture firing
 * (`strike`: up and down again at once).
 */
export function createDrumHits(): Sound {
  const sound = createSound({
    id: 'drum-hits',
    label: 'Drum hits',
    parameters: DRUMS.map(({ name }) => ({ name, min: 0, max: 1 })),
    async play(values) {
      const output = await openToneOutput(1);
      const kit = createDrumKit(output);
      const up = Array.from(values, (value) => value >= STRIKE);
      return {
        change(index, value) {
          const rising = value >= STRIKE && !up[index];
          up[index] = value >= STRIKE;
          if (rising) kit.hit(DRUMS[index].instrument, now(), VELOCITY);
        },
        release() {
          fadeOutAndDispose(output, kit.nodes);
        },
      };
    },
  });
  const pulse = new Float64Array(DRUMS.length);
  return {
    ...sound,
    strike(gesture) {
      const index = gesture % DRUMS.length;
      pulse.fill(Number.NaN);
      pulse[index] = 1;
      sound.set(pulse);
      pulse[index] = 0;
      sound.set(pulse);
    },
  };
}
