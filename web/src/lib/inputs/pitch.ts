export interface PitchOptions {
  /** Lowest pitch looked for, in Hz. Default 60 (below a bass singer's low notes). */
  minFrequency?: number;
  /** Highest pitch looked for, in Hz. Default 2000. */
  maxFrequency?: number;
  /** How aperiodic a sound may be and still have a pitch (YIN's threshold). Default 0.15. */
  threshold?: number;
}

/**
 * Finds the fundamental frequency of a window of samples with the YIN method (de Cheveigné and
 * Kawahara, 2002): the squared difference between the signal and itself delayed by τ, normalised
 * by its running mean, dips below a threshold first at the period. Allocates nothing per window.
 */
export class PitchDetector {
  /** 1 − the normalised difference at the period found: near 1 for a clean tone, 0 when none was found. */
  clarity = 0;
  private readonly difference: Float64Array;
  private readonly shortestPeriod: number;
  private readonly threshold: number;

  constructor(
    private readonly sampleRate: number,
    private readonly windowLength: number,
    options: PitchOptions = {},
  ) {
    const { minFrequency = 60, maxFrequency = 2000, threshold = 0.15 } = options;
    const longestPeriod = Math.min(Math.floor(sampleRate / minFrequency), Math.floor(windowLength / 2));
    this.shortestPeriod = Math.max(2, Math.floor(sampleRate / maxFrequency));
    this.threshold = threshold;
    this.difference = new Float64Array(longestPeriod + 2);
  }

  /** The pitch in Hz of the last `windowLength` samples, or 0 when they have no clear pitch. */
  detect(samples: ArrayLike<number>): number {
    const start = samples.length - this.windowLength;
    if (start < 0) throw new Error(`Pitch needs ${this.windowLength} samples, not ${samples.length}.`);
    const difference = this.difference;
    const last = difference.length - 1;
    const span = this.windowLength - last;
    let runningSum = 0;
    this.clarity = 0;
    for (let lag = 1; lag <= last; lag++) {
      difference[lag] = this.squaredDifference(samples, start, span, lag);
      runningSum += difference[lag];
      // Cumulative mean normalised difference of the lag before: d'(τ) = d(τ)·τ / Σ d(1..τ).
      const candidate = lag - 1;
      if (candidate < this.shortestPeriod || lag === 1) continue;
      const normalised = (difference[candidate] * candidate) / (runningSum - difference[lag]);
      const nextNormalised = (difference[lag] * lag) / runningSum;
      if (normalised < this.threshold && normalised <= nextNormalised) {
        this.clarity = 1 - normalised;
        return this.sampleRate / this.refine(candidate, lag);
      }
    }
    return 0;
  }

  private squaredDifference(samples: ArrayLike<number>, start: number, span: number, lag: number): number {
    let sum = 0;
    for (let i = start; i < start + span; i++) {
      const delta = samples[i] - samples[i + lag];
      sum += delta * delta;
    }
    return sum;
  }

  /** The period between samples, from the parabola through the difference around its dip. */
  private refine(period: number, next: number): number {
    const before = this.difference[period - 1];
    const at = this.difference[period];
    const after = this.difference[next];
    const curvature = before - 2 * at + after;
    return curvature > 0 ? period + (before - after) / (2 * curvature) : period;
  }
}
