/** One number a sound can be steered by, e.g. an FM synth's harmonicity. */
export interface SoundParameter {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** Whole numbers only (a drum pattern's number, a note), chosen by a classifier output. */
  readonly whole?: boolean;
  /** Where the parameter sits before the first `set` (a slider's starting place); unset: untouched until set. */
  readonly initial?: number;
  /** The unit a musician reads beside the value, e.g. 'Hz', 'BPM', 'semitones'. */
  readonly unit?: string;
}

/**
 * A built-in sound (FM synth, drum machine, sampler) or output device (Web MIDI out). The studio
 * routes any output of the project to any parameter; `set` gets one value per parameter, in the
 * order of `parameters`, every time the outputs change.
 */
export interface Sound {
  readonly id: string;
  readonly label: string;
  readonly parameters: readonly SoundParameter[];
  /** Starts the sound (after a user gesture where the browser asks for one). */
  start(): Promise<void>;
  /** Values outside a parameter's range are clamped; NaN leaves that parameter where it was. */
  set(values: ArrayLike<number>): void;
  /** Plays a one-off hit (a gesture output fired gesture `index`); sounds that hold a tone leave it out. */
  strike?(index: number): void;
  /** Silences the sound and releases what it holds. Safe to call twice. */
  stop(): void;
}
