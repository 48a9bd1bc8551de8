/**
 * A sensor in the browser (mouse, webcam, microphone, gamepad, MIDI, phone motion) that produces
 * frames of numbers. The studio composes the frames of the chosen sources into the project's
 * input vector, in the order of `names`.
 */
export interface InputSource {
  /** Stable id used in saved studio settings, e.g. 'mouse', 'webcam-grid'. */
  readonly id: string;
  /** What a musician reads in a menu, e.g. 'Mouse or touch position'. */
  readonly label: string;
  /** One name per number in a frame, e.g. ['mouse-x', 'mouse-y']. */
  readonly names: readonly string[];
  /**
   * Asks for the device (camera, microphone, MIDI…) and starts producing frames. Rejects with an
   * Error whose message tells the musician what to do when the device is missing or refused.
   * A source may hand over the same array every frame (nothing is allocated per frame): copy
   * the values you keep.
   */
  start(onFrame: (values: Float64Array) => void): Promise<void>;
  /** Stops producing frames and releases the device. Safe to call twice. */
  stop(): void;
}
