import { getContext } from 'tone';
import { openMediaStream, RAW_SOUND, releaseStream } from '../inputs/media-devices.ts';

/**
 * Records `seconds` of the microphone (or of `stream`, a sound already in the page) and decodes
 * it into an AudioBuffer of the current Tone.js context.
 */
export async function recordSample(seconds: number, stream?: MediaStream): Promise<AudioBuffer> {
  if (!(seconds > 0 && seconds <= 30)) throw new Error(`A sample can be 0 to 30 seconds long, not ${seconds}.`);
  if (typeof MediaRecorder === 'undefined') throw new Error('This browser cannot record sound; try a current Chrome, Edge, Firefox or Safari.');
  const source = stream ?? (await openMediaStream('microphone', { audio: RAW_SOUND }));
  try {
    const recorder = new MediaRecorder(source);
    const chunks: Blob[] = [];
    recorder.addEventListener('dataavailable', (event) => chunks.push(event.data));
    const finished = new Promise<void>((resolve, reject) => {
      recorder.addEventListener('stop', () => resolve());
      recorder.addEventListener('error', () => reject(new Error('The recording failed; try again.')));
    });
    recorder.start();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    recorder.stop();
    await finished;
    const encoded = await new Blob(chunks, { type: recorder.mimeType }).arrayBuffer();
    return await getContext().decodeAudioData(encoded);
  } finally {
    if (!stream) releaseStream(source);
  }
}
