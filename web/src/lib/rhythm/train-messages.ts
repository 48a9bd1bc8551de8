import type { Loop } from '../../../../src/generative/rhythm/pattern.ts';
import type { RhythmModelDocument } from '../../../../src/generative/rhythm/vae/model-file.ts';

/** What the page asks the training worker: the loops and the VAE's settings by name (see settings.ts). */
export interface TrainRequest {
  readonly loops: Loop[];
  readonly settings: Record<string, number>;
}

/** What the training worker answers: progress after each epoch, then the model or why not. */
export type TrainReply =
  | { readonly kind: 'progress'; readonly fraction: number }
  | { readonly kind: 'trained'; readonly document: RhythmModelDocument; readonly backend: string; readonly seconds: number }
  | { readonly kind: 'failed'; readonly reason: string };
