import { readFileSync } from 'node:fs';
import { seriesOf } from '../src/core/temporal/series.ts';
import type { LabelledSeries } from '../src/core/temporal/series-evaluation.ts';

export const UNISTROKE = new URL('../../shared/data/unistroke/unistroke.jsonl', import.meta.url);

interface Stroke {
  readonly subject: number;
  readonly speed: string;
  readonly gesture: string;
  readonly points: [number, number, number][];
}

/** The 4,800 pen gestures of the $1 paper, grouped by subject and speed, as (x, y) series (time dropped). */
export function unistrokeGestures(): LabelledSeries[] {
  return readFileSync(UNISTROKE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const stroke = JSON.parse(line) as Stroke;
      return { label: stroke.gesture, group: `${stroke.subject}-${stroke.speed}`, series: seriesOf(stroke.points.map(([x, y]) => [x, y])) };
    });
}
