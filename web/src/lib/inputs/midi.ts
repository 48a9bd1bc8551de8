import type { InputSource } from './input-source.ts';
import { startFrameClock } from './frame-clock.ts';
import { midiPorts, noMidiPortError, requestMidi } from '../midi/midi-access.ts';
import { CONTROL_CHANGE, NOTE_OFF, NOTE_ON, PITCH_BEND, readMidiMessage, type MidiMessage } from '../midi/midi-messages.ts';

export interface MidiInputOptions {
  /** Controller (CC) numbers to follow; default 1–8 (1 is the mod wheel). */
  controllers?: readonly number[];
  /** Only the input port whose name contains this; default every input. */
  port?: string;
  /** Only this channel (1–16); default every channel. */
  channel?: number;
  framesPerSecond?: number;
}

const NOTE_CLASSES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'];

/**
 * Notes and controllers from MIDI keyboards and control surfaces:
 * - `midi-note`: the last note played (MIDI note number, 60 is middle C; stays after release),
 * - `midi-velocity`: its velocity 0..1, back to 0 when it is released,
 * - `midi-C` … `midi-B`: per note name, the velocity 0..1 of the held notes in any octave (chords),
 * - `midi-cc-N`: each followed controller 0..1, `midi-pitch-bend`: −1..1 (0 at rest).
 */
export function createMidiInput(options: MidiInputOptions = {}): InputSource {
  const { controllers = [1, 2, 3, 4, 5, 6, 7, 8], framesPerSecond = 100 } = options;
  const names = [
    'midi-note',
    'midi-velocity',
    ...NOTE_CLASSES.map((name) => `midi-${name}`),
    ...controllers.map((number) => `midi-cc-${number}`),
    'midi-pitch-bend',
  ];
  const frame = new Float64Array(names.length);
  const firstClass = 2;
  const firstController = firstClass + NOTE_CLASSES.length;
  const pitchBend = names.length - 1;
  const held = new Float64Array(128);
  const message: MidiMessage = { kind: 0, channel: 0, data1: 0, data2: 0 };
  let access: MIDIAccess | undefined;
  let listening: MIDIInput[] = [];
  let stopClock: (() => void) | undefined;
  let wanted = false;

  function onMessage(event: MIDIMessageEvent): void {
    if (!event.data || !readMidiMessage(event.data, message)) return;
    if (options.channel !== undefined && message.channel !== options.channel) return;
    const { kind, data1, data2 } = message;
    if (kind === NOTE_ON) {
      held[data1] = data2 / 127;
      frame[0] = data1;
      frame[1] = held[data1];
      updateNoteClass(data1 % 12);
    } else if (kind === NOTE_OFF) {
      held[data1] = 0;
      if (frame[0] === data1) frame[1] = 0;
      updateNoteClass(data1 % 12);
    } else if (kind === CONTROL_CHANGE) {
      const slot = controllers.indexOf(data1);
      if (slot >= 0) frame[firstController + slot] = data2 / 127;
    } else if (kind === PITCH_BEND) {
      frame[pitchBend] = Math.max(-1, (data2 * 128 + data1 - 8192) / 8191);
    }
  }

  function updateNoteClass(noteClass: number): void {
    let loudest = 0;
    for (let note = noteClass; note < 128; note += 12) loudest = Math.max(loudest, held[note]);
    frame[firstClass + noteClass] = loudest;
  }

  function listen(): void {
    for (const input of listening) input.removeEventListener('midimessage', onMessage);
    listening = access ? midiPorts(access.inputs, options.port) : [];
    for (const input of listening) input.addEventListener('midimessage', onMessage);
  }

  return {
    id: 'midi-in',
    label: 'MIDI notes and controllers',
    names,
    async start(onFrame) {
      if (wanted) return;
      wanted = true;
      let opened: MIDIAccess;
      try {
        opened = await requestMidi();
        if (midiPorts(opened.inputs, options.port).length === 0) throw noMidiPortError('input', options.port, midiPorts(opened.inputs));
      } catch (error) {
        wanted = false;
        throw error;
      }
      // stop() may have come while the browser asked the musician.
      if (!wanted) return;
      access = opened;
      listen();
      // A controller plugged in (or unplugged) while playing is picked up.
      access.addEventListener('statechange', listen);
      stopClock = startFrameClock(framesPerSecond, () => onFrame(frame));
    },
    stop() {
      wanted = false;
      access?.removeEventListener('statechange', listen);
      access = undefined;
      listen();
      // Notes still held are forgotten: their note-offs will not be heard.
      held.fill(0);
      frame.fill(0, 1, firstController);
      stopClock?.();
      stopClock = undefined;
    },
  };
}
