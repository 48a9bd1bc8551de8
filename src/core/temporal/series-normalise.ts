import { type Series, emptySeries } from './series.ts';

/**
 * How a whole series is normalised before it is compared, so that where and how large a gesture
 * was performed does not count, only its form:
 * - `none`: as recorded;
 * - `zscore`: every input shifted to mean 0 and scaled to standard deviation 1 on its own;
 * - `shape`: shifted to mean 0 and scaled by one factor for all inputs (the widest input's range
 *   becomes 1), so the proportions between inputs are kept.
 */
export const SERIES_NORMALISATIONS = ['none', 'zscore', 'shape'] as const;
export type SeriesNormalisation = (typeof SERIES_NORMALISATIONS)[number];

export function normaliseSeries(series: Series, how: SeriesNormalisation): Series {
  if (how === 'none') return series;
  const { length, width, values } = series;
  const mean = new Float64Array(width);
  const scale = new Float64Array(width);
  for (let a = 0; a < width; a++) {
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < length; i++) {
      const x = values[i * width + a];
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    mean[a] = sum / length;
    if (how === 'zscore') {
      let squares = 0;
      for (let i = 0; i < length; i++) squares += (values[i * width + a] - mean[a]) ** 2;
      scale[a] = Math.sqrt(squares / length);
    } else {
      scale[a] = max - min;
    }
  }
  if (how === 'shape') scale.fill(Math.max(...scale));
  const out = emptySeries(length, width);
  for (let i = 0; i < length; i++) {
    for (let a = 0; a < width; a++) {
      // An input that never moved is only shifted: dividing by 0 would turn it into NaN.
      const divisor = scale[a] > 0 ? scale[a] : 1;
      out.values[i * width + a] = (values[i * width + a] - mean[a]) / divisor;
    }
  }
  return out;
}
