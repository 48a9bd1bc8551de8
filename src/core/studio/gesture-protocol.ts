import { z } from 'zod';
import { GESTURE_MATCHING } from '../project/gesture-output.ts';
import type { Undoable } from './protocol.ts';

/**
 * The studio's words for gesture outputs. Gesture outputs are numbered from 0 among the
 * project's gesture outputs, gestures from 0 within theirs (as in the engine). Distances and
 * thresholds that JSON cannot carry (+Infinity: no templates, disabled, nothing learned) travel
 * as null.
 */

const index = z.int().min(0);
const gestureName = z.string().trim().min(1).max(200);

export const gestureOutputRequest = z.object({
  kind: z.literal('gesture'),
  name: gestureName,
  /** How many gestures, or their names. */
  gestures: z.union([z.int().min(1).max(100), z.array(gestureName).min(1).max(100)]),
  matching: z.enum(GESTURE_MATCHING).optional(),
});

const gesture = { output: index, gesture: index };

export const gestureRequests = [
  /** Hold-to-record: on starts a template of this gesture, off keeps it. */
  z.object({ do: z.literal('recordGesture'), ...gesture, on: z.boolean() }),
  z.object({ do: z.literal('enableGesture'), ...gesture, on: z.boolean() }),
  /** A distance of the user's, or null for the threshold learned from the templates. */
  z.object({ do: z.literal('setGestureThreshold'), ...gesture, threshold: z.number().min(0).refine(Number.isFinite, 'must be a finite number').nullable() }),
  z.object({ do: z.literal('deleteGestureTemplates'), ...gesture }),
] as const;

/** Where the gesture outputs stand, per gesture output, per gesture. */
export interface GestureBoard {
  /** Templates recorded. */
  readonly counts: readonly (readonly number[])[];
  /** The thresholds learned from the templates, or null where none could be. */
  readonly learned: readonly (readonly (number | null)[])[];
  /** The gesture being recorded, or null. */
  readonly recording: { readonly output: number; readonly gesture: number } | null;
}

/** What the server tells pages about gestures (added to ServerMessage). */
export type GestureMessage =
  | ({ readonly type: 'templates'; readonly reason: string; readonly undoable: Undoable } & Omit<GestureBoard, 'recording'>)
  | { readonly type: 'gestureRecording'; readonly output: number; readonly gesture: number; readonly recording: boolean }
  /** A gesture output matched a frame: its distances, and the gesture under way (-1: none) and how far through it. */
  | { readonly type: 'gestureMatch'; readonly output: number; readonly distances: readonly (number | null)[]; readonly following: number; readonly progress: number }
  | { readonly type: 'gestureFired'; readonly output: number; readonly gesture: number; readonly name: string };

/** A number JSON can carry: +Infinity (and NaN) become null. */
export const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);
