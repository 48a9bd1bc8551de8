// R-VAE's published configuration (Vigliensoni et al.; the R-VAE-JS source, vae.js), rebuilt with
// TensorFlow.js layers so it runs on the same backend in the same process as Oscine's VAE:
// onsets, velocities and micro-timing of 9 drums × 96 ticks each enter a 512-unit dense layer with
// batch normalisation and leaky ReLU, are merged by another, and give a 2-D latent point; the
// decoder mirrors it with three 512-unit branches. Loss: binary cross-entropy of onsets and
// squared errors of velocity (× 2.5) and timing (× 5), each summed over the 864 cells, plus KL.
// Adam at its default rate, batches of 64, 150 epochs (R-VAE-JS's defaults).
import * as tf from '@tensorflow/tfjs';

export const R_VAE = { cells: 9 * 96, units: 512, latent: 2, batchSize: 64, epochs: 150, velocityWeight: 2.5, timingWeight: 5 } as const;

function block(input: tf.SymbolicTensor, units: number): tf.SymbolicTensor {
  const linear = tf.layers.dense({ units, kernelInitializer: 'glorotNormal' }).apply(input);
  const normalised = tf.layers.batchNormalization({ axis: 1 }).apply(linear);
  return tf.layers.leakyReLU().apply(normalised) as tf.SymbolicTensor;
}

export interface PeerVae {
  readonly encoder: tf.LayersModel;
  readonly decoder: tf.LayersModel;
  readonly parameters: number;
  /** One training step on a batch of [onsets, velocities, offsets], each batch × 864. */
  step(batch: readonly tf.Tensor2D[]): number;
  /** One loop from a latent point, read back into JavaScript as the R-VAE-JS app does. */
  decode(x: number, y: number): number[][][];
}

export function peerVae(): PeerVae {
  const { cells, units, latent } = R_VAE;
  const inputs = [0, 1, 2].map(() => tf.input({ shape: [cells] }));
  const merged = tf.layers.concatenate().apply(inputs.map((input) => block(input, units))) as tf.SymbolicTensor;
  const hidden = block(merged, units);
  const mean = tf.layers.dense({ units: latent, kernelInitializer: 'glorotNormal' }).apply(hidden) as tf.SymbolicTensor;
  const logVariance = tf.layers.dense({ units: latent, kernelInitializer: 'glorotNormal' }).apply(hidden) as tf.SymbolicTensor;
  const encoder = tf.model({ inputs, outputs: [mean, logVariance] });
  const point = tf.input({ shape: [latent] });
  const shared = block(point, units);
  const heads = (['sigmoid', 'sigmoid', 'tanh'] as const).map((activation) => tf.layers.dense({ units: cells, activation }).apply(block(shared, units)) as tf.SymbolicTensor);
  const decoder = tf.model({ inputs: point, outputs: heads });
  const optimizer = tf.train.adam();
  const summed = (values: tf.Tensor) => tf.sum(values, 1);
  return {
    encoder,
    decoder,
    parameters: encoder.countParams() + decoder.countParams(),
    step(batch) {
      const cost = tf.tidy(() =>
        optimizer.minimize(() => {
          const [zMean, zLogVariance] = encoder.apply(batch as tf.Tensor2D[], { training: true }) as tf.Tensor2D[];
          const z = tf.add(zMean, tf.mul(tf.exp(tf.mul(zLogVariance, 0.5)), tf.randomNormal(zMean.shape)));
          const [onsets, velocities, offsets] = decoder.apply(z, { training: true }) as tf.Tensor2D[];
          const crossEntropy = summed(tf.neg(tf.add(tf.mul(batch[0], tf.log(tf.add(onsets, 1e-7))), tf.mul(tf.sub(1, batch[0]), tf.log(tf.sub(1 + 1e-7, onsets))))));
          const velocity = tf.mul(summed(tf.squaredDifference(batch[1], velocities)), R_VAE.velocityWeight);
          const timing = tf.mul(summed(tf.squaredDifference(batch[2], offsets)), R_VAE.timingWeight);
          const kl = tf.mul(summed(tf.sub(tf.add(tf.square(zMean), tf.exp(zLogVariance)), tf.add(zLogVariance, 1))), 0.5);
          return tf.mean(tf.addN([crossEntropy, velocity, timing, kl])) as tf.Scalar;
        }, true) as tf.Scalar,
      );
      const value = cost.dataSync()[0];
      cost.dispose();
      return value;
    },
    decode(x, y) {
      return tf.tidy(() => (decoder.predict(tf.tensor2d([[x, y]])) as tf.Tensor2D[]).map((head) => head.reshape([9, 96]).arraySync() as number[][]));
    },
  };
}
