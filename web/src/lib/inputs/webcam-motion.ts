import type { InputSource } from './input-source.ts';
import { brightnessOf, type CameraGrid } from './camera.ts';
import { cellNames, createCameraInput } from './camera-input.ts';

export interface WebcamMotionOptions {
  /** Regions to measure motion in; default 1 × 1 (the whole picture). */
  columns?: number;
  rows?: number;
  framesPerSecond?: number;
}

/** Each region is watched through this many × this many small cells, so motion inside it counts. */
const CELLS_PER_REGION = 4;

/**
 * How much the picture moves: per region, the mean absolute change of brightness (0..1) between
 * one camera frame and the next. 0 when still; a hand waving across the picture gives ~0.05–0.3.
 */
export function createWebcamMotion(options: WebcamMotionOptions = {}): InputSource {
  const { columns = 1, rows = 1 } = options;
  const gridColumns = columns * CELLS_PER_REGION;
  const gridRows = rows * CELLS_PER_REGION;
  const previous = new Float64Array(gridColumns * gridRows);
  // The grid of the last reading: a new one (after a restart) has no previous picture to compare with.
  let previousGrid: CameraGrid | undefined;
  const perCell = 1 / (CELLS_PER_REGION * CELLS_PER_REGION);

  return createCameraInput({
    id: columns * rows === 1 ? 'webcam-motion' : 'webcam-motion-regions',
    label: columns * rows === 1 ? 'Webcam motion' : `Webcam motion (${columns}×${rows} regions)`,
    names: columns * rows === 1 ? ['webcam-motion'] : cellNames('webcam-motion', columns, rows),
    columns: gridColumns,
    rows: gridRows,
    framesPerSecond: options.framesPerSecond,
    measure(grid, frame) {
      const hasPrevious = grid === previousGrid;
      previousGrid = grid;
      frame.fill(0);
      for (let y = 0; y < gridRows; y++) {
        for (let x = 0; x < gridColumns; x++) {
          const cell = y * gridColumns + x;
          const brightness = brightnessOf(grid.colours, cell);
          const region = Math.floor(y / CELLS_PER_REGION) * columns + Math.floor(x / CELLS_PER_REGION);
          if (hasPrevious) frame[region] += Math.abs(brightness - previous[cell]) * perCell;
          previous[cell] = brightness;
        }
      }
    },
  });
}
