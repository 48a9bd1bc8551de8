import { type Dense, initialDense } from './dense.ts';
import type { SeededRandom } from './seeded-random.ts';
import type { VaeSettings } from './settings.ts';

/**
 * The layers of the rhythm VAE. Encoder: a loop's onsets and velocities → `encoder` (ReLU) →
 * `mean` and `logVariance` of the latent point (micro-timing says little about where a loop
 * belongs, and would cost a third of the encoder). Decoder: latent point → `decoder1` (ReLU) → `decoder2` (ReLU) → three heads
 * over every cell: `onset` (logits), `velocity` (sigmoid) and `offset` (tanh × ½ tick).
 */
export const LAYER_NAMES = ['encoder', 'mean', 'logVariance', 'decoder1', 'decoder2', 'onset', 'velocity', 'offset'] as const;
export type LayerName = (typeof LAYER_NAMES)[number];
export type VaeWeights = Readonly<Record<LayerName, Dense>>;

/** The decoder's hidden layers, the ones network bending works on, in order. */
export const BENDABLE_LAYERS = ['decoder1', 'decoder2'] as const;

/** [inputs, outputs] of each layer for loops of `cells` cells. */
export function layerShapes(settings: VaeSettings, cells: number): Record<LayerName, readonly [number, number]> {
  const { latent, encoderUnits, decoderUnits, decoderUnits2 } = settings;
  return {
    encoder: [2 * cells, encoderUnits],
    mean: [encoderUnits, latent],
    logVariance: [encoderUnits, latent],
    decoder1: [latent, decoderUnits],
    decoder2: [decoderUnits, decoderUnits2],
    onset: [decoderUnits2, cells],
    velocity: [decoderUnits2, cells],
    offset: [decoderUnits2, cells],
  };
}

export function initialWeights(settings: VaeSettings, cells: number, random: SeededRandom): VaeWeights {
  const shapes = layerShapes(settings, cells);
  const weights = {} as Record<LayerName, Dense>;
  for (const name of LAYER_NAMES) weights[name] = initialDense(shapes[name][0], shapes[name][1], random);
  return weights;
}

export function parameterCount(weights: VaeWeights): number {
  return LAYER_NAMES.reduce((sum, name) => sum + weights[name].weights.length + weights[name].biases.length, 0);
}
