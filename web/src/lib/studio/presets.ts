import { fileStem } from '../../../../src/core/project/file-name.ts';
import type { OutputRequestForm } from '../../../../src/core/studio/protocol.ts';
import type { SoundParameter } from '../sounds/sound.ts';

/** A quick start: inputs, a sound, and outputs made to drive it. */
export interface Preset {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly inputs: readonly string[];
  readonly sound: string;
  /** Outputs of its own; otherwise they are made from the sound's parameters. */
  readonly outputs?: readonly OutputRequestForm[];
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'mouse-synth',
    label: 'Mouse → synth',
    description: 'Move the mouse to play an FM synth: show where each sound lives, and play between them.',
    inputs: ['mouse'],
    sound: 'fm-synth',
  },
  {
    id: 'webcam-drums',
    label: 'Webcam → drum machine',
    description: 'Show the camera a pose or a colour for each drum pattern.',
    inputs: ['webcam-colours'],
    sound: 'drum-machine',
  },
  {
    id: 'microphone-classifier',
    label: 'Microphone → classifier',
    description: 'Hum, whistle or clap: each kind of sound picks a drum pattern.',
    inputs: ['microphone'],
    sound: 'drum-machine',
    outputs: [{ kind: 'classifier', name: 'sound', classes: 3, model: 'knn' }],
  },
  {
    id: 'mouse-gestures',
    label: 'Mouse → gestures',
    description: 'Draw shapes with the mouse: teach each one by drawing it, then every time you draw it a drum is struck.',
    inputs: ['mouse'],
    sound: 'drum-hits',
    outputs: [{ kind: 'gesture', name: 'shapes', gestures: ['across', 'down', 'circle'], matching: 'continuous' }],
  },
];

/**
 * Outputs that drive a sound: a classifier for each whole-number parameter (a pattern, a note)
 * if it has any, otherwise a continuous output from 0 to 1 per parameter, named after it.
 */
export function outputsFor(parameters: readonly SoundParameter[]): OutputRequestForm[] {
  const whole = parameters.filter((p) => p.whole && p.min === 1 && p.max >= 2);
  if (whole.length > 0) return whole.map((p) => ({ kind: 'classifier', name: p.name, classes: p.max, model: 'knn' }));
  return parameters.map((p) => ({ kind: 'continuous', name: p.name, min: 0, max: 1, model: 'mlp' }));
}

/** A project name not yet taken by a file in the folder, e.g. "Mouse synth 2". */
export function freshName(base: string, files: readonly string[]): string {
  const taken = new Set(files);
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} ${n}`;
    if (!taken.has(`${fileStem(name)}.oscine`)) return name;
  }
}
