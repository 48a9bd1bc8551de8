import type { Sound, SoundParameter } from './sound.ts';
import { createSound } from './sound-shell.ts';
import { midiPorts, noMidiPortError, requestMidi } from '../midi/midi-access.ts';
import { controlChange, noteOff, noteOn } from '../midi/midi-messages.ts';

export interface MidiOutOptions {
  /** One controller (CC) number per continuous output, sent 0..127 from 0..1; default 1–4. */
  controllers?: readonly number[];
  /** One note per class (class k plays the k-th note, held until the class changes); default a C major scale from middle C. [] for none. */
  notes?: readonly number[];
  /** Channel 1–16; default 1. */
  channel?: number;
  /** Only the output port whose name contains this; default the first output. */
  port?: string;
  /** Note-on velocity 1–127; default 100. */
  velocity?: number;
}

/**
 * Sends the model's outputs to other MIDI software or hardware: a control change per continuous
 * output (only when its 7-bit value changes) and, for a classifier, a held note per class.
 */
export function createMidiOut(options: MidiOutOptions = {}): Sound {
  const { controllers = [1, 2, 3, 4], notes = [60, 62, 64, 65, 67, 69, 71, 72], channel = 1, velocity = 100 } = options;
  const parameters: SoundParameter[] = controllers.map((number) => ({ name: `CC ${number}`, min: 0, max: 1 }));
  if (notes.length > 0) parameters.push({ name: 'note', min: 1, max: notes.length, whole: true });
  const noteParameter = controllers.length;

  return createSound({
    id: 'midi-out',
    label: 'MIDI out',
    parameters,
    async play(values) {
      const access = await requestMidi();
      const output = midiPorts(access.outputs, options.port)[0];
      if (!output) throw noMidiPortError('output', options.port, midiPorts(access.outputs));
      const sent = new Int16Array(controllers.length).fill(-1);
      let held: number | undefined;

      function change(index: number, value: number): void {
        if (index === noteParameter) {
          const note = notes[value - 1];
          if (note === held) return;
          if (held !== undefined) output.send(noteOff(channel, held));
          output.send(noteOn(channel, note, velocity));
          held = note;
          return;
        }
        const level = Math.round(value * 127);
        if (level === sent[index]) return;
        output.send(controlChange(channel, controllers[index], level));
        sent[index] = level;
      }
      values.forEach((value, index) => {
        if (!Number.isNaN(value)) change(index, value);
      });

      return {
        change,
        release() {
          if (held !== undefined) output.send(noteOff(channel, held));
          held = undefined;
        },
      };
    },
  });
}
