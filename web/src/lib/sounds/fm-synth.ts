import { FMSynth, Filter } from 'tone';
import type { Sound, SoundParameter } from './sound.ts';
import { createSound } from './sound-shell.ts';
import { fadeOutAndDispose, glide, midiToFrequency, openToneOutput, volumeToGain } from './tone-voice.ts';

const PARAMETERS: readonly SoundParameter[] = [
  { name: 'pitch', min: 36, max: 84, initial: 57, unit: 'MIDI note' },
  { name: 'harmonicity', min: 0.5, max: 8, initial: 1, unit: '× pitch' },
  { name: 'modulation index', min: 0, max: 30, initial: 3 },
  { name: 'brightness', min: 100, max: 10000, initial: 3000, unit: 'Hz' },
  { name: 'volume', min: 0, max: 1, initial: 0.5 },
];
const [PITCH, HARMONICITY, MODULATION_INDEX, BRIGHTNESS, VOLUME] = [0, 1, 2, 3, 4];

/**
 * A held FM tone, like Wekinator's ChucK FM example: pitch (a MIDI note, fractions glide between
 * notes), harmonicity (the modulator's frequency as a multiple of the pitch: whole numbers sound
 * harmonic, others bell-like), modulation index (0 is a pure sine; more is brighter and harsher),
 * brightness (a low-pass filter's cutoff) and volume. Every change glides, so it never clicks.
 */
export function createFmSynth(): Sound {
  return createSound({
    id: 'fm-synth',
    label: 'FM synth',
    parameters: PARAMETERS,
    async play(values) {
      const output = await openToneOutput(volumeToGain(values[VOLUME]));
      const filter = new Filter({ type: 'lowpass', frequency: values[BRIGHTNESS], rolloff: -24, Q: 0.7 }).connect(output);
      const synth = new FMSynth({
        harmonicity: values[HARMONICITY],
        modulationIndex: values[MODULATION_INDEX],
        envelope: { attack: 0.05, decay: 0, sustain: 1, release: 0.1 },
        modulationEnvelope: { attack: 0.05, decay: 0, sustain: 1, release: 0.1 },
      }).connect(filter);
      synth.triggerAttack(midiToFrequency(values[PITCH]));
      return {
        change(index, value) {
          if (index === PITCH) glide(synth.frequency, midiToFrequency(value));
          else if (index === HARMONICITY) glide(synth.harmonicity, value);
          else if (index === MODULATION_INDEX) glide(synth.modulationIndex, value);
          else if (index === BRIGHTNESS) glide(filter.frequency, value);
          else glide(output.gain, volumeToGain(value));
        },
        release() {
          fadeOutAndDispose(output, [synth, filter]);
        },
      };
    },
  });
}
