/** The devices a musician is asked to share with the page. */
export type MediaDevice = 'camera' | 'microphone';

/**
 * Turns the browser's getUserMedia failure into a message that says what happened and what to do.
 */
export function mediaDeviceError(device: MediaDevice, error: unknown): Error {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new Error(
        `The browser was not allowed to use the ${device}. Allow the ${device} for this page (the icon in the address bar), then start the input again.`,
      );
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new Error(`No ${device} was found. Connect one (or choose another input), then start again.`);
    case 'NotReadableError':
    case 'AbortError':
      return new Error(`The ${device} is busy or failed to start. Close other programs or tabs that use it, then start again.`);
    default:
      return new Error(`The ${device} could not be opened (${describe(error)}).`);
  }
}

/** The sound as it is: echo cancellation, noise suppression and gain control would change what is measured or recorded. */
export const RAW_SOUND: MediaTrackConstraints = { echoCancellation: false, noiseSuppression: false, autoGainControl: false };

/** Checks that the page may ask for media devices at all (a secure page in a browser that has them). */
export async function openMediaStream(device: MediaDevice, constraints: MediaStreamConstraints): Promise<MediaStream> {
  if (!globalThis.isSecureContext) {
    throw new Error(
      `The ${device} only works on a secure page: open the studio at http://127.0.0.1 or over https (a phone needs the https address).`,
    );
  }
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new Error(`This browser cannot use a ${device}; try a current Chrome, Edge, Firefox or Safari.`);
  }
  try {
    return await navigator.mediaDevices.getUserMedia(constraints);
  } catch (error) {
    throw mediaDeviceError(device, error);
  }
}

/** Stops every track of a stream so the browser turns the device's light off. */
export function releaseStream(stream: MediaStream | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
