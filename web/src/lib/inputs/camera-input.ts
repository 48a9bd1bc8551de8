import type { InputSource } from './input-source.ts';
import { openCameraGrid, type CameraGrid } from './camera.ts';
import { startFrameClock } from './frame-clock.ts';

/** What a webcam input is, given the grid it reads the camera through. */
export interface CameraInputSpec {
  readonly id: string;
  readonly label: string;
  readonly names: readonly string[];
  readonly columns: number;
  readonly rows: number;
  /** Default 30, a webcam's own rate. */
  readonly framesPerSecond?: number;
  /** Fills `frame` from a fresh reading of the grid. */
  measure(grid: CameraGrid, frame: Float64Array): void;
}

/** An InputSource that reads the camera through a grid at a steady rate. */
export function createCameraInput(spec: CameraInputSpec): InputSource {
  const frame = new Float64Array(spec.names.length);
  let grid: CameraGrid | undefined;
  let stopClock: (() => void) | undefined;
  let stopped = true;

  return {
    id: spec.id,
    label: spec.label,
    names: spec.names,
    async start(onFrame) {
      if (!stopped) return;
      stopped = false;
      let opened: CameraGrid;
      try {
        opened = await openCameraGrid(spec.columns, spec.rows);
      } catch (error) {
        stopped = true;
        throw error;
      }
      // stop() may have been called while the musician was answering the permission prompt.
      if (stopped) return opened.close();
      grid = opened;
      stopClock = startFrameClock(spec.framesPerSecond ?? 30, () => {
        if (!opened.read()) return;
        spec.measure(opened, frame);
        onFrame(frame);
      });
    },
    stop() {
      stopped = true;
      stopClock?.();
      stopClock = undefined;
      grid?.close();
      grid = undefined;
    },
  };
}

/** Names cells row by row from the top left: `prefix-r1c1`, `prefix-r1c2`, … */
export function cellNames(prefix: string, columns: number, rows: number, suffixes: readonly string[] = ['']): string[] {
  const names: string[] = [];
  for (let row = 1; row <= rows; row++) {
    for (let column = 1; column <= columns; column++) {
      for (const suffix of suffixes) names.push(`${prefix}-r${row}c${column}${suffix}`);
    }
  }
  return names;
}
