import { Gain, getContext, start as resumeAudio } from 'tone';

/** How quickly a parameter follows its new value: fast enough to play, slow enough not to click. */
const GLIDE_SECONDS = 0.015;
/** How long the fade at stop() lasts before the nodes are released (e^-8 of full level by then). */
const FADE_SECONDS = 0.01;

/** A Tone.js Param or Signal, as far as gliding is concerned. */
interface Glidable {
  cancelAndHoldAtTime(time: number): unknown;
  setTargetAtTime(value: number, startTime: number, timeConstant: number): unknown;
}

/**
 * Moves a parameter towards `value` along an exponential approach, starting from wherever it is
 * now: values arriving 100 times a second join into one smooth curve instead of steps (zipper noise).
 */
export function glide(param: Glidable, value: number, seconds = GLIDE_SECONDS): void {
  const now = getContext().currentTime;
  param.cancelAndHoldAtTime(now);
  param.setTargetAtTime(value, now, seconds);
}

/** Resumes the audio context (browsers start it suspended until a click) and makes the sound's output level. */
export async function openToneOutput(level: number): Promise<Gain> {
  await resumeAudio();
  return new Gain(level).toDestination();
}

/** Fades `output` out, then disposes it and every node the sound made. */
export function fadeOutAndDispose(output: Gain, nodes: readonly { dispose(): unknown }[]): void {
  glide(output.gain, 0, FADE_SECONDS);
  // An offline render (Tone.Offline) runs all its timeouts before rendering any audio: disposing
  // there would silence the whole render. Tone's one-shot sources skip disposal offline too.
  if (output.context.isOffline) return;
  getContext().setTimeout(() => {
    for (const node of nodes) node.dispose();
    output.dispose();
  }, FADE_SECONDS * 8);
}

/** Loudness 0..1 as a gain: squared, so that the middle of a slider sounds like half as loud. */
export function volumeToGain(volume: number): number {
  return volume * volume;
}

export function midiToFrequency(note: number): number {
  return 440 * 2 ** ((note - 69) / 12);
}
