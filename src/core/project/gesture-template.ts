import type { Series } from '../temporal/series.ts';

/** One performance of a gesture, recorded as a template: every project input, frame after frame. */
export interface GestureTemplate {
  readonly id: number;
  /** The gesture output (0-based, among gesture outputs) and the gesture within it. */
  readonly output: number;
  readonly gesture: number;
  /** The gesture recording it came from: each recording makes one template. */
  readonly round: number;
  /** When the recording stopped, in milliseconds since 1970. */
  readonly time: number;
  readonly frames: Series;
}

/** How many templates each gesture of each gesture output has. */
export function templateCounts(templates: Iterable<GestureTemplate>, gesturesPerOutput: readonly number[]): number[][] {
  const counts = gesturesPerOutput.map((g) => new Array<number>(g).fill(0));
  for (const t of templates) if (t.gesture < (counts[t.output]?.length ?? 0)) counts[t.output][t.gesture]++;
  return counts;
}
