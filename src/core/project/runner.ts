import type { TrainedModel } from '../learn/trained-model.ts';
import type { Output } from './project.ts';

/**
 * One output's path from an input frame to the value it sends: picks the inputs its model
 * reads, predicts, and applies the output's rules (class numbers from 1, hard limits, whole
 * numbers). Built once per trained model; runs without allocating.
 */
export class OutputRunner {
  private readonly picks: Int32Array;
  private readonly picked: Float64Array;
  readonly probabilities: Float64Array;

  constructor(
    private readonly output: Output,
    private readonly model: TrainedModel,
    /** The project inputs the model was trained on, in its order. */
    inputs: readonly number[],
  ) {
    this.picks = Int32Array.from(inputs);
    this.picked = new Float64Array(this.picks.length);
    this.probabilities = new Float64Array(output.kind === 'classifier' ? output.classes : 0);
  }

  /** The output's value for this frame; `previous` is kept if the model has nothing to say. */
  run(frame: ArrayLike<number>, previous: number): number {
    for (let k = 0; k < this.picks.length; k++) this.picked[k] = frame[this.picks[k]];
    const predicted = this.model.predict(this.picked);
    if (!Number.isFinite(predicted)) return previous;
    const output = this.output;
    if (output.kind === 'classifier') {
      if (output.probabilities) this.model.distribution(this.picked, this.probabilities);
      return predicted + 1;
    }
    let value = predicted;
    if (output.hardLimits) value = Math.min(output.max, Math.max(output.min, value));
    return output.integer ? Math.trunc(value) : value;
  }
}
