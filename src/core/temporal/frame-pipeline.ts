import { FeatureStream } from './features/feature-stream.ts';
import type { FeatureSpec } from './features/feature-spec.ts';
import { type InputScaling, scaleFrame } from './input-scaling.ts';
import { type Series, emptySeries, frameOf } from './series.ts';

/**
 * What a raw input frame goes through before matching, the same way for recorded templates and
 * live input: features, then the mean of every `downsample` frames, then (optionally) each
 * feature's change since the previous frame appended, then the input scaling. Allocates nothing
 * per frame.
 */
export class FramePipeline {
  /** The prepared frame, valid after `next` returned true. */
  readonly frame: Float64Array;
  private readonly features: FeatureStream;
  private readonly featureFrame: Float64Array;
  private readonly sum: Float64Array;
  private readonly previous: Float64Array;
  private collected = 0;
  private started = false;

  constructor(
    spec: FeatureSpec,
    readonly downsample: number,
    private readonly derivatives: boolean,
    private readonly scaling: InputScaling | undefined,
  ) {
    this.features = new FeatureStream(spec);
    const width = this.features.width;
    this.featureFrame = new Float64Array(width);
    this.sum = new Float64Array(width);
    this.previous = new Float64Array(width);
    this.frame = new Float64Array(derivatives ? 2 * width : width);
  }

  /** The width of a prepared frame. */
  get width(): number {
    return this.frame.length;
  }

  /** Takes a raw frame; returns whether a prepared frame is ready in `frame`. */
  next(raw: ArrayLike<number>): boolean {
    const { featureFrame, sum, previous, frame } = this;
    const width = featureFrame.length;
    this.features.next(raw, featureFrame);
    for (let a = 0; a < width; a++) sum[a] += featureFrame[a];
    if (++this.collected < this.downsample) return false;
    for (let a = 0; a < width; a++) {
      const mean = sum[a] / this.downsample;
      frame[a] = mean;
      if (this.derivatives) frame[width + a] = this.started ? mean - previous[a] : 0;
      previous[a] = mean;
      sum[a] = 0;
    }
    this.collected = 0;
    this.started = true;
    if (this.scaling) scaleFrame(this.scaling, frame);
    return true;
  }

  reset(): void {
    this.features.reset();
    this.sum.fill(0);
    this.collected = 0;
    this.started = false;
  }
}

/** A whole raw recording through a fresh pipeline: the prepared frames it yields. */
export function prepareRecording(pipeline: FramePipeline, raw: Series): Series {
  pipeline.reset();
  const out = emptySeries(Math.floor(raw.length / pipeline.downsample), pipeline.width);
  let at = 0;
  for (let i = 0; i < raw.length; i++) if (pipeline.next(frameOf(raw, i))) out.values.set(pipeline.frame, at++ * pipeline.width);
  return out;
}
