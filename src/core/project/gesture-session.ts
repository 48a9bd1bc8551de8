import { InputError } from '../errors.ts';
import { type FeatureSpec, readFeatureSpec } from '../temporal/features/feature-spec.ts';
import { matchOptions } from '../temporal/match-options.ts';
import { ExampleBook } from './example-book.ts';
import type { Emitter } from './events.ts';
import type { HistoryEntry } from './history.ts';
import { type Gesture, type GestureMatching, type GestureOutput, checkGestureOutput, inputsOf, moveFeatures } from './gesture-output.ts';
import { type GestureFollowing, GestureSlots } from './gesture-slots.ts';
import { type GestureTemplate, templateCounts } from './gesture-template.ts';
import type { ProjectSettings } from './project.ts';
import { type Result, done, refused } from './result.ts';
import type { SessionEvents } from './session-events.ts';
import type { ProjectStore } from './store.ts';

/** Fewest frames a template may have (after down-sampling): fewer cannot tell a gesture's shape. */
const MIN_TEMPLATE_FRAMES = 3;

/** What the gesture commands need from the session they belong to. */
export interface GestureHost {
  readonly events: Emitter<SessionEvents>;
  readonly store: ProjectStore;
  readonly now: () => number;
  settings(): ProjectSettings;
  saveSettings(settings: ProjectSettings): void;
  recordingExamples(): boolean;
  /** Does an undoable step (deleting templates). */
  perform(entry: HistoryEntry): void;
}

/** After a setting changes, the output's model is learned again, updated without learning, or kept as it is. */
type Refresh = 'train' | 'update' | 'keep';

/** What undo and redo do with templates: put them out of use or back, or forget them for good. */
export interface TemplateKeeper {
  setActive(ids: readonly number[], active: boolean): void;
  purge(ids: readonly number[]): void;
}

interface Recording {
  readonly output: number;
  readonly gesture: number;
  readonly values: number[];
  frames: number;
}

/**
 * The gesture outputs of a session: recording templates, matching them while running, and the
 * commands that edit gestures. Output numbers count gesture outputs from 0, gestures from 0.
 * A gesture output learns (thresholds) each time its templates change: there is no training step,
 * as in Wekinator.
 */
export class Gestures implements TemplateKeeper {
  private readonly book: ExampleBook<GestureTemplate>;
  private readonly slots: GestureSlots;
  private take: Recording | null = null;
  private readonly fire = (trigger: SessionEvents['gestureTriggered']) => this.host.events.emit('gestureTriggered', trigger);
  private readonly emitMatch = (event: SessionEvents['gestureMatch']) => this.host.events.emit('gestureMatch', event);

  constructor(
    private readonly host: GestureHost,
    templates: readonly GestureTemplate[] = [],
    inactiveTemplates: readonly number[] = [],
  ) {
    this.book = new ExampleBook(templates, inactiveTemplates);
    this.slots = new GestureSlots(host.settings().gestureOutputs);
    host.settings().gestureOutputs.forEach((spec, j) => {
      try {
        this.refresh(j, spec, 'train');
      } catch (error) {
        // Templates a changed option no longer fits (too short for a new down-sampling): the output waits for new ones.
        if (!(error instanceof InputError)) throw error;
      }
    });
  }

  /** Whether some gesture output has templates to match. */
  get ready(): boolean {
    return this.slots.ready;
  }

  get recording(): boolean {
    return this.take !== null;
  }

  /** The gesture being recorded, or null. */
  get recordingGesture(): { output: number; gesture: number } | null {
    return this.take && { output: this.take.output, gesture: this.take.gesture };
  }

  gestureName(output: number, gesture: number): string {
    return this.outputs()[output].gestures[gesture].name;
  }

  /** Templates per gesture, per gesture output. */
  counts(): number[][] {
    return templateCounts(this.book.active(), this.outputs().map((o) => o.gestures.length));
  }

  templates(): GestureTemplate[] {
    return this.book.active();
  }

  /** The distances each gesture output sends (refilled in place while running). */
  distances(): readonly Float64Array[] {
    return this.slots.distances();
  }

  /** Each gesture output's following: the gesture under way, its progress and speed (refilled in place while running). */
  following(): readonly GestureFollowing[] {
    return this.slots.following();
  }

  // ── recording ──────────────────────────────────────────────────────────────

  /** Starts recording a template of one gesture; the frames that follow are its performance. */
  startRecording(output: number, gesture: number): Result<{ name: string }> {
    const problem = this.checkGesture(output, gesture) ?? (this.host.recordingExamples() ? 'examples are being recorded; stop that recording before recording a gesture' : undefined);
    if (problem) return refused(problem);
    const name = this.gestureName(output, gesture);
    const current = this.take;
    if (current && (current.output !== output || current.gesture !== gesture)) {
      return refused(`'${this.gestureName(current.output, current.gesture)}' is being recorded; stop that recording first`);
    }
    if (!current) {
      this.take = { output, gesture, values: [], frames: 0 };
      this.host.events.emit('gestureRecording', { output, gesture, recording: true });
    }
    return done({ name });
  }

  /** One accepted input frame while a gesture is being recorded. */
  record(frame: ArrayLike<number>): void {
    const recording = this.take!;
    for (let i = 0; i < frame.length; i++) recording.values.push(frame[i]);
    recording.frames++;
  }

  /** Ends the recording: its frames become one template, unless too short. */
  stopRecording(): Result<{ template: GestureTemplate | null }> {
    const recording = this.take;
    if (!recording) return done({ template: null });
    this.take = null;
    const { output, gesture, frames } = recording;
    this.host.events.emit('gestureRecording', { output, gesture, recording: false });
    const spec = this.outputs()[output];
    const least = MIN_TEMPLATE_FRAMES * matchOptions(spec.options).downsample;
    const name = spec.gestures[gesture].name;
    if (frames < least) {
      const got = frames === 0 ? 'no input frame arrived' : `only ${frames} input frame${frames === 1 ? '' : 's'} arrived`;
      return refused(`no template was kept for '${name}': ${got} while recording, and a template needs at least ${least}; send inputs while recording, and perform the whole gesture`);
    }
    const width = this.host.settings().inputs.length;
    const template: GestureTemplate = {
      id: this.book.newId(),
      output,
      gesture,
      round: this.book.highestRound() + 1,
      time: this.host.now(),
      frames: { length: frames, width, values: Float64Array.from(recording.values) },
    };
    this.book.insert(template);
    this.host.store.addTemplate(template);
    this.templatesChanged(`recorded '${name}'`, [output]);
    return done({ template });
  }

  /**
   * The project's inputs changed: every template and gesture output takes the new shape (`keep`:
   * the old input behind each new one, or -1 for a new input, which gesture outputs do not read
   * since their templates have no values for it). A recording under way is dropped.
   */
  reshapeInputs(keep: readonly number[]): readonly GestureOutput[] {
    if (this.take) {
      const { output, gesture } = this.take;
      this.take = null;
      this.host.events.emit('gestureRecording', { output, gesture, recording: false });
    }
    this.book.reshape((t) => {
      const values = new Float64Array(t.frames.length * keep.length);
      for (let i = 0; i < t.frames.length; i++) keep.forEach((old, a) => (values[i * keep.length + a] = old < 0 ? Number.NaN : t.frames.values[i * t.frames.width + old]));
      return { ...t, frames: { length: t.frames.length, width: keep.length, values } };
    });
    this.host.store.replaceTemplates(this.book.all());
    return this.outputs().map((o) => ({ ...o, inputs: keep.map((old) => old >= 0 && o.inputs[old]), features: o.features && moveFeatures(o.features, keep) }));
  }

  /** Learns every gesture output again (after the project's inputs changed). */
  retrain(): void {
    this.templatesChanged('the inputs changed', this.outputs().map((_, j) => j));
  }

  // ── running ────────────────────────────────────────────────────────────────

  startRunning(): void {
    this.slots.reset();
  }

  /** Runs one frame through every gesture output; returns whether any distances changed. */
  run(frame: ArrayLike<number>): boolean {
    return this.slots.run(frame, this.host.now(), this.emitMatch, this.fire);
  }

  /** Running stopped: outputs in "match once" mode match the whole run now. Returns whether any did. */
  stopRunning(): boolean {
    return this.slots.stop(this.emitMatch, this.fire);
  }

  // ── editing ────────────────────────────────────────────────────────────────

  setEnabled(output: number, gesture: number, enabled: boolean): Result {
    return this.changeGesture(output, gesture, { enabled });
  }

  /** A threshold of the user's, or null to use the one learned from the templates. */
  setThreshold(output: number, gesture: number, threshold: number | null): Result {
    return this.changeGesture(output, gesture, { threshold });
  }

  setAddress(output: number, gesture: number, address: string): Result {
    return this.changeGesture(output, gesture, { address });
  }

  renameGestures(output: number, names: readonly string[]): Result {
    const problem = this.checkOutput(output);
    if (problem) return refused(problem);
    const spec = this.outputs()[output];
    if (names.length !== spec.gestures.length) return refused(`'${spec.name}' has ${spec.gestures.length} gestures; give one name for each, not ${names.length}`);
    return this.change(output, { gestures: spec.gestures.map((g, k) => ({ ...g, name: names[k] })) }, 'update');
  }

  /** The threshold learned for each gesture of an output (+Infinity where none could be), or null without templates. */
  learnedThresholds(output: number): number[] | null {
    const model = this.slots.slot(output).model;
    return model && model.state.gestures.map((g) => g.learnedThreshold ?? Infinity);
  }

  setMatching(output: number, matching: GestureMatching): Result {
    return this.change(output, { matching }, 'train');
  }

  /** Changes matcher options (see temporal/match-options.ts); those not given keep their value. */
  setOptions(output: number, options: Readonly<Record<string, unknown>>): Result {
    const spec = this.outputs()[output];
    return this.change(output, { options: { ...spec?.options, ...options } }, 'train');
  }

  /** Turns on or off sending which gesture is under way, how far through and how fast (see followingAddress). */
  setFollowing(output: number, following: boolean): Result {
    // What is sent changes, not what is matched: a performance under way carries on undisturbed.
    return this.change(output, { following }, 'keep');
  }

  /**
   * Sets what the output's matcher computes from the raw inputs (input numbers from 0), or null for
   * the values of its selected inputs. The templates stay raw, so the model learns again from them
   * at once; the output then reads the inputs its features read.
   */
  setFeatures(output: number, features: FeatureSpec | null): Result {
    const count = this.host.settings().inputs.length;
    try {
      const spec = features && readFeatureSpec(features, count);
      return this.change(output, spec ? { features: spec, inputs: inputsOf(spec, count) } : { features: null }, 'train');
    } catch (error) {
      if (error instanceof InputError) return refused(error.message);
      throw error;
    }
  }

  /** Chooses which inputs an output's matcher reads (0-based input indices). */
  selectInputs(output: number, inputs: readonly number[]): Result {
    const spec = this.outputs()[output];
    if (spec?.features) return refused(`'${spec.name}' reads the inputs its features read; change its features, or clear them to choose inputs`);
    const count = this.host.settings().inputs.length;
    const bad = inputs.find((i) => !Number.isInteger(i) || i < 0 || i >= count);
    if (bad !== undefined) return refused(`there is no input ${bad + 1}; the project has ${count} (numbered from 1)`);
    if (inputs.length === 0) return refused('a gesture output needs at least one input');
    return this.change(output, { inputs: this.host.settings().inputs.map((_, i) => inputs.includes(i)) }, 'train');
  }

  /** Deletes the templates of a gesture output, or of one of its gestures. */
  deleteTemplates(output: number, gesture?: number): Result<{ deleted: number }> {
    const problem = gesture === undefined ? this.checkOutput(output) : this.checkGesture(output, gesture);
    if (problem) return refused(problem);
    const ids = this.book.active().filter((t) => t.output === output && (gesture === undefined || t.gesture === gesture)).map((t) => t.id);
    const spec = this.outputs()[output];
    return this.remove(ids, `delete the templates of '${gesture === undefined ? spec.name : spec.gestures[gesture].name}'`);
  }

  deleteAllTemplates(): Result<{ deleted: number }> {
    return this.remove(this.book.active().map((t) => t.id), 'delete every template');
  }

  /** Undoable: the templates stay in the project, out of use, while an undo can bring them back. */
  private remove(ids: number[], label: string): Result<{ deleted: number }> {
    if (ids.length > 0) {
      const outputs = new Set(ids.map((id) => this.book.get(id)!.output));
      this.host.perform({ kind: 'remove-templates', label, ids });
      this.templatesChanged(label, [...outputs]);
    }
    return done({ deleted: ids.length });
  }

  // ── undo and redo (through the session's history) ─────────────────────────

  setActive(ids: readonly number[], active: boolean): void {
    this.book.setActive(ids, active);
    this.host.store.setTemplatesActive(ids, active);
  }

  purge(ids: readonly number[]): void {
    this.book.purge(ids);
    this.host.store.purgeTemplates(ids);
  }

  /** Templates came back or went again (undo, redo): every gesture output learns anew. */
  restored(reason: string): void {
    this.templatesChanged(reason, this.outputs().map((_, j) => j));
  }

  // ── inside ─────────────────────────────────────────────────────────────────

  private outputs(): readonly GestureOutput[] {
    return this.host.settings().gestureOutputs;
  }

  private changeGesture(output: number, gesture: number, change: Partial<Gesture>): Result {
    const problem = this.checkGesture(output, gesture);
    if (problem) return refused(problem);
    const gestures = this.outputs()[output].gestures.map((g, k) => (k === gesture ? { ...g, ...change } : g));
    return this.change(output, { gestures }, 'update');
  }

  /** Saves a changed gesture output, checked, and refreshes its matcher: retrained, or updated without learning. */
  private change(output: number, change: Partial<GestureOutput>, refresh: Refresh): Result {
    const problem = this.checkOutput(output);
    if (problem) return refused(problem);
    const settings = this.host.settings();
    const before = settings.gestureOutputs[output];
    const spec = { ...before, ...change };
    try {
      checkGestureOutput(spec);
      this.refresh(output, spec, refresh);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.refresh(output, before, refresh);
      return refused(error.message);
    }
    this.host.saveSettings({ ...settings, gestureOutputs: settings.gestureOutputs.map((o, j) => (j === output ? spec : o)) });
    return done();
  }

  private refresh(output: number, spec: GestureOutput, how: Refresh): void {
    const slot = this.slots.slot(output);
    if (how === 'train') slot.train(spec, this.book.active().filter((t) => t.output === output), this.host.settings().inputs.length);
    else if (how === 'update') slot.update(spec);
    else slot.keep(spec);
  }

  private templatesChanged(reason: string, outputs: readonly number[]): void {
    const settings = this.host.settings();
    for (const j of outputs) this.refresh(j, settings.gestureOutputs[j], 'train');
    this.host.events.emit('templates', { counts: this.counts(), reason });
  }

  private checkOutput(output: number): string | undefined {
    const count = this.outputs().length;
    if (Number.isInteger(output) && output >= 0 && output < count) return undefined;
    if (count === 0) return 'the project has no gesture output; add one first';
    return `there is no gesture output ${output + 1}; the project has ${count} (numbered from 1)`;
  }

  private checkGesture(output: number, gesture: number): string | undefined {
    const problem = this.checkOutput(output);
    if (problem) return problem;
    const spec = this.outputs()[output];
    if (Number.isInteger(gesture) && gesture >= 0 && gesture < spec.gestures.length) return undefined;
    return `'${spec.name}' has no gesture ${gesture + 1}; it has ${spec.gestures.length} (numbered from 1)`;
  }
}
