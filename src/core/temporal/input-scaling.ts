import type { Series } from './series.ts';

/**
 * How each feature is scaled before matching, learned from every frame of every template:
 * `zscore` to mean 0 and standard deviation 1, `minmax` to [0, 1], `none` as it is. A feature that
 * never changed is only shifted.
 */
export const INPUT_NORMALISATIONS = ['none', 'zscore', 'minmax'] as const;
export type InputNormalisation = (typeof INPUT_NORMALISATIONS)[number];

/** Each feature becomes (x − offset) / scale. */
export interface InputScaling {
  readonly offset: readonly number[];
  readonly scale: readonly number[];
}

export function learnScaling(how: InputNormalisation, templates: readonly Series[], width: number): InputScaling {
  const offset = new Array<number>(width).fill(0);
  const scale = new Array<number>(width).fill(1);
  const frames = templates.reduce((sum, t) => sum + t.length, 0);
  if (how === 'none' || frames === 0) return { offset, scale };
  for (let a = 0; a < width; a++) {
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const t of templates) {
      for (let i = 0; i < t.length; i++) {
        const x = t.values[i * width + a];
        sum += x;
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
    }
    const mean = sum / frames;
    let spread = max - min;
    if (how === 'zscore') {
      let squares = 0;
      for (const t of templates) for (let i = 0; i < t.length; i++) squares += (t.values[i * width + a] - mean) ** 2;
      spread = Math.sqrt(squares / frames);
    }
    offset[a] = how === 'zscore' ? mean : min;
    scale[a] = spread > 0 ? spread : 1;
  }
  return { offset, scale };
}

/** Scales a frame in place. */
export function scaleFrame(scaling: InputScaling, frame: Float64Array): void {
  for (let a = 0; a < frame.length; a++) frame[a] = (frame[a] - scaling.offset[a]) / scaling.scale[a];
}
