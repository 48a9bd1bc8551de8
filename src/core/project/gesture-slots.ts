import type { FeatureSpec } from '../temporal/features/feature-spec.ts';
import { GestureMatcher, type LiveMatch } from '../temporal/gesture-matcher.ts';
import { GestureModel, trainGestures } from '../temporal/gesture-model.ts';
import { MatchOnce } from '../temporal/match-once.ts';
import type { GestureOutput } from './gesture-output.ts';
import type { GestureTemplate } from './gesture-template.ts';

/** What a gesture output said after a frame, or after a run matched once. */
export interface GestureMatchEvent {
  readonly output: number;
  readonly match: LiveMatch;
}

/** Following, for one gesture output: refilled in place on every matched frame while running. */
export interface GestureFollowing {
  /** The gesture under way (from 0), or -1 when none is. */
  gesture: number;
  /** How far through it the performance is, 0..1 (0 when none). */
  progress: number;
  /** Its pace against its nearest template: template frames per input frame, 2 for twice as fast (0 when none). */
  speed: number;
}

export interface GestureTrigger {
  readonly output: number;
  readonly gesture: number;
  readonly name: string;
  readonly address: string;
}

/**
 * One gesture output's model, trained from its templates whenever they change, and the matcher
 * that plays it. Without templates there is no model, and every distance reads +Infinity.
 */
class GestureSlot {
  model: GestureModel | null = null;
  /** The distances sent for this output: the latest match, or +Infinity. */
  readonly distances: Float64Array;
  readonly following: GestureFollowing = { gesture: -1, progress: 0, speed: 0 };
  private matcher: GestureMatcher | null = null;
  private once: MatchOnce | null = null;
  private readonly event: { output: number; match: LiveMatch };

  constructor(
    readonly output: number,
    private spec: GestureOutput,
  ) {
    this.distances = new Float64Array(spec.gestures.length).fill(Infinity);
    this.event = { output, match: this.idleMatch() };
  }

  /** Trains a new model on these templates (all the project's inputs per frame). */
  train(spec: GestureOutput, templates: readonly GestureTemplate[], inputCount: number): void {
    this.spec = spec;
    this.install(
      templates.length === 0
        ? null
        : trainGestures({
            inputCount,
            options: spec.options,
            features: spec.features ?? selectedValues(spec),
            gestures: spec.gestures.map((g, k) => ({
              name: g.name,
              enabled: g.enabled,
              threshold: g.threshold,
              templates: templates.filter((t) => t.gesture === k).map((t) => t.frames),
            })),
          }),
    );
  }

  /** Names, thresholds or enabled gestures changed: the same templates, so nothing is learned again. */
  update(spec: GestureOutput): void {
    this.spec = spec;
    const model = this.model;
    if (!model) return;
    const gestures = model.state.gestures.map((g, k) => ({ ...g, name: spec.gestures[k].name, enabled: spec.gestures[k].enabled, threshold: spec.gestures[k].threshold }));
    this.install(new GestureModel({ ...model.state, gestures }));
  }

  /** A setting changed that neither the model nor the matcher reads (following): the stream goes on. */
  keep(spec: GestureOutput): void {
    this.spec = spec;
  }

  /** Forgets the stream: running starts afresh. */
  reset(): void {
    this.matcher?.reset();
    if (this.once && this.model) this.once = new MatchOnce(this.model);
    this.distances.fill(Infinity);
    this.follow(null);
  }

  /** Takes a frame while running; returns the gesture that fires now, or -1, and whether the distances changed. */
  run(frame: ArrayLike<number>, now: number, emit: (event: GestureMatchEvent) => void): { fired: number; updated: boolean } {
    if (this.once) {
      this.once.push(frame);
      return NOTHING;
    }
    if (!this.matcher) return NOTHING;
    const match = this.matcher.push(frame, now);
    if (!match.updated) return NOTHING;
    this.distances.set(match.distances);
    this.follow(match);
    emit(this.event);
    return match.fired < 0 ? UPDATED : { fired: match.fired, updated: true };
  }

  /** In "match once" mode, matches the whole run; returns the gesture matched, or -1 (null: not in that mode, or nothing played). */
  stop(emit: (event: GestureMatchEvent) => void): number | null {
    const result = this.once?.stop();
    if (!result) return null;
    this.distances.set(result.distances);
    const match = this.idleMatch();
    match.distances.set(result.distances);
    match.nearest = result.nearest;
    match.active = match.fired = result.gesture;
    emit({ output: this.output, match });
    return result.gesture;
  }

  trigger(gesture: number): GestureTrigger {
    const { name, address } = this.spec.gestures[gesture];
    return { output: this.output, gesture, name, address };
  }

  private install(model: GestureModel | null): void {
    this.model = model;
    this.matcher = model && this.spec.matching === 'continuous' ? new GestureMatcher(model) : null;
    this.once = model && this.spec.matching === 'once' ? new MatchOnce(model) : null;
    this.event.match = this.matcher?.match ?? this.idleMatch();
    this.distances.fill(Infinity);
    this.follow(null);
  }

  /** Copies the gesture under way in this match (none without a match). */
  private follow(match: LiveMatch | null): void {
    const { following } = this;
    // Each value is stored as it is read: a number chosen between a constant and a computed one may be boxed, allocating per frame.
    if (!match || match.following < 0) {
      following.gesture = -1;
      following.progress = 0;
      following.speed = 0;
      return;
    }
    following.gesture = match.following;
    following.progress = match.progress[match.following];
    following.speed = match.speed[match.following];
  }

  private idleMatch(): LiveMatch {
    const count = this.spec.gestures.length;
    const zeros = () => new Float64Array(count);
    return { updated: true, distances: zeros().fill(Infinity), nearest: -1, active: -1, fired: -1, progress: zeros(), speed: zeros(), following: -1 };
  }
}

const NOTHING = { fired: -1, updated: false } as const;
const UPDATED = { fired: -1, updated: true } as const;

/** The gesture features of an output: the values of the inputs it reads. */
function selectedValues(spec: GestureOutput): FeatureSpec {
  return { rate: 100, features: spec.inputs.flatMap((on, input) => (on ? [{ input, kind: 'value' as const }] : [])) };
}

/** Every gesture output's slot; runs them on each frame while the session is running. */
export class GestureSlots {
  private readonly slots: GestureSlot[];
  private readonly distanceArrays: readonly Float64Array[];
  private readonly followings: readonly GestureFollowing[];

  constructor(outputs: readonly GestureOutput[]) {
    this.slots = outputs.map((spec, j) => new GestureSlot(j, spec));
    this.distanceArrays = this.slots.map((s) => s.distances);
    this.followings = this.slots.map((s) => s.following);
  }

  get ready(): boolean {
    return this.slots.some((s) => s.model !== null);
  }

  slot(output: number): GestureSlot {
    return this.slots[output];
  }

  /** The distances each gesture output sends, one array per output, refilled in place. */
  distances(): readonly Float64Array[] {
    return this.distanceArrays;
  }

  /** Each gesture output's following, one object per output, refilled in place. */
  following(): readonly GestureFollowing[] {
    return this.followings;
  }

  reset(): void {
    for (const slot of this.slots) slot.reset();
  }

  /** Runs a frame through every gesture output; returns whether any distances changed. */
  run(frame: ArrayLike<number>, now: number, emit: (event: GestureMatchEvent) => void, fire: (trigger: GestureTrigger) => void): boolean {
    let updated = false;
    for (const slot of this.slots) {
      const result = slot.run(frame, now, emit);
      if (result.fired >= 0) fire(slot.trigger(result.fired));
      updated ||= result.updated;
    }
    return updated;
  }

  /** Matches the runs of "match once" outputs; returns whether any did. */
  stop(emit: (event: GestureMatchEvent) => void, fire: (trigger: GestureTrigger) => void): boolean {
    let matched = false;
    for (const slot of this.slots) {
      const gesture = slot.stop(emit);
      if (gesture === null) continue;
      matched = true;
      if (gesture >= 0) fire(slot.trigger(gesture));
    }
    return matched;
  }
}
