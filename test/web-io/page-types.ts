import type { InputSource } from '../../web/src/lib/inputs/input-source.ts';
import type { Sound } from '../../web/src/lib/sounds/sound.ts';
import type * as watching from './page-watch.ts';

/** What Tone.Offline hands back, as far as the tests read it. */
interface RenderedAudio {
  getChannelData(channel: number): Float32Array;
}
interface OfflineContextLike {
  setTimeout(callback: () => void, seconds: number): number;
}

/**
 * The bundle's exports as the tests use them in the page (`window.oscine`). Typed by hand from
 * the two contracts so that the root type-check does not pull in the browser-only modules.
 */
export interface OscinePage {
  watch: typeof watching.watch;
  unwatch: typeof watching.unwatch;
  watched: typeof watching.watched;
  failureOf: typeof watching.failureOf;
  inputKinds: readonly { id: string; label: string; create(place?: { element?: Element }): InputSource }[];
  soundKinds: readonly { id: string; label: string; create(): Sound }[];
  createMouseInput(options?: { element?: Element; framesPerSecond?: number }): InputSource;
  createGamepadInput(options?: { axes?: number; buttons?: number }): InputSource;
  createPhoneMotion(options?: { waitMs?: number }): InputSource;
  createMidiInput(options?: { controllers?: readonly number[]; port?: string; channel?: number }): InputSource;
  createWebcamGrid(options?: { columns?: number; rows?: number; colour?: boolean }): InputSource;
  createWebcamMotion(options?: { columns?: number; rows?: number }): InputSource;
  createMicrophone(options?: { features?: readonly string[]; stream?: MediaStream }): InputSource;
  BUILT_IN_PATTERNS: readonly { name: string; pattern: { onset: Uint8Array; ticks: number } }[];
  createFmSynth(): Sound;
  createDrumMachine(): Sound;
  createSampler(): Sound & { useSample(sample: AudioBuffer): void; recordSample(seconds: number, stream?: MediaStream): Promise<void> };
  createMidiOut(options?: { controllers?: readonly number[]; notes?: readonly number[]; channel?: number; port?: string }): Sound;
  PitchDetector: new (sampleRate: number, windowLength: number) => { detect(samples: ArrayLike<number>): number; clarity: number };
  getDestination(): { connect(node: AudioNode): unknown; disconnect(node: AudioNode): unknown };
  getContext(): { rawContext: BaseAudioContext };
  Offline(callback: (context: OfflineContextLike) => Promise<void> | void, seconds: number, channels?: number, sampleRate?: number): Promise<{ get(): RenderedAudio | undefined }>;
}

declare global {
  interface Window {
    oscine: OscinePage;
  }
}
