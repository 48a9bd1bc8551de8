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
    const c = w.count;
    switch (this.feature.kind) {
      case 'value':
        out[at] = w.at(0);
        return;
      case 'velocity':
        // The mean of the first differences in the window, per second.
        out[at] = c < 2 ? 0 : ((w.at(0) - w.at(c - 1)) * this.rate) / (c - 1);
        return;
      case 'acceleration':
        // The mean of the second differences in the window, per second squared.
        out[at] = c < 3 ? 0 : ((w.at(0) - w.at(1) - (w.at(c - 2) - w.at(c - 1))) * this.rate * this.rate) / (c - 2);
        return;
      case 'min':
      case 'max': {
        let extreme = w.at(0);
        for (let age = 1; age < c; age++) extreme = this.feature.kind === 'min' ? Math.min(extreme, w.at(age)) : Math.max(extreme, w.at(age));
        out[at] = extreme;
        return;
      }
      case 'mean':
        out[at] = w.mean();
        return;
      case 'sd': {
        const mean = w.mean();
        let squares = 0;
        for (let age = 0; age < c; age++) squares += (w.at(age) - mean) ** 2;
        out[at] = Math.sqrt(squares / c);
        return;
      }
      case 'rms': {
        let squares = 0;
        for (let age = 0; age < c; age++) squares += w.at(age) ** 2;
        out[at] = Math.sqrt(squares / c);
        return;
      }
      case 'zero-crossings': {
        // Neighbours on either side of zero (0 itself counts as positive).
        let crossings = 0;
        for (let age = 1; age < c; age++) if (w.at(age) < 0 !== w.at(age - 1) < 0) crossings++;
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
