import type { Evaluation } from '../evaluate/cross-validate.ts';
import type { Example } from './example.ts';
import type { GestureFollowing, GestureMatchEvent, GestureTrigger } from './gesture-slots.ts';
import type { ProjectSettings } from './project.ts';
import type { ModelStatus } from './store.ts';

export type SessionState = 'idle' | 'recording' | 'training' | 'running';

/** Input frames turned away, by reason. */
export interface Rejections {
  wrongCount: number;
  notANumber: number;
}

/** Everything a session tells its faces; each face listens to what it shows. */
export interface SessionEvents {
  state: { readonly state: SessionState; readonly previous: SessionState };
  /** An example was recorded. `counts` is the example count per output. */
  example: { readonly example: Example; readonly counts: readonly number[] };
  /** Examples were deleted, restored or reshaped. */
  examples: { readonly counts: readonly number[]; readonly reason: string };
  /**
   * The output values changed: set by a user, or computed while running; `following` has one entry
   * per gesture output (the gesture under way, its progress and speed). Arrays and entries are
   * reused: copy them to keep them.
   */
  outputs: { readonly values: Float64Array; readonly computed: boolean; readonly following: readonly GestureFollowing[] };
  /** A classifier with probabilities on computed them (reused array). */
  probabilities: { readonly output: number; readonly values: Float64Array };
  trainingProgress: { readonly output: number; readonly fraction: number };
  modelStatus: { readonly output: number; readonly status: ModelStatus };
  /** A training run ended: which outputs were trained, which failed and why, whether it was cancelled. */
  trained: { readonly trained: readonly number[]; readonly failed: readonly { output: number; reason: string }[]; readonly cancelled: boolean };
  evaluated: { readonly output: number; readonly evaluation: Evaluation };
  /** An input frame was turned away. */
  rejected: { readonly reason: string; readonly counts: Readonly<Rejections> };
  /** Settings changed: inputs, outputs, models, toggles or OSC. */
  project: { readonly settings: ProjectSettings; readonly warning?: string };
  toggles: { readonly record: readonly boolean[]; readonly run: readonly boolean[]; readonly train: readonly boolean[] };
  /** A gesture recording started or stopped (gesture outputs and gestures counted from 0). */
  gestureRecording: { readonly output: number; readonly gesture: number; readonly recording: boolean };
  /** Templates were recorded or deleted. `counts[j][k]`: templates of gesture k of gesture output j. */
  templates: { readonly counts: readonly (readonly number[])[]; readonly reason: string };
  /** A gesture output matched a frame while running, or a whole run ("match once"). The object is reused: copy to keep. */
  gestureMatch: GestureMatchEvent;
  /** A gesture was matched: its trigger message is due. */
  gestureTriggered: GestureTrigger;
  /** A listener threw; the engine carried on. */
  fault: { readonly error: unknown };
}
