import { InputError } from '../../../core/errors.ts';
import type { UnitBender } from './pattern-decoder.ts';
import { SeededRandom } from './seeded-random.ts';
import type { UnitActivity } from './unit-activity.ts';
import { clusterUnits } from './unit-clusters.ts';

/**
 * Network bending (after Broad et al., 2021): deterministic changes to the decoder's hidden
 * units at play time. For a unit with activation h and peak p (its largest activation over the
 * latent space, see unit-activity.ts), each transform proposes t:
 * - ablate: 0 (the unit is silenced)
 * - invert: p − h (quiet becomes loud and loud quiet)
 * - scale: value × h
 * - threshold: p where h ≥ value × p, else 0 (the unit becomes a switch)
 * - oscillate: h × (1 + sin 2π(value + k/n)) for the k-th of the n chosen units, so sweeping
 *   `value` (a phase, in turns) sends a wave through them
 * and the unit becomes h + mix × (t − h): `mix` fades a bend in and out. `mix` and `value` are
 * the numbers a slider, an LFO or any Oscine output can drive.
 */
export const BEND_TRANSFORMS = ['ablate', 'invert', 'scale', 'threshold', 'oscillate'] as const;
export type BendTransform = (typeof BEND_TRANSFORMS)[number];

/** What `value` means, and its starting value, per transform. */
export const BEND_VALUES: Readonly<Record<BendTransform, { readonly meaning: string; readonly start: number }>> = {
  ablate: { meaning: 'unused', start: 0 },
  invert: { meaning: 'unused', start: 0 },
  scale: { meaning: 'factor', start: 2 },
  threshold: { meaning: 'level, as a fraction of each unit’s peak', start: 0.5 },
  oscillate: { meaning: 'phase, in turns', start: 0 },
};

/** Which units of a hidden layer a bend acts on. */
export type UnitChoice =
  | { readonly kind: 'units'; readonly units: readonly number[] }
  | { readonly kind: 'random'; readonly fraction: number; readonly seed: number }
  | { readonly kind: 'cluster'; readonly clusters: number; readonly cluster: number; readonly seed: number };

export interface Bend {
  /** The decoder's hidden layer: 0 (next to the latent space) or 1 (next to the loop). */
  readonly layer: number;
  readonly units: UnitChoice;
  readonly transform: BendTransform;
  mix: number;
  value: number;
}

/** A bend with the usual value for its transform, fully mixed in. */
export function bend(layer: number, units: UnitChoice, transform: BendTransform): Bend {
  return { layer, units, transform, mix: 1, value: BEND_VALUES[transform].start };
}

/** Bends applied one after another, in order; resolved against one model's decoder. */
export class BendChain implements UnitBender {
  private readonly chosen: readonly Int32Array[];

  constructor(
    readonly bends: readonly Bend[],
    private readonly activity: UnitActivity,
  ) {
    this.chosen = bends.map((b, index) => chooseUnits(b, activity, `bend ${index + 1}`));
  }

  /** The units each bend acts on, in the chain's order. */
  units(index: number): Int32Array {
    return this.chosen[index];
  }

  bend(layer: number, activations: Float64Array): void {
    for (let index = 0; index < this.bends.length; index++) {
      const { layer: bentLayer, transform, mix, value } = this.bends[index];
      if (bentLayer !== layer || mix === 0) continue;
      const units = this.chosen[index];
      const peaks = this.activity.peaks[layer];
      for (let k = 0; k < units.length; k++) {
        const unit = units[k];
        const h = activations[unit];
        const target = transformed(transform, h, peaks[unit], value, k / units.length);
        activations[unit] = h + mix * (target - h);
      }
    }
  }
}

function transformed(transform: BendTransform, h: number, peak: number, value: number, position: number): number {
  switch (transform) {
    case 'ablate':
      return 0;
    case 'invert':
      return peak - h;
    case 'scale':
      return value * h;
    case 'threshold':
      return h >= value * peak ? peak : 0;
    case 'oscillate':
      return h * (1 + Math.sin(2 * Math.PI * (value + position)));
  }
}

function chooseUnits(b: Bend, activity: UnitActivity, name: string): Int32Array {
  const layers = activity.peaks.length;
  if (!Number.isInteger(b.layer) || b.layer < 0 || b.layer >= layers) {
    throw new InputError(`${name} is on layer ${b.layer}, but the decoder's hidden layers are numbered 0 to ${layers - 1}.`);
  }
  if (!BEND_TRANSFORMS.includes(b.transform)) throw new InputError(`${name}: '${b.transform}' is not a bend; use one of ${BEND_TRANSFORMS.join(', ')}.`);
  const count = activity.peaks[b.layer].length;
  const choice = b.units;
  switch (choice.kind) {
    case 'units': {
      const bad = choice.units.find((unit) => !Number.isInteger(unit) || unit < 0 || unit >= count);
      if (bad !== undefined) throw new InputError(`${name}: layer ${b.layer} has units 0 to ${count - 1}, not ${bad}.`);
      return Int32Array.from(choice.units);
    }
    case 'random': {
      if (!(choice.fraction > 0 && choice.fraction <= 1)) throw new InputError(`${name}: the fraction of units must be above 0 and at most 1, not ${choice.fraction}.`);
      const order = Array.from({ length: count }, (_, unit) => unit);
      new SeededRandom(choice.seed).shuffle(order);
      return Int32Array.from(order.slice(0, Math.max(1, Math.round(choice.fraction * count)))).sort();
    }
    case 'cluster': {
      if (!Number.isInteger(choice.clusters) || choice.clusters < 1 || choice.clusters > count) {
        throw new InputError(`${name}: layer ${b.layer} has ${count} units, so it can be split into 1 to ${count} clusters, not ${choice.clusters}.`);
      }
      const assignment = clusterUnits(activity.profiles[b.layer], count, choice.clusters, choice.seed);
      const members = assignment.reduce<number[]>((list, cluster, unit) => (cluster === choice.cluster ? [...list, unit] : list), []);
      if (members.length === 0) {
        const found = Math.max(...assignment) + 1;
        throw new InputError(`${name}: layer ${b.layer} fell into ${found} clusters of units (0 to ${found - 1}); there is no cluster ${choice.cluster}.`);
      }
      return Int32Array.from(members);
    }
  }
}
