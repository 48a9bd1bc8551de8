import type { Sound } from './sound.ts';
import { createDrumHits } from './drum-hits.ts';
import { createDrumMachine } from './drum-machine.ts';
import { createFmSynth } from './fm-synth.ts';
import { createMidiOut } from './midi-out.ts';
import { createSampler } from './sampler.ts';

export type { Sound, SoundParameter } from './sound.ts';
export type { Sampler } from './sampler.ts';
export { BUILT_IN_PATTERNS } from './drum-patterns.ts';
export { createDrumHits, createDrumMachine, createFmSynth, createMidiOut, createSampler };

/** A built-in sound as the studio's menus show it; each factory above takes more options. */
export interface SoundKind {
  readonly id: string;
  readonly label: string;
  /** One line saying what the sound is, for a menu or a screen reader. */
  readonly description: string;
  create(): Sound;
}

export const soundKinds: readonly SoundKind[] = [
  {
    id: 'fm-synth',
    label: 'FM synth',
    description: 'a held tone: pitch, harmonicity, modulation index, brightness, volume',
    create: createFmSynth,
  },
  {
    id: 'drum-machine',
    label: 'Drum machine',
    description: 'a classifier picks one of five drum patterns; tempo and volume',
    create: () => createDrumMachine(),
  },
  {
    id: 'sampler',
    label: 'Sampler',
    description: 'loops a stretch of a sample (built in, or recorded from the microphone): position, loop length, speed, pitch, volume',
    create: createSampler,
  },
  {
    id: 'drum-hits',
    label: 'Drum hits',
    description: 'one drum per gesture (kick, snare, hat, tom, crash), struck when the gesture is matched, or when an output rises past the middle',
    create: createDrumHits,
  },
  {
    id: 'midi-out',
    label: 'MIDI out',
    description: 'controllers 1–4 for continuous outputs and a note per class, on channel 1 of the first MIDI output',
    create: () => createMidiOut(),
  },
];
