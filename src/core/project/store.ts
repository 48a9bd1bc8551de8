import type { ModelDocument } from '../format/model-document.ts';
import type { Example } from './example.ts';
import type { GestureTemplate } from './gesture-template.ts';
import type { FeatureSpec } from '../temporal/features/feature-spec.ts';
import type { HistoryState } from './history.ts';
import type { ProjectSettings } from './project.ts';

/** Where a trained model stands. */
export type ModelStatus = 'untrained' | 'training' | 'trained' | 'needs-retraining';

/** What is saved for each output's model. */
export interface SavedModel {
  readonly document: ModelDocument | null;
  readonly status: ModelStatus;
  /** The project inputs (indices) the model was trained on, in order. */
  readonly inputs: readonly number[];
  /** The features it was trained on and plays on, if any (inputs are then those they read). */
  readonly features?: FeatureSpec | null;
}

/**
 * Where a session writes every change as it happens, so nothing a user gave is lost. The
 * session keeps the truth in memory; a store mirrors it (a SQLite file in Node, nothing in a
 * test). A store may buffer examples briefly, but must keep them in order.
 */
export interface ProjectStore {
  saveSettings(settings: ProjectSettings): void;
  addExample(example: Example): void;
  /** Examples that stay in the file but are out of use (deleted, and kept for undo), or back in use. */
  setActive(ids: readonly number[], active: boolean): void;
  /** Changes the value of one output on several examples (deleting one output's examples, and undoing it). */
  setOutputValues(output: number, changes: readonly (readonly [id: number, value: number])[]): void;
  /** Forgets examples for good (nothing can undo their deletion any more). */
  purge(ids: readonly number[]): void;
  /** Rewrites every example after inputs or outputs were added or removed. */
  replaceExamples(examples: readonly Example[]): void;
  saveHistory(history: HistoryState): void;
  saveModel(output: number, model: SavedModel): void;
  /** A gesture recording just became a template; written at once (it is one write per performance). */
  addTemplate(template: GestureTemplate): void;
  /** Templates that stay in the file but are out of use (deleted, and kept for undo), or back in use. */
  setTemplatesActive(ids: readonly number[], active: boolean): void;
  /** Forgets templates for good. */
  purgeTemplates(ids: readonly number[]): void;
  /** Rewrites every template's frames after inputs were added or removed. */
  replaceTemplates(templates: readonly GestureTemplate[]): void;
}

/** A store that keeps nothing: for sessions that live in memory only. */
export const NO_STORE: ProjectStore = {
  saveSettings() {},
  addExample() {},
  setActive() {},
  setOutputValues() {},
  purge() {},
  replaceExamples() {},
  saveHistory() {},
  saveModel() {},
  addTemplate() {},
  setTemplatesActive() {},
  purgeTemplates() {},
  replaceTemplates() {},
};
