import { type ParamsOf, type ParamSpecs, resolveParams } from '../../../core/learn/params.ts';

/**
 * Everything that shapes a rhythm VAE and its training, with defaults in one place. Sized for a
 * few dozen loops: 50 loops train in well under 30 s on two cores (see bench/RESULTS.md).
 */
export const VAE_SETTINGS = {
  latent: { type: 'integer', default: 2, min: 1, max: 16, help: 'dimensions of the latent space (2 makes a pad)' },
  encoderUnits: { type: 'integer', default: 64, min: 1, max: 1024, help: 'units in the hidden layer of the encoder' },
  decoderUnits: { type: 'integer', default: 64, min: 1, max: 1024, help: 'units in the first hidden layer of the decoder' },
  decoderUnits2: { type: 'integer', default: 64, min: 1, max: 1024, help: 'units in the second hidden layer of the decoder' },
  epochs: { type: 'integer', default: 400, min: 1, max: 100000, help: 'passes over the loops' },
  batchSize: { type: 'integer', default: 64, min: 1, max: 1024, help: 'loops per training step (a set of dozens trains best in one batch)' },
  learningRate: { type: 'number', default: 0.03, min: 0, max: 1, help: "Adam's learning rate" },
  beta: { type: 'number', default: 0.2, min: 0, max: 100, help: 'weight of the KL term (β); lower keeps loops apart, higher makes the space smoother' },
  warmup: { type: 'number', default: 0.3, min: 0, max: 1, help: 'fraction of the epochs over which β rises from 0 (KL warm-up)' },
  velocityWeight: { type: 'number', default: 2.5, min: 0, max: 100, help: 'weight of the velocity error, counted where a drum is struck' },
  timingWeight: { type: 'number', default: 5, min: 0, max: 100, help: 'weight of the micro-timing error, counted where a drum is struck' },
  rotation: { type: 'number', default: 0.1, min: 0, max: 1, help: 'chance that a loop is rotated in time in an epoch (augmentation; full for up to 8 loops, less for more)' },
  rotationStep: { type: 'choice', default: 'beat', choices: ['beat', 'eighth', 'sixteenth'], help: 'rotations move a loop by whole steps of this length' },
  dropout: { type: 'number', default: 0.03, min: 0, max: 1, help: "chance that one drum's part is left out of a loop in an epoch (augmentation, like rotation)" },
  seed: { type: 'integer', default: 1, min: 0, max: 2 ** 31 - 1, help: 'seed for the starting weights, shuffling, augmentation and sampling' },
} as const satisfies ParamSpecs;

export type VaeSettings = ParamsOf<typeof VAE_SETTINGS>;
export type RotationStep = 'beat' | 'eighth' | 'sixteenth';

/** Checks settings given as values (a model file) or text (a command line); fills in defaults. */
export function vaeSettings(given: Readonly<Record<string, unknown>> = {}): VaeSettings {
  return resolveParams('The rhythm VAE', VAE_SETTINGS, given);
}
