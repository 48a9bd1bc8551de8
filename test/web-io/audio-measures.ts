/** Measures of rendered audio that the sound tests compare. */

export const SAMPLE_RATE = 44100;

/** Root-mean-square level of samples `from` to `to` seconds. */
export function level(samples: ArrayLike<number>, from: number, to: number): number {
  const start = Math.max(0, Math.floor(from * SAMPLE_RATE));
  const end = Math.min(samples.length, Math.floor(to * SAMPLE_RATE));
  let sum = 0;
  for (let i = start; i < end; i++) sum += samples[i] * samples[i];
  return Math.sqrt(sum / Math.max(1, end - start));
}

/** The magnitude-weighted mean frequency (Hz) of a Hann-windowed 2048-sample stretch at `at` seconds. */
export function spectralCentroid(samples: ArrayLike<number>, at: number): number {
  const size = 2048;
  const start = Math.floor(at * SAMPLE_RATE);
  const windowed = new Float64Array(size);
  for (let i = 0; i < size; i++) windowed[i] = samples[start + i] * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (size - 1)));
  let weighted = 0;
  let total = 0;
  for (let bin = 1; bin < size / 2; bin++) {
    let re = 0;
    let im = 0;
    const step = (2 * Math.PI * bin) / size;
    for (let i = 0; i < size; i++) {
      re += windowed[i] * Math.cos(step * i);
      im -= windowed[i] * Math.sin(step * i);
    }
    const magnitude = Math.hypot(re, im);
    weighted += magnitude * ((bin * SAMPLE_RATE) / size);
    total += magnitude;
  }
  return total > 0 ? weighted / total : 0;
}

/**
 * The steps (sixteenths, `stepSeconds` long, from `from` seconds) on which something is struck:
 * where the level in the step's first 15 ms is well above that at the end of the step before,
 * either in the signal itself (a tom under a ringing cymbal) or in its first difference, which
 * favours high sounds (a hi-hat over the low tail of a kick).
 */
export function struckSteps(samples: ArrayLike<number>, from: number, stepSeconds: number, steps: number): number[] {
  const edge = new Float64Array(samples.length);
  for (let i = 1; i < samples.length; i++) edge[i] = samples[i] - samples[i - 1];
  const rises = (signal: ArrayLike<number>, start: number, floor: number) => {
    const attack = level(signal, start, start + 0.015);
    return attack > floor && attack > 2 * level(signal, start - 0.02, start - 0.002);
  };
  const struck: number[] = [];
  for (let step = 0; step < steps; step++) {
    const start = from + step * stepSeconds;
    if (rises(edge, start, 0.002) || rises(samples, start, 0.01)) struck.push(step);
  }
  return struck;
}
