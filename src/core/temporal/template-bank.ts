import { InputError } from '../errors.ts';
import type { Series } from './series.ts';

/**
 * Every template of every gesture, prepared for matching, laid end to end in one array so the
 * matcher walks them all in one pass. Template k holds frames offsets[k] .. offsets[k] + lengths[k] - 1.
 */
export interface TemplateBank {
  readonly width: number;
  readonly values: Float64Array;
  readonly offsets: Int32Array;
  readonly lengths: Int32Array;
  /** Frames in all templates together. */
  readonly frames: number;
}

export function bankOf(templates: readonly Series[], width: number): TemplateBank {
  const frames = templates.reduce((sum, t) => sum + t.length, 0);
  const values = new Float64Array(frames * width);
  const offsets = new Int32Array(templates.length);
  const lengths = new Int32Array(templates.length);
  let at = 0;
  templates.forEach((template, k) => {
    if (template.width !== width) {
      throw new InputError(`a template has ${template.width} values per frame but the gesture model expects ${width}; record it again with the same inputs`);
    }
    offsets[k] = at;
    lengths[k] = template.length;
    values.set(template.values, at * width);
    at += template.length;
  });
  return { width, values, offsets, lengths, frames };
}
