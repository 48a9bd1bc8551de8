import { Clock, getContext, now } from 'tone';
import type { Pattern } from '../../../../src/generative/rhythm/pattern.ts';
import type { Sound } from './sound.ts';
import { createSound } from './sound-shell.ts';
import { createDrumKit } from './drum-kit.ts';
import { BUILT_IN_PATTERNS } from './drum-patterns.ts';
import { fadeOutAndDispose, glide, openToneOutput, volumeToGain } from './tone-voice.ts';

export interface DrumMachineOptions {
  /** The patterns a classifier chooses among (class k plays the k-th); default the built-in five. */
  patterns?: readonly Pattern[];
}

const [PATTERN, TEMPO, VOLUME] = [0, 1, 2];
/** Tempo changes smaller than this are not worth a new clock automation event. */
const TEMPO_STEP = 0.5;

/**
 * A drum machine looping one pattern at a time. Its `pattern` parameter is meant for a classifier:
 * class k plays pattern k, switching on the next tick so the groove keeps its place in the bar.
 * Tempo in beats per minute; volume 0..1. Drums are synthesised (see drum-kit.ts).
 */
export function createDrumMachine(options: DrumMachineOptions = {}): Sound {
  const patterns = options.patterns ?? BUILT_IN_PATTERNS.map((entry) => entry.pattern);
  if (patterns.length === 0) throw new Error('A drum machine needs at least one pattern.');
  return createSound({
    id: 'drum-machine',
    label: 'Drum machine',
    parameters: [
      { name: 'pattern', min: 1, max: patterns.length, whole: true, initial: 1 },
      { name: 'tempo', min: 60, max: 180, initial: 100, unit: 'BPM' },
      { name: 'volume', min: 0, max: 1, initial: 0.7 },
    ],
    async play(values) {
      const output = await openToneOutput(volumeToGain(values[VOLUME]));
      const kit = createDrumKit(output);
      let pattern = patterns[values[PATTERN] - 1];
      let tempo = values[TEMPO];
      const ticksPerSecond = (bpm: number) => (bpm / 60) * pattern.ticksPerQuarter;

      const clock = new Clock((time, tick) => {
        const at = (tick ?? 0) % pattern.ticks;
        const tickSeconds = 1 / ticksPerSecond(tempo);
        for (let instrument = 0, cell = at; cell < pattern.onset.length; instrument++, cell += pattern.ticks) {
          if (pattern.onset[cell]) kit.hit(instrument, time + pattern.offset[cell] * tickSeconds, pattern.velocity[cell]);
        }
      }, ticksPerSecond(tempo));
      clock.start(now());
      const retime = () => clock.frequency.setValueAtTime(ticksPerSecond(tempo), getContext().currentTime);

      return {
        change(index, value) {
          if (index === PATTERN) {
            pattern = patterns[value - 1];
            retime();
          } else if (index === TEMPO) {
            if (Math.abs(value - tempo) < TEMPO_STEP) return;
            tempo = value;
            retime();
          } else if (index === VOLUME) {
            glide(output.gain, volumeToGain(value));
          }
        },
        release() {
          clock.stop();
          fadeOutAndDispose(output, [clock, ...kit.nodes]);
        },
      };
    },
  });
}
