import * as tf from '@tensorflow/tfjs';
import type { Dense } from './dense.ts';
import type { VaeSettings } from './settings.ts';
import type { LayerName, VaeWeights } from './vae-weights.ts';

/**
 * input · weights + biases, with the gradient written out so that no product has a transposed
 * operand: the wasm backend computes those on a slow path (measured 10–20× slower than its
 * XNNPACK one), which made them most of the training time. `needsInputGradient` is false for
 * the first layer, whose input is the data.
 */
function denseLayer(needsInputGradient: boolean) {
  return tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, weights, biases, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
    save([input, weights]);
    return {
      value: tf.add(tf.matMul(input, weights), biases),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [x, w] = saved as [tf.Tensor2D, tf.Tensor2D];
        const gradient = dy as tf.Tensor2D;
        return [needsInputGradient ? tf.matMul(gradient, tf.transpose(w)) : tf.zerosLike(x), tf.matMul(tf.transpose(x), gradient), tf.sum(gradient, 0)];
      },
    };
  });
}
const firstLayer = denseLayer(false);
const innerLayer = denseLayer(true);

/**
 * Layers that read the same input are trained as one matrix, side by side: fewer, larger
 * operations, which is what the wasm backend is fast at (each operation costs tens of µs).
 */
const GROUPS = [['encoder'], ['mean', 'logVariance'], ['decoder1'], ['decoder2'], ['onset', 'velocity', 'offset']] as const satisfies readonly (readonly LayerName[])[];
type Group = (typeof GROUPS)[number];

interface Variables {
  readonly weights: tf.Variable<tf.Rank.R2>;
  readonly biases: tf.Variable<tf.Rank.R1>;
}

/** Columns of several layers with the same inputs, side by side. */
function sideBySide(layers: readonly Dense[]): { weights: Float32Array; biases: Float32Array; outputs: number } {
  const inputs = layers[0].inputs;
  const outputs = layers.reduce((sum, layer) => sum + layer.outputs, 0);
  const weights = new Float32Array(inputs * outputs);
  let column = 0;
  for (const layer of layers) {
    for (let i = 0; i < inputs; i++) weights.set(layer.weights.subarray(i * layer.outputs, (i + 1) * layer.outputs), i * outputs + column);
    column += layer.outputs;
  }
  return { weights, biases: Float32Array.from(layers.flatMap((layer) => [...layer.biases])), outputs };
}

/**
 * The VAE as TensorFlow.js variables, for training only: playing a model needs no TensorFlow
 * (see pattern-decoder.ts). Starts from the given weights, so the seed alone decides them.
 */
export class VaeNetwork {
  private readonly groups: readonly Variables[];

  constructor(
    private readonly start: VaeWeights,
    private readonly cells: number,
  ) {
    this.groups = GROUPS.map((names) => {
      const { weights, biases, outputs } = sideBySide(names.map((name) => start[name]));
      return { weights: tf.variable(tf.tensor2d(weights, [start[names[0]].inputs, outputs]), true), biases: tf.variable(tf.tensor1d(biases), true) };
    });
  }

  get variables(): tf.Variable[] {
    return this.groups.flatMap((group) => [group.weights, group.biases]);
  }

  private dense(group: number, input: tf.Tensor2D): tf.Tensor2D {
    return (group === 0 ? firstLayer : innerLayer)(input, this.groups[group].weights, this.groups[group].biases) as tf.Tensor2D;
  }

  /**
   * The loss of a batch of loop rows (see loopVector) with the sampling noise `noise` (batch ×
   * latent): onset cross-entropy over every cell; velocity and timing squared errors only where
   * the drum is struck (elsewhere they mean nothing); KL divergence from the standard normal,
   * weighted by β (warm-up included). Each term is a sum over cells, averaged over the batch.
   */
  loss(loops: tf.Tensor2D, noise: tf.Tensor2D, settings: VaeSettings, beta: number): tf.Scalar {
    const cells = this.cells;
    const [onsets, velocities, offsets] = tf.split(loops, [cells, cells, cells], 1);
    const hidden = tf.relu(this.dense(0, tf.slice(loops, [0, 0], [-1, 2 * cells])));
    const [mean, logVariance] = tf.split(this.dense(1, hidden), 2, 1);
    const latent = tf.add(mean, tf.mul(tf.exp(tf.mul(logVariance, 0.5)), noise)) as tf.Tensor2D;
    const decoded = tf.relu(this.dense(3, tf.relu(this.dense(2, latent))));
    const [logits, velocityLogits, offsetLogits] = tf.split(this.dense(4, decoded), [cells, cells, cells], 1);
    const velocity = tf.sigmoid(velocityLogits);
    const offset = tf.mul(tf.tanh(offsetLogits), 0.5);
    const crossEntropy = tf.add(tf.sub(tf.relu(logits), tf.mul(logits, onsets)), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))));
    const struck = tf.add(tf.mul(tf.squaredDifference(velocity, velocities), settings.velocityWeight), tf.mul(tf.squaredDifference(offset, offsets), settings.timingWeight));
    const kl = tf.mul(tf.sub(tf.add(tf.square(mean), tf.exp(logVariance)), tf.add(logVariance, 1)), 0.5 * beta);
    return tf.div(tf.add(tf.add(tf.sum(crossEntropy), tf.sum(tf.mul(onsets, struck))), tf.sum(kl)), loops.shape[0]);
  }

  /** The trained weights as plain arrays, each layer on its own again. */
  weights(): VaeWeights {
    const weights = {} as Record<LayerName, Dense>;
    GROUPS.forEach((names: Group, index) => {
      const all = this.groups[index].weights.dataSync();
      const biases = this.groups[index].biases.dataSync();
      const width = biases.length;
      let column = 0;
      for (const name of names) {
        const { inputs, outputs } = this.start[name];
        const layer = new Float32Array(inputs * outputs);
        for (let i = 0; i < inputs; i++) layer.set(all.subarray(i * width + column, i * width + column + outputs), i * outputs);
        weights[name] = { inputs, outputs, weights: layer, biases: Float32Array.from(biases.subarray(column, column + outputs)) };
        column += outputs;
      }
    });
    return weights;
  }

  dispose(): void {
    for (const variable of this.variables) variable.dispose();
  }
}
