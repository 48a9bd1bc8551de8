/** MIDI channel voice messages as bytes, channels numbered 1–16 as musicians count them. */

export const NOTE_OFF = 0x80;
export const NOTE_ON = 0x90;
export const CONTROL_CHANGE = 0xb0;
export const PITCH_BEND = 0xe0;

/** The status byte of a message kind on a channel (1–16). */
export function status(kind: number, channel: number): number {
  return kind | ((channel - 1) & 0x0f);
}

export function noteOn(channel: number, note: number, velocity: number): number[] {
  return [status(NOTE_ON, channel), note & 0x7f, velocity & 0x7f];
}

export function noteOff(channel: number, note: number): number[] {
  return [status(NOTE_OFF, channel), note & 0x7f, 0];
}

export function controlChange(channel: number, controller: number, value: number): number[] {
  return [status(CONTROL_CHANGE, channel), controller & 0x7f, value & 0x7f];
}

/** A message as received: its kind (status with the channel removed), channel 1–16 and data bytes. */
export interface MidiMessage {
  kind: number;
  channel: number;
  data1: number;
  data2: number;
}

/**
 * Reads a channel voice message into `into` (reused: nothing is allocated). Returns false for
 * system messages (clock, sysex…). A note-on with velocity 0 is read as a note-off, as MIDI means it.
 */
export function readMidiMessage(bytes: Uint8Array, into: MidiMessage): boolean {
  if (bytes.length === 0 || bytes[0] < 0x80 || bytes[0] >= 0xf0) return false;
  into.kind = bytes[0] & 0xf0;
  into.channel = (bytes[0] & 0x0f) + 1;
  into.data1 = bytes[1] ?? 0;
  into.data2 = bytes[2] ?? 0;
  if (into.kind === NOTE_ON && into.data2 === 0) into.kind = NOTE_OFF;
  return true;
}
