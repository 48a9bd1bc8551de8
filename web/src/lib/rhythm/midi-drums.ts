import { getContext } from 'tone';
import { DRUMS } from '../../../../src/generative/rhythm/pattern.ts';
import { midiPorts, requestMidi } from '../midi/midi-access.ts';
import { noteOff, noteOn } from '../midi/midi-messages.ts';

/** General MIDI puts drums on channel 10. */
const DRUM_CHANNEL = 10;
/** Drum notes are triggers; a short note-off keeps every synth and sampler happy. */
const HOLD_MS = 50;

/** The MIDI outputs the browser offers (asking for MIDI access, with messages that say what to do). */
export async function midiOutputs(): Promise<MIDIOutput[]> {
  return midiPorts((await requestMidi()).outputs);
}

/**
 * Sends a hit of drum `instrument` (its row in a pattern) to `port` as its General MIDI note on
 * channel 10, timed to the audio clock's `time` so MIDI and the synthesised drums stay together.
 */
export function sendDrumHit(port: MIDIOutput, instrument: number, time: number, velocity: number): void {
  const note = DRUMS[instrument]?.notes[0];
  if (note === undefined) return;
  const at = performance.now() + Math.max(0, time - getContext().currentTime) * 1000;
  port.send(noteOn(DRUM_CHANNEL, note, Math.max(1, Math.min(127, Math.round(velocity * 127)))), at);
  port.send(noteOff(DRUM_CHANNEL, note), at + HOLD_MS);
}
