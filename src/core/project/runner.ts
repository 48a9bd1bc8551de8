import type { TrainedModel } from '../learn/trained-model.ts';
import type { FeatureSpec } from '../temporal/features/feature-spec.ts';
import { FeatureStream } from '../temporal/features/feature-stream.ts';
import type { Output } from './project.ts';

/**
 * One output's path from an input frame to the value it sends: picks the inputs its model
 * reads (or computes the features it was trained on), predicts, and applies the output's rules
 * (class numbers from 1, hard limits, whole numbers). Built once per trained model; runs without
 * allocating.
 */
export class OutputRunner {
  private readonly picks: Int32Array;
  private readonly features: FeatureStream | null;
  /** What the model was given for the latest frame. */
  readonly modelInputs: Float64Array;
  readonly probabilities: Float64Array;

  constructor(
    private readonly output: Output,
    private readonly model: TrainedModel,
    /** The project inputs the model was trained on, in its order. */
    inputs: readonly number[],
    /** The features the model was trained on, which it reads instead of the inputs. */
    features: FeatureSpec | null = null,
  ) {
    this.picks = Int32Array.from(inputs);
    this.features = features && new FeatureStream(features);
    this.modelInputs = new Float64Array(this.features ? this.features.width : this.picks.length);
    this.probabilities = new Float64Array(output.kind === 'classifier' ? output.classes : 0);
  }

  /** The output's value for this frame; `previous` is kept if the model has nothing to say. */
  run(frame: ArrayLike<number>, previous: number): number {
    if (this.features) this.features.next(frame, this.modelInputs);
    else for (let k = 0; k < this.picks.length; k++) this.modelInputs[k] = frame[this.picks[k]];
    const predicted = this.model.predict(this.modelInputs);
    if (!Number.isFinite(predicted)) return previous;
    const output = this.output;
    if (output.kind === 'classifier') {
      if (output.probabilities) this.model.distribution(this.modelInputs, this.probabilities);
      return predicted + 1;
    }
    let value = predicted;
    if (output.hardLimits) value = Math.min(output.max, Math.max(output.min, value));
    return output.integer ? Math.trunc(value) : value;
  }

  /** Running starts: windowed features begin afresh, as each recording round did at training. */
  restart(): void {
    this.features?.reset();
  }
}
