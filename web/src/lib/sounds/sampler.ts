import { Clock, getContext, now, ToneAudioBuffer, ToneBufferSource } from 'tone';
import type { Sound, SoundParameter } from './sound.ts';
import { createSound } from './sound-shell.ts';
import { pluckedPhrase } from './plucked-phrase.ts';
import { recordSample } from './record-sample.ts';
import { fadeOutAndDispose, glide, openToneOutput, volumeToGain } from './tone-voice.ts';

/** A sampler also takes a new sample while it plays or not. */
export interface Sampler extends Sound {
  /** Plays this sample from now on instead of the built-in one. */
  useSample(sample: AudioBuffer): void;
  /** Records `seconds` from the microphone (or from `stream`) and plays that from now on. */
  recordSample(seconds: number, stream?: MediaStream): Promise<void>;
}

const PARAMETERS: readonly SoundParameter[] = [
  { name: 'position', min: 0, max: 1, initial: 0 },
  { name: 'loop length', min: 0.05, max: 2, initial: 0.5, unit: 's' },
  { name: 'speed', min: -2, max: 2, initial: 1, unit: '×' },
  { name: 'pitch', min: -12, max: 12, initial: 0, unit: 'semitones' },
  { name: 'volume', min: 0, max: 1, initial: 0.7 },
];
const [POSITION, LENGTH, SPEED, PITCH, VOLUME] = [0, 1, 2, 3, 4];

/** Grains start this often and each lasts twice as long, so two always overlap. */
const GRAINS_PER_SECOND = 20;
const GRAIN_SECONDS = 2 / GRAINS_PER_SECOND;
const GRAIN_FADE = GRAIN_SECONDS / 2.5;

/**
 * A granular sampler that loops a stretch of a sample: position (where the loop starts, 0 = the
 * start of the sample, 1 = its end), loop length in seconds (short loops buzz and stutter),
 * speed (how fast the sound moves through the loop: 1 as recorded, 0 frozen, negative backwards —
 * independent of pitch) and pitch in semitones. The built-in sample is four plucked notes.
 */
export function createSampler(): Sampler {
  let sample: AudioBuffer | undefined;
  const sound = createSound({
    id: 'sampler',
    label: 'Sampler',
    parameters: PARAMETERS,
    async play(values) {
      const output = await openToneOutput(volumeToGain(values[VOLUME]));
      sample ??= new ToneAudioBuffer().fromArray(pluckedPhrase(getContext().sampleRate)).get();
      let playhead = 0;

      const grains = new Clock((time) => {
        const buffer = sample;
        if (!buffer) return;
        const loopStart = values[POSITION] * Math.max(0, buffer.duration - 0.01);
        const loopEnd = Math.min(buffer.duration, loopStart + values[LENGTH]);
        const loopLength = loopEnd - loopStart;
        playhead = (((playhead + values[SPEED] / GRAINS_PER_SECOND) % loopLength) + loopLength) % loopLength;
        const grain = new ToneBufferSource({
          url: buffer,
          loop: true,
          loopStart,
          loopEnd,
          playbackRate: 2 ** (values[PITCH] / 12),
          fadeIn: GRAIN_FADE,
          fadeOut: GRAIN_FADE,
          curve: 'linear',
        }).connect(output);
        grain.start(time, loopStart + playhead, GRAIN_SECONDS);
      }, GRAINS_PER_SECOND);
      grains.start(now());

      return {
        change(index, value) {
          if (index === VOLUME) glide(output.gain, volumeToGain(value));
          // The other parameters are read by each new grain: the overlap of grains smooths them.
        },
        release() {
          grains.stop();
          fadeOutAndDispose(output, [grains]);
        },
      };
    },
  });

  return {
    ...sound,
    useSample(next) {
      sample = next;
    },
    async recordSample(seconds, stream) {
      sample = await recordSample(seconds, stream);
    },
  };
}
