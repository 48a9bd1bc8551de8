import type { PatternDecoder } from './pattern-decoder.ts';
import { SeededRandom } from './seeded-random.ts';

/** How many latent points are sampled to see how the decoder's units behave. */
const SAMPLES = 256;
/** Fixed, so the same model always finds the same peaks and clusters. */
const SAMPLE_SEED = 7;

/** How each hidden unit of the decoder responds over the latent space. */
export interface UnitActivity {
  /** Per hidden layer: each unit's largest activation over the sample (what "fully on" means). */
  readonly peaks: readonly Float64Array[];
  /** Per hidden layer: unit u's activation at sample s is at `u * samples + s`. */
  readonly profiles: readonly Float64Array[];
  readonly samples: number;
}

/**
 * Runs the decoder (without bends) over points drawn from the latent prior, the standard normal
 * distribution the training pulls the loops towards.
 */
export function unitActivity(decoder: PatternDecoder): UnitActivity {
  const random = new SeededRandom(SAMPLE_SEED);
  const point = new Float64Array(decoder.latentSize);
  const profiles = decoder.hidden.map((layer) => new Float64Array(layer.length * SAMPLES));
  for (let sample = 0; sample < SAMPLES; sample++) {
    for (let d = 0; d < point.length; d++) point[d] = random.nextGaussian();
    decoder.activate(point);
    decoder.hidden.forEach((layer, index) => layer.forEach((value, unit) => (profiles[index][unit * SAMPLES + sample] = value)));
  }
  const peaks = decoder.hidden.map((layer, index) =>
    Float64Array.from({ length: layer.length }, (_, unit) => Math.max(...profiles[index].subarray(unit * SAMPLES, (unit + 1) * SAMPLES))),
  );
  return { peaks, profiles, samples: SAMPLES };
}
