import { type Series, emptySeries, frameOf } from '../series.ts';
import { type Feature, type FeatureSpec, type Smoothing, windowOf } from './feature-spec.ts';
import { OneEuroFilter } from './one-euro.ts';
import { MovingAverage, Window } from './window.ts';

interface Smoother {
  push(x: number): void;
  readonly output: number;
  reset(): void;
}

function smootherFor(smoothing: Smoothing | undefined, rate: number): Smoother | undefined {
  if (!smoothing) return undefined;
  if (smoothing.kind === 'moving-average') return new MovingAverage(smoothing.window);
  return new OneEuroFilter(rate, smoothing.minCutoff, smoothing.beta, smoothing.derivativeCutoff);
}

/** One feature's state: its smoother and the window of smoothed values it looks at. */
class FeatureState {
  private readonly smoother: Smoother | undefined;
  private readonly window: Window;

  constructor(
    private readonly feature: Feature,
    private readonly rate: number,
  ) {
    this.smoother = smootherFor(feature.smoothing, rate);
    this.window = new Window(windowOf(feature));
  }

  /**
   * Takes a frame and writes the feature into out[at]. (Written, not returned: a number returned by a
   * call that is not inlined is boxed, and the run path must allocate nothing.)
   */
  next(frame: ArrayLike<number>, out: Float64Array, at: number): void {
    const raw = frame[this.feature.input];
    if (this.smoother) {
      this.smoother.push(raw);
      this.window.push(this.smoother.output);
    } else {
      this.window.push(raw);
    }
    this.write(out, at);
  }

  reset(): void {
    this.smoother?.reset();
    this.window.reset();
  }

  private write(out: Float64Array, at: number): void {
    const w = this.window;
    const { values } = w;
    const c = w.count;
    const latest = values[w.slot(0)];
    const oldest = values[w.slot(c - 1)];
    switch (this.feature.kind) {
      case 'value':
        out[at] = latest;
        return;
      case 'velocity':
        // The mean of the first differences in the window, per second.
        out[at] = c < 2 ? 0 : ((latest - oldest) * this.rate) / (c - 1);
        return;
      case 'acceleration':
        // The mean of the second differences in the window, per second squared.
        out[at] = c < 3 ? 0 : ((latest - values[w.slot(1)] - (values[w.slot(c - 2)] - oldest)) * this.rate * this.rate) / (c - 2);
        return;
      case 'min':
      case 'max': {
        const min = this.feature.kind === 'min';
        let extreme = latest;
        for (let i = 0; i < c; i++) if (min ? values[i] < extreme : values[i] > extreme) extreme = values[i];
        out[at] = extreme;
        return;
      }
      case 'mean':
      case 'sd':
      case 'rms': {
        // Sums over slots 0..c−1: every value held, in whatever order (see Window).
        let sum = 0;
        let squares = 0;
        for (let i = 0; i < c; i++) {
          sum += values[i];
          squares += values[i] * values[i];
        }
        const mean = sum / c;
        if (this.feature.kind === 'mean') out[at] = mean;
        else if (this.feature.kind === 'rms') out[at] = Math.sqrt(squares / c);
        else {
          let deviations = 0;
          for (let i = 0; i < c; i++) deviations += (values[i] - mean) * (values[i] - mean);
          out[at] = Math.sqrt(deviations / c);
        }
        return;
      }
      case 'zero-crossings': {
        // Neighbours on either side of zero (0 itself counts as positive).
        let crossings = 0;
        for (let age = 1; age < c; age++) if (values[w.slot(age)] < 0 !== values[w.slot(age - 1)] < 0) crossings++;
        out[at] = crossings;
        return;
      }
    }
  }
}

/**
 * Turns raw input frames into feature frames, one at a time, allocating nothing per frame.
 * Call `reset` where a new recording starts.
 */
export class FeatureStream {
  private readonly states: FeatureState[];

  constructor(readonly spec: FeatureSpec) {
    this.states = spec.features.map((feature) => new FeatureState(feature, spec.rate));
  }

  get width(): number {
    return this.states.length;
  }

  next(frame: ArrayLike<number>, out: Float64Array): void {
    for (let f = 0; f < this.states.length; f++) this.states[f].next(frame, out, f);
  }

  reset(): void {
    for (const state of this.states) state.reset();
  }
}

/** The features of a whole recorded series, from a fresh stream: what training sees. */
export function computeFeatures(spec: FeatureSpec, raw: Series): Series {
  const stream = new FeatureStream(spec);
  const out = emptySeries(raw.length, stream.width);
  for (let i = 0; i < raw.length; i++) stream.next(frameOf(raw, i), frameOf(out, i));
  return out;
}
