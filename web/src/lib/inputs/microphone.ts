import Meyda from 'meyda';
import type { MeydaAudioFeature, MeydaFeaturesObject } from 'meyda';
import type { InputSource } from './input-source.ts';
import { openMediaStream, RAW_SOUND, releaseStream } from './media-devices.ts';
import { PitchDetector } from './pitch.ts';

/** What the microphone input can measure; `mfcc` is 13 numbers, the others one each. */
export type MicrophoneFeature = 'loudness' | 'centroid' | 'flatness' | 'mfcc' | 'pitch';

export const MICROPHONE_FEATURES: readonly MicrophoneFeature[] = ['loudness', 'centroid', 'flatness', 'mfcc', 'pitch'];

export interface MicrophoneOptions {
  /** Which features, in this order; default all (17 numbers). */
  features?: readonly MicrophoneFeature[];
  /** Listen to this stream (a sound already in the page) instead of asking for the microphone. */
  stream?: MediaStream;
}

/** Samples per analysis frame: 86 frames a second at 44.1 kHz, 94 at 48 kHz. */
const HOP = 512;
/** Samples the pitch is found in: at 48 kHz, two periods of the lowest pitch looked for (60 Hz) and more. */
const PITCH_WINDOW = 2048;
const MFCC_COUNT = 13;

type MeydaAnalyzer = ReturnType<typeof Meyda.createMeydaAnalyzer>;

const NAMES: Record<MicrophoneFeature, readonly string[]> = {
  loudness: ['mic-loudness'],
  centroid: ['mic-centroid'],
  flatness: ['mic-flatness'],
  mfcc: Array.from({ length: MFCC_COUNT }, (_, i) => `mic-mfcc-${i + 1}`),
  pitch: ['mic-pitch'],
};

/** Meyda's extractors; pitch is ours. Meyda's `buffer` is windowed, so pitch reads an AnalyserNode. */
const EXTRACTORS: Record<MicrophoneFeature, MeydaAudioFeature | undefined> = {
  loudness: 'loudness',
  centroid: 'spectralCentroid',
  flatness: 'spectralFlatness',
  mfcc: 'mfcc',
  pitch: undefined,
};

/**
 * Features of the sound at the microphone, measured with Meyda every 512 samples: loudness (Meyda's
 * total loudness, 0 in silence, about 5–40 when playing), spectral centroid (Hz: brightness),
 * spectral flatness (0 for a pure tone … 1 for noise), 13 MFCCs (timbre) and pitch (a MIDI note
 * number with fractions — 69 is A 440 Hz — or 0 when the sound has no clear pitch).
 */
export function createMicrophone(options: MicrophoneOptions = {}): InputSource {
  const features = options.features ?? MICROPHONE_FEATURES;
  const names = features.flatMap((feature) => NAMES[feature]);
  const frame = new Float64Array(names.length);
  let context: AudioContext | undefined;
  let analyzer: MeydaAnalyzer | undefined;
  let openedStream: MediaStream | undefined;
  let stopped = true;

  return {
    id: 'microphone',
    label: 'Microphone features',
    names,
    async start(onFrame) {
      if (!stopped) return;
      stopped = false;
      let stream = options.stream;
      try {
        stream ??= openedStream = await openMediaStream('microphone', { audio: RAW_SOUND });
      } catch (error) {
        stopped = true;
        throw error;
      }
      // stop() may have come while the musician was answering the permission prompt.
      if (stopped) return releaseStream(openedStream);
      const listening = (context = new AudioContext());
      await listening.resume();
      if (stopped) return;
      const source = listening.createMediaStreamSource(stream);
      const waveform = new AnalyserNode(listening, { fftSize: PITCH_WINDOW });
      source.connect(waveform);
      const measure = measurer(features, waveform, frame);
      const extractors = features.map((feature) => EXTRACTORS[feature]).filter((name) => name !== undefined);
      analyzer = Meyda.createMeydaAnalyzer({
        audioContext: listening,
        source,
        bufferSize: HOP,
        numberOfMFCCCoefficients: MFCC_COUNT,
        // Meyda's analyser is also the frame clock, so it always extracts something.
        featureExtractors: extractors.length > 0 ? extractors : ['rms'],
        callback: (found: Partial<MeydaFeaturesObject>) => {
          measure(found);
          onFrame(frame);
        },
      });
      analyzer.start();
    },
    stop() {
      stopped = true;
      analyzer?.stop();
      analyzer = undefined;
      void context?.close();
      context = undefined;
      releaseStream(openedStream);
      openedStream = undefined;
    },
  };
}

/** Returns a function that writes Meyda's features for one frame into `frame`, in the order asked. */
function measurer(features: readonly MicrophoneFeature[], waveform: AnalyserNode, frame: Float64Array) {
  const sampleRate = waveform.context.sampleRate;
  const pitch = new PitchDetector(sampleRate, PITCH_WINDOW);
  const recent = new Float32Array(PITCH_WINDOW);
  const hertzPerBin = sampleRate / HOP;

  return (found: Partial<MeydaFeaturesObject>): void => {
    let at = 0;
    for (const feature of features) {
      switch (feature) {
        case 'loudness':
          frame[at++] = finite(found.loudness?.total);
          break;
        case 'centroid':
          frame[at++] = finite(found.spectralCentroid) * hertzPerBin;
          break;
        case 'flatness':
          frame[at++] = finite(found.spectralFlatness);
          break;
        case 'mfcc':
          for (let i = 0; i < MFCC_COUNT; i++) frame[at++] = finite(found.mfcc?.[i]);
          break;
        case 'pitch': {
          waveform.getFloatTimeDomainData(recent);
          const frequency = pitch.detect(recent);
          frame[at++] = frequency > 0 ? 69 + 12 * Math.log2(frequency / 440) : 0;
          break;
        }
      }
    }
  };
}

/** Meyda gives NaN for some features in silence (0 / 0); a model needs a number. */
function finite(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) ? value : 0;
}
