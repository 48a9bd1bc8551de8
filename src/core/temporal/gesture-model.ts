import { InputError } from '../errors.ts';
import { type FeatureSpec, rawInputs, readFeatureSpec } from './features/feature-spec.ts';
import { FramePipeline, prepareRecording } from './frame-pipeline.ts';
import { type InputScaling, learnScaling } from './input-scaling.ts';
import type { Lattice } from './lattice.ts';
import { type MatchOptions, matchOptions } from './match-options.ts';
import { type Series, seriesOf, seriesRows } from './series.ts';
import { type TemplateBank, bankOf } from './template-bank.ts';
import { learnThresholds } from './thresholds.ts';
import { distancesTo, wholeSeriesLattice } from './whole-series.ts';

/** A gesture as the user gave it: a name and its templates, as raw input frames. */
export interface GestureDefinition {
  readonly name: string;
  readonly templates: readonly Series[];
  /** A threshold the user chose instead of the learned one; null or absent: learned. */
  readonly threshold?: number | null;
  /** A disabled gesture is never matched (its distance reads +Infinity). */
  readonly enabled?: boolean;
}

export interface GestureTraining {
  readonly inputCount: number;
  readonly gestures: readonly GestureDefinition[];
  readonly options?: Partial<MatchOptions>;
  /** What is computed from the raw inputs; by default the inputs as they are. */
  readonly features?: FeatureSpec;
}

/** Everything a gesture model is, as plain JSON (Infinity is written null). */
export interface GestureModelState {
  readonly inputCount: number;
  readonly options: MatchOptions;
  readonly features: FeatureSpec;
  readonly scaling: InputScaling;
  readonly gestures: readonly {
    readonly name: string;
    readonly enabled: boolean;
    readonly threshold: number | null;
    readonly learnedThreshold: number | null;
    readonly templates: readonly (readonly (readonly number[])[])[];
  }[];
}

/** How a whole series matched: per gesture distances, the nearest gesture, and the match (-1: none under its threshold). */
export interface SeriesMatch {
  readonly distances: Float64Array;
  readonly nearest: number;
  readonly gesture: number;
}

/**
 * Learns a gesture model: the input scaling from the templates' frames, then each gesture's
 * threshold from the distances between its templates (see thresholds.ts).
 */
export function trainGestures(training: GestureTraining): GestureModel {
  const { inputCount, gestures } = training;
  const options = matchOptions(training.options);
  const features = readFeatureSpec(training.features ?? rawInputs(inputCount), inputCount);
  gestures.forEach((gesture) => gesture.templates.forEach((template, t) => checkTemplate(gesture.name, t, template, inputCount, options.downsample)));
  const pipeline = new FramePipeline(features, options.downsample, options.derivatives, undefined);
  const unscaled = gestures.flatMap((g) => g.templates.map((t) => prepareRecording(pipeline, t)));
  const scaling = learnScaling(options.inputNormalisation, unscaled, pipeline.width);
  const state = (learned: Float64Array | undefined): GestureModelState => ({
    inputCount,
    options,
    features,
    scaling,
    gestures: gestures.map((g, i) => ({
      name: g.name,
      enabled: g.enabled ?? true,
      threshold: g.threshold ?? null,
      learnedThreshold: learned && Number.isFinite(learned[i]) ? learned[i] : null,
      templates: g.templates.map(seriesRows),
    })),
  });
  const provisional = new GestureModel(state(undefined));
  const learned = learnThresholds(provisional.templateDistances(), provisional.owner, gestures.length, options.thresholdSpread);
  return new GestureModel(state(learned));
}

function checkTemplate(name: string, index: number, template: Series, inputCount: number, downsample: number): void {
  const which = `template ${index + 1} of gesture '${name}'`;
  if (template.width !== inputCount) {
    throw new InputError(`${which} has ${template.width} inputs per frame but the model has ${inputCount}; record it again with the same inputs`);
  }
  if (template.length < downsample) {
    throw new InputError(`${which} has ${template.length} frames, fewer than the down-sampling factor ${downsample}; record a longer one or lower the factor`);
  }
}

/**
 * A trained gesture model: its templates prepared for matching, its thresholds, and the means to
 * classify a whole series. Made from its JSON state alone, so a restored model is the same model.
 * Live matching is `GestureMatcher`.
 */
export class GestureModel {
  readonly names: readonly string[];
  readonly bank: TemplateBank;
  /** The gesture each template of the bank belongs to. */
  readonly owner: Int32Array;
  /** Per gesture, the threshold in force: the user's, else the learned one. */
  readonly thresholds: Float64Array;
  readonly enabled: boolean[];
  private readonly prepared: readonly Series[];
  private wholeLattice: Lattice | undefined;
  private current: GestureModelState;

  constructor(state: GestureModelState) {
    this.current = state;
    const pipeline = this.pipeline();
    this.names = state.gestures.map((g) => g.name);
    this.enabled = state.gestures.map((g) => g.enabled);
    this.thresholds = Float64Array.from(state.gestures, (g) => g.threshold ?? g.learnedThreshold ?? Infinity);
    this.prepared = state.gestures.flatMap((g) => g.templates.map((rows) => prepareRecording(pipeline, seriesOf(rows))));
    this.owner = Int32Array.from(state.gestures.flatMap((g, i) => g.templates.map(() => i)));
    this.bank = bankOf(this.prepared, pipeline.width);
  }

  get state(): GestureModelState {
    return this.current;
  }

  get options(): MatchOptions {
    return this.current.options;
  }

  /**
   * Turns gesture g on or off, or sets (a number) or clears (null: the learned one) its threshold,
   * without training again; matchers running on this model see the change at their next frame.
   */
  adjust(g: number, change: { readonly enabled?: boolean; readonly threshold?: number | null }): void {
    if (!(g >= 0 && g < this.names.length)) throw new InputError(`there is no gesture ${g + 1}; the model has ${this.names.length}`);
    if (change.threshold != null && !(change.threshold >= 0)) throw new InputError(`a gesture threshold must be a number of at least 0, not ${change.threshold}`);
    const gestures = this.current.gestures.map((gesture, i) => (i === g ? { ...gesture, ...change } : gesture));
    this.current = { ...this.current, gestures };
    this.enabled[g] = gestures[g].enabled;
    this.thresholds[g] = gestures[g].threshold ?? gestures[g].learnedThreshold ?? Infinity;
  }

  /** A fresh pipeline from raw input frames to prepared frames, as the templates went through. */
  pipeline(): FramePipeline {
    const { features, options, scaling } = this.current;
    return new FramePipeline(features, options.downsample, options.derivatives, scaling);
  }

  /** Per gesture, the nearest of its templates' distances (+Infinity without templates or when disabled), into `out`. */
  byGesture(perTemplate: Float64Array, out: Float64Array): void {
    out.fill(Infinity);
    for (let k = 0; k < perTemplate.length; k++) {
      const g = this.owner[k];
      if (this.enabled[g] && perTemplate[k] < out[g]) out[g] = perTemplate[k];
    }
  }

  /** Classifies a whole raw recording by full DTW against every template (offline use, "match once"). */
  classify(raw: Series): SeriesMatch {
    const perTemplate = new Float64Array(this.prepared.length).fill(Infinity);
    const prepared = prepareRecording(this.pipeline(), raw);
    if (prepared.length > 0 && perTemplate.length > 0) distancesTo(this.lattice(), prepared, perTemplate);
    const distances = new Float64Array(this.names.length);
    this.byGesture(perTemplate, distances);
    const nearest = nearestOf(distances);
    return { distances, nearest, gesture: nearest >= 0 && distances[nearest] < this.thresholds[nearest] ? nearest : -1 };
  }

  /** The full DTW distance between every pair of templates, row by row. */
  templateDistances(): Float64Array[] {
    return this.prepared.map((template) => {
      const row = new Float64Array(this.prepared.length);
      distancesTo(this.lattice(), template, row);
      return row;
    });
  }

  private lattice(): Lattice {
    this.wholeLattice ??= wholeSeriesLattice(this.prepared, this.options);
    return this.wholeLattice;
  }
}

/** The index of the smallest finite value, or -1. */
export function nearestOf(values: Float64Array): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) if (values[i] < (best < 0 ? Infinity : values[best])) best = i;
  return best;
}
