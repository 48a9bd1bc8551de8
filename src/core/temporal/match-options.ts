import { z } from 'zod';
import { InputError } from '../errors.ts';
import { LENGTH_NORMALISATIONS, STEP_PATTERNS } from './lattice.ts';
import { INPUT_NORMALISATIONS } from './input-scaling.ts';

/** How a gesture model matches live input against its templates; every default is here. */
export const matchOptionsSchema = z.object({
  // Slope-constrained: a live match cannot squeeze the rest of a template into a few frames and fire early.
  pattern: z.enum(STEP_PATTERNS).default('slope'),
  /** Band radius in (down-sampled) frames: how far a match may stray from the template's pace; null for no band. */
  radius: z.number().min(0).nullable().default(null),
  lengthNormalisation: z.enum(LENGTH_NORMALISATIONS).default('path'),
  /** How each feature is scaled, from the templates' frames: so no input outweighs another by its units. */
  inputNormalisation: z.enum(INPUT_NORMALISATIONS).default('zscore'),
  /** Frames averaged into one before matching: cheaper, and less sensitive to jitter. */
  downsample: z.int().min(1).default(1),
  /** Also match each frame's change since the previous one (the direction of movement). */
  derivatives: z.boolean().default(true),
  /** κ in each gesture's learned threshold (see thresholds.ts): higher accepts looser performances. */
  thresholdSpread: z.number().min(0).default(2),
  /**
   * A matched gesture stays matched until its distance passes its threshold × (1 + hysteresis), and
   * another gesture takes over only when it is nearer by that factor too.
   */
  hysteresis: z.number().min(0).default(0.1),
  /** Milliseconds before the same gesture may fire again. */
  minTriggerInterval: z.number().min(0).default(300),
});

export type MatchOptions = z.infer<typeof matchOptionsSchema>;

/** Options with defaults filled in; a bad value is the user's to fix. */
export function matchOptions(given: Partial<MatchOptions> = {}): MatchOptions {
  const parsed = matchOptionsSchema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`gesture option '${issue.path.join('.')}' is not valid: ${issue.message}`);
  }
  return parsed.data;
}
