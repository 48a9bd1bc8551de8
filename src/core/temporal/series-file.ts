import { InputError } from '../errors.ts';
import type { LabelledSeries } from './series-evaluation.ts';
import { emptySeries } from './series.ts';

/**
 * Reads labelled series from JSON lines, one example a line:
 * `{"label": "circle", "group": "anna-fast", "series": [[x, y, ...], ...]}`. The group is optional
 * (a string or number; all examples without one form one group). Blank lines are skipped; every
 * series must have the same number of values per frame. `source` names the file in messages.
 */
export function parseSeriesLines(text: string, source: string): LabelledSeries[] {
  const examples: LabelledSeries[] = [];
  let width = -1;
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${source}, line ${i + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new InputError(`${where}: not valid JSON (${(error as Error).message}); each line must be one {"label", "group", "series"} object`);
    }
    const { label, group, series } = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
    if (typeof label !== 'string' && typeof label !== 'number') throw new InputError(`${where}: "label" is missing; give each example a "label" (a string)`);
    if (group !== undefined && typeof group !== 'string' && typeof group !== 'number') throw new InputError(`${where}: "group" must be a string or a number`);
    if (!Array.isArray(series) || series.length === 0) throw new InputError(`${where}: "series" must be a non-empty list of frames, each a list of numbers`);
    if (width < 0) width = Array.isArray(series[0]) ? series[0].length : 0;
    const out = emptySeries(series.length, width);
    series.forEach((frame: unknown, f) => {
      if (!Array.isArray(frame) || frame.length !== width || width === 0) {
        throw new InputError(`${where}: frame ${f + 1} of "series" must be a list of ${width || 'one or more'} numbers, as in the first example`);
      }
      frame.forEach((x: unknown, a) => {
        if (typeof x !== 'number' || !Number.isFinite(x)) throw new InputError(`${where}: frame ${f + 1}, value ${a + 1} is ${JSON.stringify(x)}, not a number`);
        out.values[f * width + a] = x;
      });
    });
    examples.push({ label: String(label), group: group === undefined ? '' : String(group), series: out });
  });
  if (examples.length === 0) throw new InputError(`${source} has no examples; each line must be one {"label", "group", "series"} object`);
  return examples;
}
