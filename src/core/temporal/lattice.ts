import type { TemplateBank } from './template-bank.ts';

/**
 * How a warping path may move from cell to cell (j: template frame, t: input frame; d is the
 * Euclidean distance between the two frames):
 * - `classic`: D(j,t) = d + min(D(j,t-1), D(j-1,t-1), D(j-1,t)) — every step weighs 1; the pattern
 *   of FastDTW and Wekinator. Its cost grows with the path's length, so favours short paths.
 * - `symmetric`: D(j,t) = min(D(j,t-1) + d, D(j-1,t-1) + 2d, D(j-1,t) + d) — a diagonal step weighs
 *   as much as the two steps it replaces, so every path from the start to (j, t) weighs the same:
 *   (j + 1) + (t - start + 1).
 * - `slope`: Sakoe and Chiba's symmetric pattern with slope constraint P = 1: after a step along one
 *   series the next must be diagonal, so a match runs between half and twice the template's speed.
 *   Weights as in `symmetric`.
 */
export const STEP_PATTERNS = ['classic', 'symmetric', 'slope'] as const;
export type StepPattern = (typeof STEP_PATTERNS)[number];

/**
 * What a path's cost is divided by, so templates of different lengths compare fairly: `none`,
 * `template` (its length in frames), or `path` (template frames + matched input frames: the exact
 * weight of every path under `symmetric` and `slope`).
 */
export const LENGTH_NORMALISATIONS = ['none', 'template', 'path'] as const;
export type LengthNormalisation = (typeof LENGTH_NORMALISATIONS)[number];

export interface LatticeOptions {
  readonly pattern: StepPattern;
  /**
   * Sakoe–Chiba band: how many frames a path may stray from the template's own pace (from the
   * diagonal of the two whole series when closed). Infinity: no band.
   */
  readonly radius: number;
  /** Open begin: a match may start at any input frame (subsequence DTW) rather than at the first. */
  readonly open: boolean;
  /** What `distances` and `nearestPrefix` divide costs by. */
  readonly lengthNormalisation: LengthNormalisation;
}

/**
 * The dynamic-programming table of DTW between every template of a bank and an input that grows one
 * frame at a time, kept as its last three columns (cost, and the input frame where each cell's best
 * path started). Each `advance` costs O(total template frames × width) and allocates nothing.
 * Closed, and fed a whole series, it gives full DTW against every template at once; open, fed a live
 * stream, it gives at every frame the best match of each template ending at that frame, whatever its
 * start. With a band, a cell keeps only its cheapest path, so an open match is the best of those
 * paths that stay in the band (a cheaper path outside it may hide a costlier one inside).
 */
export class Lattice {
  /** Input frames seen since the last reset. */
  frames = 0;
  private cost: Float64Array;
  private previousCost: Float64Array;
  private olderCost: Float64Array;
  private start: Float64Array;
  private previousStart: Float64Array;
  private olderStart: Float64Array;
  private local: Float64Array;
  private previousLocal: Float64Array;
  /** Per template: template frames per input frame along the band's centre line. */
  private readonly pace: Float64Array;
  /** The weight of a path's first cell. */
  private readonly startWeight: number;
  /** The normaliser is templateShare × template frames + spanShare × input frames + 1 − templateShare. */
  private readonly templateShare: number;
  private readonly spanShare: number;
  /** No band: every path fits. */
  private readonly unbounded: boolean;

  constructor(
    readonly bank: TemplateBank,
    readonly options: LatticeOptions,
  ) {
    const size = bank.frames;
    [this.cost, this.previousCost, this.olderCost] = [new Float64Array(size), new Float64Array(size), new Float64Array(size)];
    [this.start, this.previousStart, this.olderStart] = [new Float64Array(size), new Float64Array(size), new Float64Array(size)];
    [this.local, this.previousLocal] = [new Float64Array(size), new Float64Array(size)];
    this.pace = new Float64Array(bank.lengths.length).fill(1);
    this.startWeight = options.pattern === 'classic' ? 1 : 2;
    this.templateShare = options.lengthNormalisation === 'none' ? 0 : 1;
    this.spanShare = options.lengthNormalisation === 'path' ? 1 : 0;
    this.unbounded = options.radius === Infinity;
    this.reset();
  }

  /** Forgets the input. A closed lattice needs the coming series' length to centre its band. */
  reset(seriesLength = 0): void {
    this.frames = 0;
    this.cost.fill(Infinity);
    this.previousCost.fill(Infinity);
    this.olderCost.fill(Infinity);
    // Starts of the stream before would make a span negative, and an unreached cell's +Infinity cost read −Infinity.
    this.start.fill(0);
    this.previousStart.fill(0);
    this.olderStart.fill(0);
    if (!this.options.open) {
      this.bank.lengths.forEach((n, k) => (this.pace[k] = seriesLength > 1 ? (n - 1) / (seriesLength - 1) : 1));
    }
  }

  advance(frame: ArrayLike<number>): void {
    // The columns turn round: the oldest is overwritten as the newest.
    const freeCost = this.olderCost;
    this.olderCost = this.previousCost;
    this.previousCost = this.cost;
    this.cost = freeCost;
    const freeStart = this.olderStart;
    this.olderStart = this.previousStart;
    this.previousStart = this.start;
    this.start = freeStart;
    const freeLocal = this.previousLocal;
    this.previousLocal = this.local;
    this.local = freeLocal;
    this.measure(frame);
    // By index: a double passed to a call that is not inlined would be boxed, allocating per frame.
    for (let k = 0; k < this.pace.length; k++) this.column(k);
    this.frames++;
  }

  /** The cost of template k's best path to its last frame at the latest input frame, and that path's first input frame. */
  endCost(k: number): number {
    return this.cost[this.bank.offsets[k] + this.bank.lengths[k] - 1];
  }

  endStart(k: number): number {
    return this.start[this.bank.offsets[k] + this.bank.lengths[k] - 1];
  }

  /** Each template's end cost divided by its length normalisation, into `out`. */
  distances(out: Float64Array): void {
    const { offsets, lengths } = this.bank;
    const { templateShare, spanShare } = this;
    for (let k = 0; k < offsets.length; k++) {
      const end = offsets[k] + lengths[k] - 1;
      // The normaliser (see LengthNormalisation) written out: a double returned by a call could be boxed.
      out[k] = this.cost[end] / (templateShare * lengths[k] + spanShare * (this.frames - this.start[end]) + 1 - templateShare);
    }
  }

  /**
   * The template frame where the input most probably is now (open end): the cell of the latest
   * column with the lowest normalised cost. Returns its index; `into[0]` gets its normalised cost
   * and `into[1]` the input frames its path spans.
   */
  nearestPrefix(k: number, into: Float64Array): number {
    const offset = this.bank.offsets[k];
    const { templateShare, spanShare } = this;
    let best = -1;
    into[0] = Infinity;
    into[1] = 0;
    for (let j = 0; j < this.bank.lengths[k]; j++) {
      const span = this.frames - this.start[offset + j];
      const value = this.cost[offset + j] / (templateShare * (j + 1) + spanShare * span + 1 - templateShare);
      if (value < into[0]) {
        into[0] = value;
        into[1] = span;
        best = j;
      }
    }
    return best;
  }

  private measure(frame: ArrayLike<number>): void {
    const { values, width, frames } = this.bank;
    const local = this.local;
    for (let f = 0; f < frames; f++) {
      let sum = 0;
      for (let a = 0; a < width; a++) {
        const diff = values[f * width + a] - frame[a];
        sum += diff * diff;
      }
      local[f] = Math.sqrt(sum);
    }
  }

  /** The first cell of a template: a path may start there (always when open, at the first frame when closed). */
  private firstCell(k: number, horizontal: boolean): void {
    const offset = this.bank.offsets[k];
    const pace = this.pace[k];
    const d = this.local[offset];
    // Each value goes straight into the columns: a variable merging a computed number with a
    // constant, or a frame count with a stored number, may be boxed, allocating per frame.
    if (this.options.open || this.frames === 0) this.cost[offset] = this.startWeight * d;
    else this.cost[offset] = Infinity;
    this.start[offset] = this.frames;
    if (!horizontal) return;
    const staying = this.previousCost[offset] + d;
    if (staying < this.cost[offset] && (this.unbounded || Math.abs((this.frames - this.previousStart[offset]) * pace) <= this.options.radius)) {
      this.cost[offset] = staying;
      this.start[offset] = this.previousStart[offset];
    }
  }

  /** One template's cells at the latest input frame; the candidates per pattern are described at StepPattern. */
  private column(k: number): void {
    const { cost, previousCost, olderCost, start, previousStart, olderStart, local, previousLocal } = this;
    const offset = this.bank.offsets[k];
    const n = this.bank.lengths[k];
    const pace = this.pace[k];
    const slope = this.options.pattern === 'slope';
    // The band: a path that started at input frame s may reach template frame j now when
    // |(t − s) × pace − j| ≤ radius. Written out at each use: a helper taking these doubles would
    // box them, allocating per frame.
    const free = this.unbounded;
    const { radius } = this.options;
    const t = this.frames;
    const diagonalWeight = this.options.pattern === 'classic' ? 1 : 2;
    this.firstCell(k, !slope);
    for (let j = 1; j < n; j++) {
      const at = offset + j;
      const d = local[at];
      let best = previousCost[at - 1] + diagonalWeight * d;
      let from = previousStart[at - 1];
      if (!free && Math.abs((t - from) * pace - j) > radius) best = Infinity;
      // After a step along one series, slope allows only a diagonal one: the two come as one move.
      const along = slope ? olderCost[at - 1] + 2 * previousLocal[at] + d : previousCost[at] + d;
      const alongFrom = slope ? olderStart[at - 1] : previousStart[at];
      if (along < best && (free || Math.abs((t - alongFrom) * pace - j) <= radius)) {
        best = along;
        from = alongFrom;
      }
      if (!slope || j >= 2) {
        const across = slope ? previousCost[at - 2] + 2 * local[at - 1] + d : cost[at - 1] + d;
        const acrossFrom = slope ? previousStart[at - 2] : start[at - 1];
        if (across < best && (free || Math.abs((t - acrossFrom) * pace - j) <= radius)) {
          best = across;
          from = acrossFrom;
        }
      }
      cost[at] = best;
      start[at] = from;
    }
  }
}
