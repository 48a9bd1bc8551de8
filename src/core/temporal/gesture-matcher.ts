import type { FramePipeline } from './frame-pipeline.ts';
import { type GestureModel, nearestOf } from './gesture-model.ts';
import { Lattice } from './lattice.ts';
import { TriggerGate } from './triggers.ts';

/** What the matcher says after a frame. One object, updated in place: read it before the next frame. */
export interface LiveMatch {
  /** False when the frame only went into a down-sampling block: nothing below changed. */
  updated: boolean;
  /** Per gesture, the distance of the best match ending now (lower is closer; +Infinity without templates or when disabled). */
  readonly distances: Float64Array;
  /** The nearest gesture, whatever its distance, or -1. */
  nearest: number;
  /** The matched gesture (under its threshold, with hysteresis), or -1. */
  active: number;
  /** The gesture that fires at this frame, or -1: once per performance (see TriggerGate). */
  fired: number;
  /** Following: per gesture, how far through its nearest template the input is now (0..1). */
  readonly progress: Float64Array;
  /** Per gesture, the pace of that partial match: template frames per input frame (2: twice the template's speed). */
  readonly speed: Float64Array;
  /** The gesture under way: the one whose partial match is nearest, if under its threshold; or -1. */
  following: number;
}

/**
 * Continuous recognition and following of a gesture model on a live stream of raw input frames,
 * by open-begin DTW updated at each frame: the cost of a frame grows with the templates' total
 * length, and nothing is allocated per frame.
 */
export class GestureMatcher {
  readonly match: LiveMatch;
  private readonly pipeline: FramePipeline;
  private readonly lattice: Lattice;
  private readonly gate: TriggerGate;
  private readonly perTemplate: Float64Array;
  private readonly followed: Float64Array;
  private readonly prefix = new Float64Array(2);

  constructor(private readonly model: GestureModel) {
    const { options } = model;
    const count = model.names.length;
    this.pipeline = model.pipeline();
    this.lattice = new Lattice(model.bank, { pattern: options.pattern, radius: options.radius ?? Infinity, open: true, lengthNormalisation: options.lengthNormalisation });
    this.gate = new TriggerGate(count, options.hysteresis, options.minTriggerInterval);
    this.perTemplate = new Float64Array(model.owner.length);
    this.followed = new Float64Array(count);
    this.match = {
      updated: false,
      distances: new Float64Array(count).fill(Infinity),
      nearest: -1,
      active: -1,
      fired: -1,
      progress: new Float64Array(count),
      speed: new Float64Array(count),
      following: -1,
    };
  }

  /** Takes one raw input frame at time `now` (ms, any clock that only goes forward). */
  push(raw: ArrayLike<number>, now: number): LiveMatch {
    const { match, model, lattice } = this;
    match.fired = -1;
    match.updated = this.pipeline.next(raw);
    if (!match.updated) return match;
    lattice.advance(this.pipeline.frame);
    lattice.distances(this.perTemplate);
    model.byGesture(this.perTemplate, match.distances);
    match.nearest = nearestOf(match.distances);
    match.fired = this.gate.update(match.distances, model.thresholds, now);
    match.active = this.gate.active;
    this.follow();
    return match;
  }

  /** Forgets the stream (where running starts again). */
  reset(): void {
    this.pipeline.reset();
    this.lattice.reset();
    this.gate.reset();
    const { match } = this;
    match.distances.fill(Infinity);
    match.progress.fill(0);
    match.speed.fill(0);
    match.nearest = match.active = match.fired = match.following = -1;
  }

  private follow(): void {
    const { match, model, lattice, prefix, followed } = this;
    followed.fill(Infinity);
    for (let k = 0; k < this.perTemplate.length; k++) {
      const g = model.owner[k];
      if (!model.enabled[g]) continue;
      const j = lattice.nearestPrefix(k, prefix);
      if (j >= 0 && prefix[0] < followed[g]) {
        followed[g] = prefix[0];
        match.progress[g] = (j + 1) / model.bank.lengths[k];
        match.speed[g] = (j + 1) / prefix[1];
      }
    }
    const nearest = nearestOf(followed);
    match.following = nearest >= 0 && followed[nearest] < model.thresholds[nearest] ? nearest : -1;
  }
}
