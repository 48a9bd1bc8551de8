import type { Sound, SoundParameter } from './sound.ts';
import { ParameterValues } from './parameter-values.ts';

/** A sound while it plays: what start() made, steered by set() and let go by stop(). */
export interface Voice {
  /** Moves parameter `index` to `value` (already clamped and rounded). */
  change(index: number, value: number): void;
  /** Silences the voice and releases every node, port or note it holds. */
  release(): void;
}

export interface SoundSpec {
  readonly id: string;
  readonly label: string;
  readonly parameters: readonly SoundParameter[];
  /**
   * Makes the voice, playing the current values (NaN for a parameter not set yet). The array is
   * live: later values are written into it before `change` is called, so a voice may read it any time.
   */
  play(values: Float64Array): Promise<Voice>;
}

/**
 * The Sound contract around a voice: values set before start() are played by it, set() passes
 * only real changes on, stop() (even during start() or twice) releases the voice.
 */
export function createSound(spec: SoundSpec): Sound {
  const values = new ParameterValues(spec.parameters);
  let voice: Voice | undefined;
  let starting: Promise<void> | undefined;
  let wanted = false;

  async function begin(): Promise<void> {
    const started = await spec.play(values.current);
    if (wanted) voice = started;
    else started.release();
  }

  return {
    id: spec.id,
    label: spec.label,
    parameters: spec.parameters,
    start() {
      wanted = true;
      if (voice) return Promise.resolve();
      starting ??= begin().finally(() => (starting = undefined));
      return starting;
    },
    set(next) {
      values.update(next, (index, value) => voice?.change(index, value));
    },
    stop() {
      wanted = false;
      voice?.release();
      voice = undefined;
    },
  };
}
