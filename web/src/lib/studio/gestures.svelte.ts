import type { GestureOutput } from '../../../../src/core/project/gesture-output.ts';
import type { GestureBoard, GestureMessage } from '../../../../src/core/studio/gesture-protocol.ts';

/** One gesture output's latest match: distances (null: cannot match), and the gesture under way with how far through it. */
export interface LiveMatch {
  readonly distances: readonly (number | null)[];
  readonly following: number;
  readonly progress: number;
}

/** A fired gesture, told at full rate (the sound strikes without waiting for a redraw). */
export type FiredListener = (output: number, gesture: number) => void;

/**
 * What the page knows of the project's gesture outputs: template counts, learned thresholds,
 * which gesture is being recorded, and the live matches. Matches arrive with every frame and
 * reach the reactive state once per screen refresh; a firing is counted at once, so each one
 * flashes even when two land in the same refresh.
 */
export class GestureLive {
  counts = $state<readonly (readonly number[])[]>([]);
  learned = $state<readonly (readonly (number | null)[])[]>([]);
  recording = $state<GestureBoard['recording']>(null);
  matches = $state<LiveMatch[]>([]);
  /** Per gesture output, per gesture, how many times it fired since the page connected. */
  fired = $state<number[][]>([]);
  onFired: FiredListener = () => {};
  private latest: LiveMatch[] = [];
  private pending = false;

  take(board: GestureBoard, outputs: readonly GestureOutput[]): void {
    this.counts = board.counts;
    this.learned = board.learned;
    this.recording = board.recording;
    this.latest = outputs.map((o) => ({ distances: o.gestures.map(() => null), following: -1, progress: 0 }));
    this.matches = [...this.latest];
    this.fired = outputs.map((o) => o.gestures.map(() => 0));
  }

  /** Takes a gesture message; returns words to announce, if any. */
  receive(message: GestureMessage, name: (output: number, gesture: number) => string): string | undefined {
    switch (message.type) {
      case 'templates':
        this.counts = message.counts;
        this.learned = message.learned;
        return undefined;
      case 'gestureRecording':
        this.recording = message.recording ? { output: message.output, gesture: message.gesture } : null;
        return `${message.recording ? 'Recording' : 'Stopped recording'} ${name(message.output, message.gesture)}`;
      case 'gestureMatch':
        this.latest[message.output] = { distances: message.distances, following: message.following, progress: message.progress };
        this.showSoon();
        return undefined;
      case 'gestureFired':
        if (this.fired[message.output]) this.fired[message.output][message.gesture]++;
        this.onFired(message.output, message.gesture);
        return `${message.name} matched`;
    }
  }

  isRecording(output: number, gesture: number): boolean {
    return this.recording?.output === output && this.recording.gesture === gesture;
  }

  private showSoon(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.matches = [...this.latest];
    });
  }
}

/** The threshold in force: the user's, else the learned one, else none (every performance matches). */
export function thresholdInForce(gesture: GestureOutput['gestures'][number], learned: number | null | undefined): number | null {
  return gesture.threshold ?? learned ?? null;
}

/**
 * How full a match bar is: 1 for a perfect match, 1/2 at the threshold, empty at twice the
 * threshold or beyond (or when the gesture cannot match, or has no threshold yet).
 */
export function matchFullness(distance: number | null | undefined, threshold: number | null): number {
  if (distance === null || distance === undefined || threshold === null || !(threshold > 0)) return distance === 0 ? 1 : 0;
  return Math.max(0, Math.min(1, 1 - distance / (2 * threshold)));
}
