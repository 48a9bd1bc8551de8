import { InputError } from '../errors.ts';

/**
 * A stretch of input in time: `length` frames of `width` numbers each, stored frame after frame
 * (a recorded template, a performance to classify, or the features computed from either).
 */
export interface Series {
  readonly length: number;
  readonly width: number;
  readonly values: Float64Array;
}

export function emptySeries(length: number, width: number): Series {
  return { length, width, values: new Float64Array(length * width) };
}

/** A series from frames of numbers; every frame must have the same width and at least one number. */
export function seriesOf(frames: readonly ArrayLike<number>[]): Series {
  if (frames.length === 0) throw new InputError('a gesture series needs at least one frame');
  const width = frames[0].length;
  if (width === 0) throw new InputError('a gesture frame needs at least one input value');
  const series = emptySeries(frames.length, width);
  frames.forEach((frame, i) => {
    if (frame.length !== width) {
      throw new InputError(`frame ${i + 1} of a gesture has ${frame.length} values but the first has ${width}; every frame needs the same inputs`);
    }
    for (let a = 0; a < width; a++) series.values[i * width + a] = frame[a];
  });
  return series;
}

/** The frames of a series as plain arrays (for JSON). */
export function seriesRows(series: Series): number[][] {
  return Array.from({ length: series.length }, (_, i) => Array.from(frameOf(series, i)));
}

/** Frame `i` as a view into the series (no copy). */
export function frameOf(series: Series, i: number): Float64Array {
  return series.values.subarray(i * series.width, (i + 1) * series.width);
}

/**
 * The series stretched or squeezed to `length` frames spread evenly over its frame indices, each
 * linearly interpolated between its two neighbours: a gesture performed slowly and one performed
 * fast become comparable frame for frame.
 */
export function resample(series: Series, length: number): Series {
  const { width, values } = series;
  const out = emptySeries(length, width);
  const last = series.length - 1;
  for (let i = 0; i < length; i++) {
    const position = length === 1 ? 0 : (i * last) / (length - 1);
    const below = Math.min(Math.floor(position), Math.max(0, last - 1));
    const above = Math.min(below + 1, last);
    const share = position - below;
    for (let a = 0; a < width; a++) {
      out.values[i * width + a] = values[below * width + a] * (1 - share) + values[above * width + a] * share;
    }
  }
  return out;
}

/**
 * Appends to every frame its change since the previous frame (0 for the first), so that matching
 * looks at the direction of movement as well as at the position.
 */
export function withDerivatives(series: Series): Series {
  const { width, values } = series;
  const out = emptySeries(series.length, width * 2);
  for (let i = 0; i < series.length; i++) {
    for (let a = 0; a < width; a++) {
      const x = values[i * width + a];
      out.values[i * 2 * width + a] = x;
      out.values[i * 2 * width + width + a] = i === 0 ? 0 : x - values[(i - 1) * width + a];
    }
  }
  return out;
}
