import { InputError, TrainingCancelled } from '../errors.ts';
import type { Evaluation } from '../evaluate/cross-validate.ts';
import { countPerOutput, type Example } from './example.ts';
import { ExampleBook } from './example-book.ts';
import { Emitter } from './events.ts';
import { Gestures } from './gesture-session.ts';
import type { GestureTemplate } from './gesture-template.ts';
import { History, type HistoryState } from './history.ts';
import { ModelSlots } from './model-slots.ts';
import type { ProjectSettings } from './project.ts';
import { type Result, done, refused } from './result.ts';
import type { Rejections, SessionEvents, SessionState } from './session-events.ts';
import { NO_STORE, type ProjectStore, type SavedModel } from './store.ts';
import { type CancelToken, type Trainer, inlineTrainer } from './trainer.ts';
import { outputDataset, selectedInputs } from './training-data.ts';

export interface SessionOptions {
  readonly store?: ProjectStore;
  readonly trainer?: Trainer;
  /** Milliseconds since 1970; examples are stamped with it. */
  readonly now?: () => number;
  /** What an opened project already holds. */
  readonly examples?: readonly Example[];
  readonly inactiveExamples?: readonly number[];
  readonly history?: HistoryState;
  readonly models?: readonly (SavedModel | undefined)[];
  readonly templates?: readonly GestureTemplate[];
  readonly inactiveTemplates?: readonly number[];
}

/**
 * The engine's live loop: input frames, recording, running, training and judging models,
 * following Wekinator's rules. `Session` adds the editing commands.
 */
export class SessionCore {
  readonly events: Emitter<SessionEvents>;
  /** The current value of each output: set by the user, or computed while running. */
  readonly values: Float64Array;
  readonly record: boolean[];
  readonly run: boolean[];
  readonly train: boolean[];
  readonly rejections: Rejections = { wrongCount: 0, notANumber: 0 };
  /** The gesture outputs: their templates, matching and commands. */
  readonly gestures: Gestures;

  protected settingsValue: ProjectSettings;
  protected readonly store: ProjectStore;
  protected readonly book: ExampleBook;
  protected readonly history: History;
  protected readonly models: ModelSlots;
  protected readonly now: () => number;
  private readonly trainer: Trainer;
  private stateValue: SessionState = 'idle';
  private round = 0;
  private counts: number[];
  private training: CancelToken | null = null;
  /** Running goes on while models train (as in Wekinator), and resumes as running afterwards. */
  private runningWhileTraining = false;
  /** The event sent for every frame while running, made once: the run path allocates nothing. */
  private readonly computedOutputs: SessionEvents['outputs'];

  constructor(settings: ProjectSettings, options: SessionOptions = {}) {
    this.events = new Emitter((error) => this.events.emit('fault', { error }));
    this.settingsValue = settings;
    this.store = options.store ?? NO_STORE;
    this.now = options.now ?? (() => Date.now());
    this.trainer = options.trainer ?? inlineTrainer(this.now);
    this.book = new ExampleBook(options.examples, options.inactiveExamples);
    this.gestures = new Gestures(
      {
        events: this.events,
        store: this.store,
        now: this.now,
        settings: () => this.settingsValue,
        saveSettings: (s) => this.saveSettings(s),
        recordingExamples: () => this.stateValue === 'recording',
        perform: (entry) => this.history.perform(entry),
      },
      options.templates,
      options.inactiveTemplates,
    );
    this.history = new History(this.book, this.store, this.gestures, options.history);
    this.models = new ModelSlots(settings.outputs, options.models ?? [], this.store, (output, status) =>
      this.events.emit('modelStatus', { output, status }),
    );
    const m = settings.outputs.length;
    this.values = Float64Array.from(settings.outputs, (o) => (o.kind === 'classifier' ? 1 : o.min));
    this.record = new Array<boolean>(m).fill(true);
    this.run = new Array<boolean>(m).fill(true);
    this.train = new Array<boolean>(m).fill(true);
    this.counts = countPerOutput(this.book.active(), m);
    this.computedOutputs = { values: this.values, computed: true, following: this.gestures.following() };
  }

  get settings(): ProjectSettings {
    return this.settingsValue;
  }

  get state(): SessionState {
    return this.stateValue;
  }

  /** Examples per output. */
  exampleCounts(): readonly number[] {
    return this.counts;
  }

  /** The examples in use, oldest first. */
  examples(): Example[] {
    return this.book.active();
  }

  modelStatus(output: number) {
    return this.models.status(output);
  }

  /** The saved form of an output's trained model, or null. */
  modelDocument(output: number) {
    return this.models.document(output);
  }

  // ── input frames ────────────────────────────────────────────────────────────

  /** One frame of input values: recorded as an example, or run through the models, or ignored. */
  input(frame: ArrayLike<number>): void {
    const expected = this.settingsValue.inputs.length;
    if (frame.length !== expected) {
      this.rejections.wrongCount++;
      this.events.emit('rejected', { reason: `expected ${expected} input values, got ${frame.length}`, counts: this.rejections });
      return;
    }
    for (let i = 0; i < expected; i++) {
      if (!Number.isFinite(frame[i])) {
        this.rejections.notANumber++;
        const name = this.settingsValue.inputs[i];
        this.events.emit('rejected', { reason: `input ${i + 1} (${name}) is ${String(frame[i])}, not a number`, counts: this.rejections });
        return;
      }
    }
    if (this.gestures.recording) this.gestures.record(frame);
    else if (this.stateValue === 'recording') this.addExample(frame);
    else if (this.stateValue === 'running' || this.runningWhileTraining) this.runFrame(frame);
  }

  private addExample(frame: ArrayLike<number>): void {
    const outputs = Float64Array.from(this.values, (v, j) => (this.record[j] ? v : Number.NaN));
    const example: Example = { id: this.book.newId(), round: this.round, time: this.now(), inputs: Float64Array.from(frame), outputs };
    this.book.insert(example);
    this.store.addExample(example);
    for (let j = 0; j < outputs.length; j++) {
      if (Number.isNaN(outputs[j])) continue;
      this.counts[j]++;
      this.models.markStale(j);
    }
    this.events.emit('example', { example, counts: this.counts });
  }

  private runFrame(frame: ArrayLike<number>): void {
    const outputs = this.settingsValue.outputs;
    for (let j = 0; j < outputs.length; j++) {
      const runner = this.run[j] ? this.models.runner(j) : null;
      if (!runner) continue;
      this.values[j] = runner.run(frame, this.values[j]);
      const output = outputs[j];
      if (output.kind === 'classifier' && output.probabilities) this.events.emit('probabilities', { output: j, values: runner.probabilities });
    }
    // Gesture distances go out only when they change (not inside a down-sampling block), as in Wekinator.
    const gesturesMatched = this.gestures.run(frame);
    if (outputs.length > 0 || gesturesMatched) this.events.emit('outputs', this.computedOutputs);
  }

  // ── output values and toggles ───────────────────────────────────────────────

  /** Sets every output's value for the next examples (Wekinator's `/wekinator/control/outputs`). */
  setOutputValues(values: ArrayLike<number>): Result {
    const outputs = this.settingsValue.outputs;
    if (values.length !== outputs.length) return refused(`expected ${outputs.length} output values, got ${values.length}`);
    for (let j = 0; j < outputs.length; j++) {
      const problem = this.checkValue(j, values[j]);
      if (problem) return refused(problem);
    }
    this.values.set(Array.from(values));
    this.events.emit('outputs', { values: this.values, computed: false, following: this.gestures.following() });
    return done();
  }

  setOutputValue(output: number, value: number): Result {
    const problem = this.checkOutput(output) ?? this.checkValue(output, value);
    if (problem) return refused(problem);
    this.values[output] = value;
    this.events.emit('outputs', { values: this.values, computed: false, following: this.gestures.following() });
    return done();
  }

  private checkValue(j: number, value: number): string | undefined {
    const output = this.settingsValue.outputs[j];
    if (!Number.isFinite(value)) return `the value for '${output.name}' is ${String(value)}, not a number`;
    if (output.kind === 'classifier' && !(Number.isInteger(value) && value >= 1 && value <= output.classes)) {
      return `'${output.name}' takes a class from 1 to ${output.classes}, not ${value}`;
    }
    return undefined;
  }

  protected checkOutput(output: number): string | undefined {
    const count = this.settingsValue.outputs.length;
    if (Number.isInteger(output) && output >= 0 && output < count) return undefined;
    return `there is no output ${output + 1}; the project has ${count} (numbered from 1)`;
  }

  /** Turns recording, running or training on or off for some outputs (0-based indices). */
  setToggle(which: 'record' | 'run' | 'train', outputs: readonly number[], on: boolean): Result {
    for (const j of outputs) {
      const problem = this.checkOutput(j);
      if (problem) return refused(problem);
    }
    for (const j of outputs) this[which][j] = on;
    this.events.emit('toggles', { record: this.record, run: this.run, train: this.train });
    return done();
  }

  // ── recording and running ───────────────────────────────────────────────────

  /** Starts a new recording round. Recording takes precedence: it stops running. */
  startRecording(): Result<{ round: number }> {
    if (this.stateValue === 'training') return refused('training is under way; wait for it or cancel it, then record');
    if (this.stateValue === 'recording') return done({ round: this.round });
    if (this.gestures.recording) return refused('a gesture is being recorded; stop that recording before recording examples');
    if (this.settingsValue.outputs.length === 0) return refused('this project has only gesture outputs: record gestures (startDtwRecording) instead of examples');
    this.round = Math.max(this.round, this.book.highestRound()) + 1;
    this.setState('recording');
    return done({ round: this.round });
  }

  stopRecording(): Result {
    if (this.stateValue === 'recording') this.setState('idle');
    return done();
  }

  /** Starts running the trained models on every input frame. */
  startRunning(): Result {
    if (this.stateValue === 'recording') return refused('recording is on; stop recording before running');
    if (!this.models.anyTrained && !this.gestures.ready) {
      const gestures = this.settingsValue.gestureOutputs.length > 0 ? ', or record gesture templates' : '';
      return refused(`no model is trained yet; record examples and train first${gestures}`);
    }
    if (!this.playing) {
      this.models.restart();
      this.gestures.startRunning();
    }
    if (this.stateValue === 'training') this.runningWhileTraining = true;
    else this.setState('running');
    return done();
  }

  stopRunning(): Result {
    const wasPlaying = this.playing;
    this.runningWhileTraining = false;
    if (this.stateValue === 'running') this.setState('idle');
    // Gesture outputs in "match once" mode match the whole run now, and send their distances.
    if (wasPlaying && this.gestures.stopRunning()) this.events.emit('outputs', this.computedOutputs);
    return done();
  }

  /** Whether input frames are being run through the models (while training too, if it was running). */
  get playing(): boolean {
    return this.stateValue === 'running' || this.runningWhileTraining;
  }

  protected setState(state: SessionState): void {
    const previous = this.stateValue;
    if (previous === state) return;
    this.stateValue = state;
    this.events.emit('state', { state, previous });
  }

  // ── training and evaluation ─────────────────────────────────────────────────

  /**
   * Trains every output whose train toggle is on and that has examples, one after another, away
   * from the input path. If the session was running, it keeps running: each model plays until its
   * replacement is ready, and the session is running again afterwards.
   */
  async trainModels(): Promise<Result<{ trained: number[]; failed: { output: number; reason: string }[] }>> {
    if (this.stateValue === 'training') return refused('training is already under way');
    if (this.stateValue === 'recording') return refused('recording is on; stop recording before training');
    const targets = this.settingsValue.outputs.map((_, j) => j).filter((j) => this.train[j] && this.counts[j] > 0);
    if (targets.length === 0) return refused('no output that is set to train has examples; record some first');
    this.runningWhileTraining = this.stateValue === 'running';
    const token: CancelToken = { cancelled: false };
    this.training = token;
    this.setState('training');
    const trained: number[] = [];
    const failed: { output: number; reason: string }[] = [];
    const examples = this.book.active();
    for (const j of targets) {
      if (token.cancelled) break;
      const before = this.models.status(j);
      const spec = this.settingsValue.outputs[j];
      const inputs = selectedInputs(spec);
      this.models.setStatus(j, 'training');
      try {
        const job = { dataset: outputDataset(this.settingsValue, j, examples), model: spec.model, params: spec.params };
        const document = await this.trainer.train(job, (fraction) => this.events.emit('trainingProgress', { output: j, fraction }), token);
        this.models.install(j, spec, document, inputs, spec.features ?? null);
        trained.push(j);
      } catch (error) {
        this.models.setStatus(j, before);
        if (error instanceof TrainingCancelled) break;
        if (!(error instanceof InputError)) throw error;
        failed.push({ output: j, reason: `${spec.name}: ${error.message}` });
      }
    }
    this.training = null;
    const resume = this.runningWhileTraining && (this.models.anyTrained || this.gestures.ready);
    this.runningWhileTraining = false;
    this.setState(resume ? 'running' : 'idle');
    this.events.emit('trained', { trained, failed, cancelled: token.cancelled });
    if (token.cancelled) return refused('training was cancelled; the previous models are kept');
    if (trained.length === 0 && failed.length > 0) return refused(failed.map((f) => f.reason).join('; '));
    return done({ trained, failed });
  }

  /** Stops a training run; outputs not yet trained keep their previous models. */
  cancelTraining(): Result {
    if (!this.training) return refused('nothing is training');
    this.training.cancelled = true;
    return done();
  }

  /** Judges one output's model: k-fold cross-validation, or accuracy on its own examples (folds = 0). */
  async evaluateOutput(output: number, folds = 10, seed = 1): Promise<Result<Evaluation>> {
    const problem = this.checkOutput(output);
    if (problem) return refused(problem);
    const spec = this.settingsValue.outputs[output];
    const count = this.counts[output];
    if (count === 0) return refused(`'${spec.name}' has no examples to judge a model on`);
    if (folds > count) return refused(`'${spec.name}' has ${count} examples, too few for ${folds} folds`);
    const dataset = outputDataset(this.settingsValue, output, this.book.active());
    try {
      const evaluation = await this.trainer.evaluate({ dataset, model: spec.model, params: spec.params, folds, seed }, () => {}, { cancelled: false });
      this.events.emit('evaluated', { output, evaluation });
      return done(evaluation);
    } catch (error) {
      if (error instanceof InputError) return refused(`${spec.name}: ${error.message}`);
      throw error;
    }
  }

  protected saveSettings(settings: ProjectSettings, warning?: string): void {
    this.settingsValue = settings;
    this.store.saveSettings(settings);
    this.events.emit('project', warning === undefined ? { settings } : { settings, warning });
  }

  protected examplesChanged(reason: string, outputs: readonly number[]): void {
    this.counts = countPerOutput(this.book.active(), this.settingsValue.outputs.length);
    for (const j of outputs) this.models.markStale(j);
    this.events.emit('examples', { counts: this.counts, reason });
  }
}
