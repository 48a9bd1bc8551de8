import type { InputSource } from './input-source.ts';
import { brightnessOf } from './camera.ts';
import { cellNames, createCameraInput } from './camera-input.ts';

export interface WebcamGridOptions {
  /** Default 10 × 10, like Wekinator's webcam example (100 inputs). */
  columns?: number;
  rows?: number;
  /** Red, green and blue per cell instead of brightness (3 numbers per cell). Default false. */
  colour?: boolean;
  framesPerSecond?: number;
}

/**
 * The webcam as a coarse grid: the average brightness (0..1) of each cell, or its average red,
 * green and blue, row by row from the top left of the mirrored picture.
 */
export function createWebcamGrid(options: WebcamGridOptions = {}): InputSource {
  const { columns = 10, rows = 10, colour = false } = options;
  const cells = columns * rows;
  return createCameraInput({
    id: colour ? 'webcam-colours' : 'webcam-grid',
    label: colour ? `Webcam colours (${columns}×${rows} grid)` : `Webcam brightness (${columns}×${rows} grid)`,
    names: cellNames('webcam', columns, rows, colour ? ['-red', '-green', '-blue'] : ['']),
    columns,
    rows,
    framesPerSecond: options.framesPerSecond,
    measure(grid, frame) {
      if (colour) frame.set(grid.colours);
      else for (let cell = 0; cell < cells; cell++) frame[cell] = brightnessOf(grid.colours, cell);
    },
  });
}
