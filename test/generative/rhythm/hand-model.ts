import type { Dense } from '../../../src/generative/rhythm/vae/dense.ts';
import { loopGrid } from '../../../src/generative/rhythm/vae/loop-grid.ts';
import { RhythmModel } from '../../../src/generative/rhythm/vae/rhythm-model.ts';
import { vaeSettings } from '../../../src/generative/rhythm/vae/settings.ts';
import type { VaeWeights } from '../../../src/generative/rhythm/vae/vae-weights.ts';

function dense(inputs: number, outputs: number, set: Record<string, number> = {}, bias = 0): Dense {
  const weights = new Float32Array(inputs * outputs);
  for (const [at, value] of Object.entries(set)) {
    const [i, o] = at.split(',').map(Number);
    weights[i * outputs + o] = value;
  }
  return { inputs, outputs, weights, biases: new Float32Array(outputs).fill(bias) };
}

/** A one-beat grid (1/4 at 2 ticks per quarter): 9 drums × 2 ticks = 18 cells. */
export const HAND_GRID = loopGrid({ beats: 1, beatUnit: 4 }, 1, 2);

/**
 * A decoder worked by hand, latent size 1: hidden units relu(z) and relu(-z) pass straight
 * through the second layer; the kick on tick 0 has logit 10·relu(z) − 5, the kick on tick 1
 * 10·relu(−z) − 5, every other cell −5. Velocity ½ (sigmoid of 0) and timing 0 everywhere,
 * except the velocity of the first kick: sigmoid(relu(z)).
 */
export function handModel(): RhythmModel {
  const settings = vaeSettings({ latent: 1, encoderUnits: 4, decoderUnits: 2, decoderUnits2: 2 });
  const weights: VaeWeights = {
    encoder: dense(36, 4),
    mean: dense(4, 1),
    logVariance: dense(4, 1),
    decoder1: dense(1, 2, { '0,0': 1, '0,1': -1 }),
    decoder2: dense(2, 2, { '0,0': 1, '1,1': 1 }),
    onset: dense(2, 18, { '0,0': 10, '1,1': 10 }, -5),
    velocity: dense(2, 18, { '0,0': 1 }),
    offset: dense(2, 18),
  };
  return new RhythmModel(HAND_GRID, settings, weights, [{ name: 'only', position: Float64Array.of(0) }], [], { onsetF1: 1, loss: 0, leftOut: [] });
}
