import { z } from 'zod';
import { InputError } from '../errors.ts';
import type { Model, ModelShape } from './algorithm.ts';
import { Network, weightCount } from './mlp-network.ts';
import { Scaling } from './mlp-scaling.ts';

/** A trained multilayer perceptron: scales the inputs, runs the network, reads the outputs. */
export class MlpModel implements Model {
  private readonly regression: boolean;
  private readonly classScratch: Float64Array;

  /** `fallback` is Weka's ZeroR answer, used when every class output is 0 or there are no inputs. */
  constructor(
    private readonly network: Network,
    private readonly scaling: Scaling,
    private readonly fallback: Float64Array,
  ) {
    this.regression = network.linearOutput;
    this.classScratch = new Float64Array(this.regression ? 0 : network.outputs.length);
  }

  predict(input: ArrayLike<number>): number {
    if (this.regression) return this.value(input);
    const distribution = this.classScratch;
    this.distribution(input, distribution);
    let best = 0;
    for (let k = 1; k < distribution.length; k++) if (distribution[k] > distribution[best]) best = k;
    return best;
  }

  distribution(input: ArrayLike<number>, out: Float64Array): void {
    if (this.regression) {
      out[0] = this.value(input);
      return;
    }
    if (!this.run(input)) {
      out.set(this.fallback);
      return;
    }
    const outputs = this.network.outputs;
    let sum = 0;
    for (let k = 0; k < outputs.length; k++) sum += outputs[k];
    // Weka's rule for outputs that are all 0; the negation also catches NaN.
    if (!(sum > 0)) {
      out.set(this.fallback);
      return;
    }
    for (let k = 0; k < outputs.length; k++) out[k] = outputs[k] / sum;
  }

  state(): MlpState {
    const { scaling, network } = this;
    return {
      layers: [...network.layers],
      weights: Array.from(network.weights),
      inputMin: Array.from(scaling.inputMin),
      inputMax: Array.from(scaling.inputMax),
      targetMin: scaling.targetMin,
      targetMax: scaling.targetMax,
      fallback: Array.from(this.fallback),
    };
  }

  private value(input: ArrayLike<number>): number {
    if (!this.run(input)) return this.fallback[0];
    const value = this.scaling.unscaleTarget(this.network.outputs[0]);
    return Number.isFinite(value) ? value : this.fallback[0];
  }

  /** Runs the network on `input`; false when there is no network to run (no inputs). */
  private run(input: ArrayLike<number>): boolean {
    const network = this.network;
    if (network.inputs.length === 0) return false;
    this.scaling.scaleInputs(input, network.inputs);
    network.forward();
    return true;
  }
}

const stateSchema = z.object({
  layers: z.array(z.int().min(0)).min(2).max(5),
  weights: z.array(z.number()),
  inputMin: z.array(z.number()),
  inputMax: z.array(z.number()),
  targetMin: z.number(),
  targetMax: z.number(),
  fallback: z.array(z.number()),
});

export type MlpState = z.infer<typeof stateSchema>;

/** Rebuilds a model from `state()`; throws InputError when the state is damaged or does not fit `shape`. */
export function restoreMlp(state: unknown, _params: unknown, shape: ModelShape): MlpModel {
  const parsed = stateSchema.safeParse(state);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length > 0 ? ` at '${issue.path.join('.')}'` : '';
    throw new InputError(`the saved multilayer perceptron is damaged (${issue.message}${where}); train it again`);
  }
  const problem = mismatch(parsed.data, shape);
  if (problem) throw new InputError(`the saved multilayer perceptron does not fit this model: ${problem}; train it again`);
  const { layers, weights, inputMin, inputMax, targetMin, targetMax, fallback } = parsed.data;
  const network = new Network(layers, shape.task === 'regression', Float64Array.from(weights));
  const scaling = new Scaling(Float64Array.from(inputMin), Float64Array.from(inputMax), targetMin, targetMax);
  return new MlpModel(network, scaling, Float64Array.from(fallback));
}

function mismatch(state: MlpState, shape: ModelShape): string | undefined {
  const { layers, weights, inputMin, inputMax, fallback } = state;
  const outputs = shape.task === 'regression' ? 1 : shape.classCount;
  if (layers[0] !== shape.inputCount) return `it reads ${layers[0]} inputs, not ${shape.inputCount}`;
  if (layers[layers.length - 1] !== outputs) return `it has ${layers[layers.length - 1]} outputs, not ${outputs}`;
  if (weights.length !== weightCount(layers)) return `it has ${weights.length} weights where its layers need ${weightCount(layers)}`;
  if (inputMin.length !== shape.inputCount || inputMax.length !== shape.inputCount) return 'its input ranges do not match its inputs';
  if (fallback.length !== outputs) return 'its fallback answer does not match its outputs';
  return undefined;
}
