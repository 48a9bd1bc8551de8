import type { SeededRandom } from './seeded-random.ts';

/** One fully connected layer: `weights[i * outputs + o]` joins input i to output o. */
export interface Dense {
  readonly inputs: number;
  readonly outputs: number;
  readonly weights: Float32Array;
  readonly biases: Float32Array;
}

/** Glorot-uniform weights and zero biases, drawn from the training's own seeded generator. */
export function initialDense(inputs: number, outputs: number, random: SeededRandom): Dense {
  const limit = Math.sqrt(6 / (inputs + outputs));
  const weights = new Float32Array(inputs * outputs);
  for (let i = 0; i < weights.length; i++) weights[i] = (2 * random.nextDouble() - 1) * limit;
  return { inputs, outputs, weights, biases: new Float32Array(outputs) };
}

/**
 * out = input · W + b, then ReLU when `rectify`. Row by row, so inputs that are 0 (silent cells,
 * rectified units) cost nothing. Allocates nothing.
 */
export function applyDense(layer: Dense, input: ArrayLike<number>, out: Float64Array, rectify: boolean): void {
  const { inputs, outputs, weights, biases } = layer;
  for (let o = 0; o < outputs; o++) out[o] = biases[o];
  for (let i = 0; i < inputs; i++) {
    const x = input[i];
    if (x === 0) continue;
    const row = i * outputs;
    for (let o = 0; o < outputs; o++) out[o] += x * weights[row + o];
  }
  if (rectify) for (let o = 0; o < outputs; o++) if (out[o] < 0) out[o] = 0;
}

/** One output of a layer: for the few cells where a drum is struck. */
export function denseOutput(layer: Dense, input: Float64Array, output: number): number {
  let sum: number = layer.biases[output];
  for (let i = 0, at = output; i < layer.inputs; i++, at += layer.outputs) sum += input[i] * layer.weights[at];
  return sum;
}
