import type { ModelDocument } from '../format/model-document.ts';
import { loadModel } from '../learn/trained-model.ts';
import type { FeatureSpec } from '../temporal/features/feature-spec.ts';
import { moveFeatures } from './gesture-output.ts';
import type { Output } from './project.ts';
import { OutputRunner } from './runner.ts';
import type { ModelStatus, ProjectStore, SavedModel } from './store.ts';

interface Slot {
  document: ModelDocument | null;
  status: ModelStatus;
  inputs: readonly number[];
  features: FeatureSpec | null;
  runner: OutputRunner | null;
}

const EMPTY: Slot = { document: null, status: 'untrained', inputs: [], features: null, runner: null };

/**
 * Each output's trained model, its status and the runner that plays it. A model keeps playing
 * after its examples or settings change (marked "needs retraining") until a new one replaces it.
 */
export class ModelSlots {
  private slots: Slot[];
  /** Outputs whose examples or settings changed while their model was training. */
  private readonly changedWhileTraining = new Set<number>();

  constructor(
    outputs: readonly Output[],
    saved: readonly (SavedModel | undefined)[],
    private readonly store: ProjectStore,
    private readonly onStatus: (output: number, status: ModelStatus) => void,
  ) {
    this.slots = outputs.map((output, j) => this.restore(output, saved[j], j));
  }

  private restore(output: Output, saved: SavedModel | undefined, j: number): Slot {
    if (!saved?.document) return { ...EMPTY };
    const model = loadModel(saved.document, `the model of output ${j + 1}`);
    const status = saved.status === 'training' ? 'needs-retraining' : saved.status;
    const features = saved.features ?? null;
    return { document: saved.document, status, inputs: saved.inputs, features, runner: new OutputRunner(output, model, saved.inputs, features) };
  }

  status(output: number): ModelStatus {
    return this.slots[output].status;
  }

  statuses(): ModelStatus[] {
    return this.slots.map((s) => s.status);
  }

  runner(output: number): OutputRunner | null {
    return this.slots[output].runner;
  }

  document(output: number): ModelDocument | null {
    return this.slots[output].document;
  }

  get anyTrained(): boolean {
    return this.slots.some((s) => s.runner !== null);
  }

  setStatus(output: number, status: ModelStatus): void {
    const slot = this.slots[output];
    const changed = slot.status === 'training' && status !== 'training' && this.changedWhileTraining.delete(output);
    if (changed && status === 'trained') status = 'needs-retraining';
    if (slot.status === status) return;
    slot.status = status;
    this.save(output);
    this.onStatus(output, status);
  }

  /** A trained model is out of date: its examples or its settings changed. */
  markStale(output: number): void {
    const { status } = this.slots[output];
    if (status === 'trained') this.setStatus(output, 'needs-retraining');
    if (status === 'training') this.changedWhileTraining.add(output);
  }

  /** A new model for an output, trained on these inputs, or on these features of them. */
  install(output: number, spec: Output, document: ModelDocument, inputs: readonly number[], features: FeatureSpec | null): void {
    const model = loadModel(document, `the new model of '${spec.name}'`);
    const status = this.changedWhileTraining.delete(output) ? 'needs-retraining' : 'trained';
    this.slots[output] = { document, status, inputs, features, runner: new OutputRunner(spec, model, inputs, features) };
    this.save(output);
    this.onStatus(output, status);
  }

  /** Rebuilds runners after an output's settings changed (e.g. hard limits) without retraining. */
  refresh(output: number, spec: Output): void {
    const slot = this.slots[output];
    if (slot.document) slot.runner = new OutputRunner(spec, loadModel(slot.document, spec.name), slot.inputs, slot.features);
  }

  /** Running starts: every model's features start afresh. */
  restart(): void {
    for (const slot of this.slots) slot.runner?.restart();
  }

  /** Input `removed` is gone: models that read it can no longer play; the others read shifted indices. */
  removeInput(removed: number, outputs: readonly Output[]): number[] {
    const lost: number[] = [];
    this.slots.forEach((slot, j) => {
      if (!slot.document) return;
      if (slot.inputs.includes(removed)) {
        this.slots[j] = { ...EMPTY };
        lost.push(j);
        this.save(j);
        this.onStatus(j, 'untrained');
        return;
      }
      slot.inputs = slot.inputs.map((i) => (i > removed ? i - 1 : i));
      if (slot.features) slot.features = moveFeatures(slot.features, keptAfterRemoving(removed, outputs[j].inputs.length));
      this.refresh(j, outputs[j]);
      this.save(j);
    });
    return lost;
  }

  private save(output: number): void {
    const { document, status, inputs, features } = this.slots[output];
    this.store.saveModel(output, { document, status, inputs, features });
  }
}

/** The old input behind each input left after one is removed (see moveFeatures). */
export function keptAfterRemoving(removed: number, inputCount: number): number[] {
  return Array.from({ length: inputCount }, (_, i) => i).filter((i) => i !== removed);
}
