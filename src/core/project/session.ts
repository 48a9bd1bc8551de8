import { findAlgorithm } from '../learn/algorithms.ts';
import { paramsFor } from '../learn/trained-model.ts';
import { InputError } from '../errors.ts';
import type { ModelDocument } from '../format/model-document.ts';
import type { Example } from './example.ts';
import type { HistoryEntry } from './history.ts';
import type { ReadExample } from './examples-import.ts';
import { type Output, checkNames, checkOsc, type OscSettings } from './project.ts';
import { type Result, done, refused } from './result.ts';
import { SessionCore } from './session-core.ts';
import { selectedInputs } from './training-data.ts';
import { modelMisfit } from './model-fit.ts';
import { keptAfterRemoving } from './model-slots.ts';
import { inputsOf, moveFeatures } from './gesture-output.ts';
import { type FeatureSpec, readFeatureSpec } from '../temporal/features/feature-spec.ts';

export type { SessionOptions } from './session-core.ts';

/**
 * The engine every face drives: it records examples, trains each output's model and runs them,
 * following Wekinator's rules. Each command is one method with a typed result; every change is
 * announced on `events`. Output and input numbers are 0-based here; faces that speak Wekinator's
 * 1-based numbering convert at their edge.
 */
export class Session extends SessionCore {
  // ── examples from elsewhere ─────────────────────────────────────────────────

  /**
   * Adds examples read from a file as one new recording round, with new IDs; those without a
   * time (NaN) get the current time. Trained models of the outputs they touch become stale.
   */
  addExamples(examples: readonly ReadExample[]): Result<{ round: number; added: number }> {
    const problem = this.notWhileRecording();
    if (problem) return refused(problem);
    const { inputs, outputs } = this.settingsValue;
    const bad = examples.findIndex((e) => e.inputs.length !== inputs.length || e.outputs.length !== outputs.length);
    if (bad >= 0) return refused(`example ${bad + 1} has ${examples[bad].inputs.length} inputs and ${examples[bad].outputs.length} outputs; the project has ${inputs.length} and ${outputs.length}`);
    const round = this.book.highestRound() + 1;
    const now = this.now();
    for (const e of examples) {
      const example: Example = { id: this.book.newId(), round, time: Number.isNaN(e.time) ? now : e.time, inputs: e.inputs, outputs: e.outputs };
      this.book.insert(example);
      this.store.addExample(example);
    }
    const touched = outputs.map((_, j) => j).filter((j) => examples.some((e) => !Number.isNaN(e.outputs[j])));
    this.examplesChanged('added', touched);
    return done({ round, added: examples.length });
  }

  // ── deleting, undo and redo ─────────────────────────────────────────────────

  deleteAllExamples(): Result<{ deleted: number }> {
    const ids = this.book.active().map((e) => e.id);
    return this.remove(ids, 'delete all examples', this.settingsValue.outputs.map((_, j) => j));
  }

  /** Deletes the most recent recording round that still has examples (undoable). */
  deleteLastRound(): Result<{ deleted: number }> {
    const round = this.book.lastRound();
    if (round === 0) return refused('there are no examples to delete');
    const ids = this.book.active().filter((e) => e.round === round).map((e) => e.id);
    return this.remove(ids, `delete recording round ${round}`, this.settingsValue.outputs.map((_, j) => j));
  }

  /** Clears one output's values from every example; the examples stay for the other outputs. */
  deleteExamplesOfOutput(output: number): Result<{ deleted: number }> {
    const problem = this.checkOutput(output) ?? this.notWhileRecording();
    if (problem) return refused(problem);
    const changes = this.book
      .active()
      .filter((e) => !Number.isNaN(e.outputs[output]))
      .map((e) => [e.id, e.outputs[output]] as const);
    if (changes.length > 0) {
      this.history.perform({ kind: 'clear-output', label: `delete the examples of '${this.settingsValue.outputs[output].name}'`, output, changes });
      this.examplesChanged('deleted', [output]);
    }
    return done({ deleted: changes.length });
  }

  undo(): Result<{ undone: string }> {
    const problem = this.notWhileRecording();
    if (problem) return refused(problem);
    const entry = this.history.undo();
    if (!entry) return refused('there is nothing to undo');
    this.afterHistory(`undo: ${entry.label}`, entry);
    return done({ undone: entry.label });
  }

  redo(): Result<{ redone: string }> {
    const problem = this.notWhileRecording();
    if (problem) return refused(problem);
    const entry = this.history.redo();
    if (!entry) return refused('there is nothing to redo');
    this.afterHistory(`redo: ${entry.label}`, entry);
    return done({ redone: entry.label });
  }

  /** Announces what an undo or redo changed. */
  private afterHistory(reason: string, entry: HistoryEntry): void {
    if (entry.kind === 'remove-templates') this.gestures.restored(reason);
    else this.examplesChanged(reason, entry.kind === 'clear-output' ? [entry.output] : this.allOutputs());
  }

  /** What undo and redo would do next. */
  undoable(): { undo?: string; redo?: string } {
    return this.history.next();
  }

  private remove(ids: number[], label: string, outputs: number[]): Result<{ deleted: number }> {
    const problem = this.notWhileRecording();
    if (problem) return refused(problem);
    if (ids.length > 0) {
      this.history.perform({ kind: 'remove', label, ids });
      this.examplesChanged('deleted', outputs);
    }
    return done({ deleted: ids.length });
  }

  private notWhileRecording(): string | undefined {
    return this.state === 'recording' ? 'recording is on; stop recording first' : undefined;
  }

  private allOutputs(): number[] {
    return this.settingsValue.outputs.map((_, j) => j);
  }

  // ── models ─────────────────────────────────────────────────────────────────

  /** Chooses which inputs an output's model reads (0-based input indices). */
  selectInputs(output: number, inputs: readonly number[]): Result {
    const problem = this.checkOutput(output);
    if (problem) return refused(problem);
    const spec = this.settingsValue.outputs[output];
    if (spec.features) return refused(`'${spec.name}' reads the inputs its features read; change its features, or clear them to choose inputs`);
    const count = this.settingsValue.inputs.length;
    const bad = inputs.find((i) => !Number.isInteger(i) || i < 0 || i >= count);
    if (bad !== undefined) return refused(`there is no input ${bad + 1}; the project has ${count} (numbered from 1)`);
    if (inputs.length === 0) return refused('a model needs at least one input');
    const flags = this.settingsValue.inputs.map((_, i) => inputs.includes(i));
    this.updateOutput(output, { inputs: flags });
    this.models.markStale(output);
    return done();
  }

  /** Changes an output's algorithm and its parameters (checked now, so training cannot fail on them). */
  setModel(output: number, model: string, params: Readonly<Record<string, unknown>> = {}): Result {
    const problem = this.checkOutput(output);
    if (problem) return refused(problem);
    const spec = this.settingsValue.outputs[output];
    try {
      const algorithm = findAlgorithm(model);
      const task = spec.kind === 'classifier' ? 'classification' : 'regression';
      if (!algorithm.tasks.includes(task)) return refused(`${model} cannot do ${task}, which '${spec.name}' needs`);
      const resolved = paramsFor(algorithm, params);
      const given = Object.fromEntries(Object.keys(params).map((k) => [k, resolved[k]]));
      this.updateOutput(output, { model, params: given });
    } catch (error) {
      if (error instanceof InputError) return refused(error.message);
      throw error;
    }
    this.models.markStale(output);
    return done();
  }

  /**
   * Puts a saved model (a model file's document) into an output, as if it had just been trained:
   * the output's algorithm and parameters become the model's, and it reads the inputs selected
   * for the output now. Refused if the model does not fit the output.
   */
  loadModel(output: number, document: ModelDocument): Result {
    const problem = this.checkOutput(output) ?? (this.state === 'training' ? 'training is under way; load a model when it is done' : undefined);
    if (problem) return refused(problem);
    const spec = this.settingsValue.outputs[output];
    const misfit = modelMisfit(spec, document);
    if (misfit) return refused(`this model cannot play '${spec.name}': ${misfit}`);
    try {
      this.models.install(output, { ...spec, model: document.algorithm, params: document.params }, document, selectedInputs(spec), spec.features ?? null);
    } catch (error) {
      if (error instanceof InputError) return refused(error.message);
      throw error;
    }
    this.updateOutput(output, { model: document.algorithm, params: document.params });
    return done();
  }

  /**
   * Sets what an output's model learns from and plays on (null: its inputs as they are). The
   * examples stay raw, so this needs no recording again, only training; until then the model it
   * has keeps playing on the features it was trained with.
   */
  setFeatures(output: number, features: FeatureSpec | null): Result {
    const problem = this.checkOutput(output);
    if (problem) return refused(problem);
    const count = this.settingsValue.inputs.length;
    const result = this.checked(() => {
      const spec = features && readFeatureSpec(features, count);
      this.updateOutput(output, spec ? { features: spec, inputs: inputsOf(spec, count) } : { features: null });
    });
    if (result.ok) this.models.markStale(output);
    return result;
  }

  /** Changes how an output's values are shaped (range, limits, whole numbers, probabilities); no retraining needed. */
  setOutputOptions(output: number, options: Partial<Pick<Output & { kind: 'continuous' }, 'min' | 'max' | 'integer' | 'hardLimits'>> & { probabilities?: boolean }): Result {
    const problem = this.checkOutput(output);
    if (problem) return refused(problem);
    const spec = this.settingsValue.outputs[output];
    if (spec.kind === 'classifier') {
      this.updateOutput(output, { probabilities: options.probabilities ?? spec.probabilities });
    } else {
      const min = options.min ?? spec.min;
      const max = options.max ?? spec.max;
      if (!(min < max)) return refused(`the minimum of '${spec.name}' must be below its maximum, not ${min}..${max}`);
      this.updateOutput(output, { min, max, integer: options.integer ?? spec.integer, hardLimits: options.hardLimits ?? spec.hardLimits });
    }
    this.models.refresh(output, this.settingsValue.outputs[output]);
    return done();
  }

  private updateOutput(output: number, change: Partial<Output>): void {
    const outputs = this.settingsValue.outputs.map((o, j) => (j === output ? ({ ...o, ...change } as Output) : o));
    this.saveSettings({ ...this.settingsValue, outputs });
  }

  // ── inputs, names and OSC ───────────────────────────────────────────────────

  renameInputs(names: readonly string[]): Result {
    const count = this.settingsValue.inputs.length;
    if (names.length !== count) return refused(`expected ${count} input names, got ${names.length}`);
    return this.checked(() => {
      checkNames('input', names);
      this.saveSettings({ ...this.settingsValue, inputs: [...names] });
    });
  }

  /** Names every output, gesture outputs last (as in the outputs message). */
  renameOutputs(names: readonly string[]): Result {
    const { outputs, gestureOutputs } = this.settingsValue;
    const count = outputs.length + gestureOutputs.length;
    if (names.length !== count) return refused(`expected ${count} output names, got ${names.length}`);
    return this.checked(() => {
      checkNames('output', names);
      const named = <T extends { name: string }>(o: T, j: number): T => ({ ...o, name: names[j] });
      this.saveSettings({ ...this.settingsValue, outputs: outputs.map(named), gestureOutputs: gestureOutputs.map((o, g) => named(o, outputs.length + g)) });
    });
  }

  /** Adds an input at the end; existing examples get a missing value for it (filled with the mean when training). */
  addInput(name = `inputs-${this.settingsValue.inputs.length + 1}`): Result<{ input: number }> {
    const problem = this.notWhileRecording();
    if (problem) return refused(problem);
    const inputs = [...this.settingsValue.inputs, name];
    const result = this.checked(() => checkNames('input', inputs));
    if (!result.ok) return result;
    const examples = this.book.active().length;
    this.book.reshape((e) => ({ ...e, inputs: Float64Array.from([...e.inputs, Number.NaN]) }));
    this.store.replaceExamples(this.book.all());
    // Features read the inputs they name, never a new one.
    const outputs = this.settingsValue.outputs.map((o) => ({ ...o, inputs: [...o.inputs, !o.features] }));
    const gestureOutputs = this.gestures.reshapeInputs(inputs.map((_, i) => (i < inputs.length - 1 ? i : -1)));
    const warning = examples > 0 ? `${examples} existing examples have no value for '${name}'; retrain to use it` : undefined;
    this.saveSettings({ ...this.settingsValue, inputs, outputs, gestureOutputs }, warning);
    this.gestures.retrain();
    this.allOutputs().forEach((j) => this.models.markStale(j));
    return done({ input: inputs.length - 1 }, warning);
  }

  /** Removes an input and its values from every example; models that read it must be retrained. */
  removeInput(input: number): Result {
    const problem = this.notWhileRecording() ?? this.notWhileTraining();
    if (problem) return refused(problem);
    const { inputs, outputs, gestureOutputs } = this.settingsValue;
    if (!(Number.isInteger(input) && input >= 0 && input < inputs.length)) return refused(`there is no input ${input + 1}`);
    if (inputs.length === 1) return refused('a project needs at least one input');
    const orphan = [...outputs, ...gestureOutputs].find((o) => o.inputs.every((on, i) => i === input || !on));
    if (orphan) return refused(`'${orphan.name}' reads only '${inputs[input]}'; select other inputs for it first`);
    const drop = (values: Float64Array) => Float64Array.from([...values.subarray(0, input), ...values.subarray(input + 1)]);
    this.book.reshape((e): Example => ({ ...e, inputs: drop(e.inputs) }));
    this.history.clear();
    this.store.replaceExamples(this.book.all());
    const lost = this.models.removeInput(input, outputs);
    const names = lost.map((j) => `'${outputs[j].name}'`);
    const warning = `'${inputs[input]}' and its values are gone from ${this.book.active().length} examples` + (names.length ? `; retrain ${names.join(', ')}` : '');
    const kept = keptAfterRemoving(input, inputs.length);
    const reshaped = outputs.map((o) => ({ ...o, inputs: o.inputs.filter((_, i) => i !== input), ...(o.features ? { features: moveFeatures(o.features, kept) } : {}) }));
    this.saveSettings({ ...this.settingsValue, inputs: kept.map((i) => inputs[i]), outputs: reshaped, gestureOutputs: this.gestures.reshapeInputs(kept) }, warning);
    this.gestures.retrain();
    return done(undefined, warning);
  }

  setOsc(change: Partial<OscSettings>): Result {
    return this.checked(() => this.saveSettings({ ...this.settingsValue, osc: checkOsc({ ...this.settingsValue.osc, ...change }) }));
  }

  private notWhileTraining(): string | undefined {
    return this.state === 'training' ? 'training is under way; wait for it or cancel it first' : undefined;
  }

  private checked(change: () => void): Result {
    try {
      change();
      return done();
    } catch (error) {
      if (error instanceof InputError) return refused(error.message);
      throw error;
    }
  }
}
