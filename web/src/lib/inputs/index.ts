import type { InputSource } from './input-source.ts';
import { createGamepadInput } from './gamepad.ts';
import { createMicrophone } from './microphone.ts';
import { createMidiInput } from './midi.ts';
import { createMouseInput } from './mouse.ts';
import { createPhoneMotion } from './phone-motion.ts';
import { createWebcamGrid } from './webcam-grid.ts';
import { createWebcamMotion } from './webcam-motion.ts';

export type { InputSource } from './input-source.ts';
export { createGamepadInput, createMicrophone, createMidiInput, createMouseInput, createPhoneMotion, createWebcamGrid, createWebcamMotion };

/** What the studio knows when it makes an input: the area of the page a pointer plays on. */
export interface InputPlace {
  element?: Element;
}

/** A built-in input as the studio's menus show it; each factory above takes more options. */
export interface InputKind {
  readonly id: string;
  readonly label: string;
  /** One line saying what the input measures, for a menu or a screen reader. */
  readonly description: string;
  create(place?: InputPlace): InputSource;
}

export const inputKinds: readonly InputKind[] = [
  {
    id: 'mouse',
    label: 'Mouse or touch position',
    description: 'x and y from 0 to 1 over the play area (2 inputs)',
    create: (place) => createMouseInput({ element: place?.element }),
  },
  {
    id: 'webcam-grid',
    label: 'Webcam brightness grid',
    description: 'the brightness of each cell of a 10 × 10 grid over the picture (100 inputs)',
    create: () => createWebcamGrid(),
  },
  {
    id: 'webcam-colours',
    label: 'Webcam colour grid',
    description: 'red, green and blue of each cell of a 3 × 3 grid (27 inputs)',
    create: () => createWebcamGrid({ columns: 3, rows: 3, colour: true }),
  },
  {
    id: 'webcam-motion',
    label: 'Webcam motion',
    description: 'how much the picture moves (1 input)',
    create: () => createWebcamMotion(),
  },
  {
    id: 'webcam-motion-regions',
    label: 'Webcam motion by region',
    description: 'how much each part of a 3 × 3 grid moves (9 inputs)',
    create: () => createWebcamMotion({ columns: 3, rows: 3 }),
  },
  {
    id: 'microphone',
    label: 'Microphone features',
    description: 'loudness, brightness, noisiness, 13 timbre numbers (MFCCs) and pitch (17 inputs)',
    create: () => createMicrophone(),
  },
  {
    id: 'gamepad',
    label: 'Gamepad',
    description: '4 stick axes and 17 buttons (21 inputs)',
    create: () => createGamepadInput(),
  },
  {
    id: 'midi-in',
    label: 'MIDI notes and controllers',
    description: 'last note and velocity, 12 note names, controllers 1–8 and pitch bend (23 inputs)',
    create: () => createMidiInput(),
  },
  {
    id: 'phone-motion',
    label: 'Phone motion and orientation',
    description: 'acceleration, rotation rate and tilt of a phone that opened the studio (9 inputs)',
    create: () => createPhoneMotion(),
  },
];
