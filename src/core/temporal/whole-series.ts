import { type LengthNormalisation, Lattice, type StepPattern } from './lattice.ts';
import { type Series, frameOf, resample, withDerivatives } from './series.ts';
import { type SeriesNormalisation, normaliseSeries } from './series-normalise.ts';
import { bankOf } from './template-bank.ts';

/** How whole series are compared: prepared alike, then full DTW. */
export interface SeriesComparison {
  /** Frames every series is resampled to first, or null to keep their own lengths. */
  readonly resample: number | null;
  readonly normalise: SeriesNormalisation;
  readonly derivatives: boolean;
  readonly pattern: StepPattern;
  /** Band radius in frames, or null for none. */
  readonly radius: number | null;
  readonly lengthNormalisation: LengthNormalisation;
}

/** What served best on the $1 pen gestures and should serve any sensor (see bench/gestures.ts). */
export const DEFAULT_COMPARISON: SeriesComparison = {
  resample: 32,
  normalise: 'zscore',
  derivatives: true,
  pattern: 'symmetric',
  radius: null,
  lengthNormalisation: 'path',
};

export function prepareSeries(series: Series, how: SeriesComparison): Series {
  const sized = how.resample === null ? series : resample(series, how.resample);
  // Derivatives first, so that normalising gives them the same weight as the values.
  return normaliseSeries(how.derivatives ? withDerivatives(sized) : sized, how.normalise);
}

/** Full DTW distances from a prepared series to each template of a closed lattice, into `out`. */
export function distancesTo(lattice: Lattice, series: Series, out: Float64Array): void {
  lattice.reset(series.length);
  for (let i = 0; i < series.length; i++) lattice.advance(frameOf(series, i));
  lattice.distances(out);
}

/** A closed lattice over prepared templates, ready for `distancesTo`. */
export function wholeSeriesLattice(templates: readonly Series[], how: Omit<SeriesComparison, 'resample' | 'normalise' | 'derivatives'>): Lattice {
  const { pattern, radius, lengthNormalisation } = how;
  return new Lattice(bankOf(templates, templates[0].width), { pattern, radius: radius ?? Infinity, open: false, lengthNormalisation });
}

/**
 * Names a whole series after its nearest template: the offline recogniser used by
 * `oscine eval-series` and the benchmarks.
 */
export class SeriesClassifier {
  private readonly lattice: Lattice;
  private readonly distances: Float64Array;

  constructor(
    private readonly templates: readonly { readonly label: string; readonly series: Series }[],
    private readonly how: SeriesComparison = DEFAULT_COMPARISON,
  ) {
    this.lattice = wholeSeriesLattice(templates.map((t) => prepareSeries(t.series, how)), how);
    this.distances = new Float64Array(templates.length);
  }

  classify(series: Series): string {
    distancesTo(this.lattice, prepareSeries(series, this.how), this.distances);
    let best = 0;
    for (let k = 1; k < this.distances.length; k++) if (this.distances[k] < this.distances[best]) best = k;
    return this.templates[best].label;
  }
}
