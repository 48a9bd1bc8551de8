import * as tf from '@tensorflow/tfjs';
import { InputError } from '../../../core/errors.ts';
import type { Loop, Meter } from '../pattern.ts';
import { rhythmAttributes } from './attributes.ts';
import { Adam } from './adam.ts';
import { augmentLoop, augmentationFor } from './augment.ts';
import { type Attribute, attributeDirections } from './directions.ts';
import { cellsOf, chooseGrid, fitToGrid, fitsMeter, meterName } from './loop-grid.ts';
import { loopMatrix } from './loop-vectors.ts';
import { VaeNetwork } from './network.ts';
import { onsetF1 } from './onset-f1.ts';
import { PatternDecoder } from './pattern-decoder.ts';
import { PatternEncoder } from './pattern-encoder.ts';
import { RhythmModel } from './rhythm-model.ts';
import { SeededRandom } from './seeded-random.ts';
import { type VaeSettings, vaeSettings } from './settings.ts';
import { type VaeWeights, initialWeights } from './vae-weights.ts';

export interface TrainOptions {
  /** Settings by name (see settings.ts), as values or as text from a command line. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** The model's meter; by default the one most loops share. Loops in other meters are left out. */
  readonly meter?: Meter;
  /** The model's length in bars; by default the one most loops in its meter have. */
  readonly bars?: number;
  /** The attributes to find directions for (default: density, syncopation, swing, each drum). */
  readonly attributes?: readonly Attribute[];
  /** Called after every epoch with the fraction done. */
  readonly onProgress?: (fraction: number) => void;
}

/**
 * Trains a rhythm VAE on a few dozen loops with the TensorFlow.js backend in use (the caller
 * chooses it: wasm in Node, WebGL in a browser). The same loops, settings and seed give the
 * same model, bit for bit, on the same backend.
 *
 * Loops of different lengths: a network has one size, so a model has one grid (see loop-grid.ts).
 * Loops in the grid's meter are looped or cut to its number of bars; loops in other meters are
 * left out (squeezed into another meter they would teach grooves nobody played) and named in
 * the summary, so a user can train them as a model of their own.
 */
export function trainRhythmModel(loops: readonly Loop[], options: TrainOptions = {}): RhythmModel {
  const settings = vaeSettings(options.settings);
  const grid = chooseGrid(loops.map((loop) => loop.pattern), options.meter, options.bars);
  const learned = loops.filter((loop) => fitsMeter(loop.pattern, grid));
  const leftOut = loops.filter((loop) => !fitsMeter(loop.pattern, grid)).map((loop) => `${loop.name} (${meterName(loop.pattern.meter)})`);
  const patterns = learned.map((loop) => fitToGrid(loop.pattern, grid));
  if (patterns.every((pattern) => !pattern.onset.some(Boolean))) throw new InputError('Every loop to learn from is silent; give loops with some drums in them.');
  const cells = cellsOf(grid);
  const random = new SeededRandom(settings.seed);
  const network = new VaeNetwork(initialWeights(settings, cells, random), cells);
  const optimizer = new Adam(network.variables, settings.learningRate);
  let loss: number;
  let weights: VaeWeights;
  try {
    loss = fit(network, optimizer, loopMatrix(patterns, grid), { ...grid, settings, random, onProgress: options.onProgress });
    weights = network.weights();
  } finally {
    optimizer.dispose();
    network.dispose();
  }
  const encoder = new PatternEncoder(weights, grid);
  const positions = patterns.map((pattern) => encoder.encode(pattern));
  const decoder = new PatternDecoder(weights, grid);
  const f1 = onsetF1(patterns, positions.map((position) => decoder.decode(position, decoder.emptyLoop())));
  const directions = attributeDirections(positions, patterns, options.attributes ?? rhythmAttributes());
  const placed = learned.map((loop, i) => ({ name: loop.name, ...(loop.style === undefined ? {} : { style: loop.style }), position: positions[i] }));
  return new RhythmModel(grid, settings, weights, placed, directions, { onsetF1: f1, loss, leftOut });
}

interface FitContext {
  readonly meter: Meter;
  readonly bars: number;
  readonly ticksPerQuarter: number;
  readonly ticks: number;
  readonly settings: VaeSettings;
  readonly random: SeededRandom;
  readonly onProgress?: (fraction: number) => void;
}

/**
 * An epoch shows the network at least this many loops: a tiny set is gone through several times
 * (each time freshly augmented), as R-VAE duplicates small sets, so it gets enough steps.
 */
const MIN_LOOPS_PER_EPOCH = 32;

/** The training loop: shuffled, augmented batches, Adam, KL warm-up. Returns the last epoch's mean loss. */
function fit(network: VaeNetwork, optimizer: Adam, matrix: Float32Array, context: FitContext): number {
  const { settings, random } = context;
  const width = 3 * cellsOf(context);
  const loops = matrix.length / width;
  const count = loops * Math.ceil(MIN_LOOPS_PER_EPOCH / loops);
  const batchSize = Math.min(settings.batchSize, count);
  const augmentation = augmentationFor(settings, loops);
  const batch = new Float32Array(batchSize * width);
  const noise = new Float32Array(batchSize * settings.latent);
  const order = Array.from({ length: count }, (_, i) => i % loops);
  const warmupEpochs = settings.warmup * settings.epochs;
  let epochLoss = NaN;
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    const beta = settings.beta * (warmupEpochs > 0 ? Math.min(1, (epoch + 1) / warmupEpochs) : 1);
    random.shuffle(order);
    let total = 0;
    for (let start = 0; start < count; start += batchSize) {
      const size = Math.min(batchSize, count - start);
      for (let i = 0; i < size; i++) {
        const row = order[start + i] * width;
        augmentLoop(matrix.subarray(row, row + width), batch.subarray(i * width, (i + 1) * width), context, augmentation, random);
      }
      random.fillGaussian(noise.subarray(0, size * settings.latent));
      const loops = tf.tensor2d(batch.subarray(0, size * width), [size, width]);
      const epsilon = tf.tensor2d(noise.subarray(0, size * settings.latent), [size, settings.latent]);
      total += optimizer.minimize(() => network.loss(loops, epsilon, settings, beta)) * size;
      tf.dispose([loops, epsilon]);
    }
    epochLoss = total / count;
    if (!Number.isFinite(epochLoss)) throw new InputError(`Training diverged at epoch ${epoch + 1}; try a lower learning rate than ${settings.learningRate} (learningRate).`);
    context.onProgress?.((epoch + 1) / settings.epochs);
  }
  return epochLoss;
}
