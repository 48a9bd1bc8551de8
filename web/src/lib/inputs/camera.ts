import { openMediaStream, releaseStream } from './media-devices.ts';

/** Pixels averaged per grid cell side: enough to smooth the camera's noise, cheap to read. */
const PIXELS_PER_CELL = 8;
/** A camera that has sent no picture by then is stuck (or shows nothing, like a covered virtual camera). */
const PICTURE_WAIT_SECONDS = 5;

/**
 * The camera seen through a coarse grid: each read gives the average red, green and blue (0..1)
 * of every cell, row by row from the top left, as seen in a mirror (left is the player's left).
 */
export interface CameraGrid {
  readonly columns: number;
  readonly rows: number;
  /** columns × rows × 3 values (red, green, blue of cell 0, then of cell 1, …), refreshed by read(). */
  readonly colours: Float64Array;
  /** Reads the current picture into `colours`; false while the camera has no picture yet. */
  read(): boolean;
  close(): void;
}

export async function openCameraGrid(columns: number, rows: number): Promise<CameraGrid> {
  if (!(Number.isInteger(columns) && Number.isInteger(rows) && columns > 0 && rows > 0)) {
    throw new Error(`A webcam grid needs whole numbers of columns and rows, not ${columns} × ${rows}.`);
  }
  const stream = await openMediaStream('camera', { video: { width: { ideal: 320 }, height: { ideal: 240 } } });
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  try {
    await withinSeconds(PICTURE_WAIT_SECONDS, video.play());
  } catch (error) {
    releaseStream(stream);
    throw new Error(`The camera opened but sends no picture (${error instanceof Error ? error.message : String(error)}). Check that no other program holds it, then start again.`);
  }
  const width = columns * PIXELS_PER_CELL;
  const height = rows * PIXELS_PER_CELL;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const drawing = canvas.getContext('2d', { willReadFrequently: true });
  if (!drawing) {
    releaseStream(stream);
    throw new Error('This browser cannot read camera pictures (no 2-D canvas).');
  }
  // Mirror the picture, as players expect from a webcam.
  drawing.translate(width, 0);
  drawing.scale(-1, 1);
  const colours = new Float64Array(columns * rows * 3);
  const scale = 1 / (255 * PIXELS_PER_CELL * PIXELS_PER_CELL);

  function read(): boolean {
    if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !drawing) return false;
    drawing.drawImage(video, 0, 0, width, height);
    const pixels = drawing.getImageData(0, 0, width, height).data;
    colours.fill(0);
    for (let y = 0; y < height; y++) {
      const rowOfCells = Math.floor(y / PIXELS_PER_CELL) * columns;
      for (let x = 0; x < width; x++) {
        const cell = (rowOfCells + Math.floor(x / PIXELS_PER_CELL)) * 3;
        const pixel = (y * width + x) * 4;
        colours[cell] += pixels[pixel];
        colours[cell + 1] += pixels[pixel + 1];
        colours[cell + 2] += pixels[pixel + 2];
      }
    }
    for (let i = 0; i < colours.length; i++) colours[i] *= scale;
    return true;
  }

  return {
    columns,
    rows,
    colours,
    read,
    close() {
      video.pause();
      video.srcObject = null;
      releaseStream(stream);
    },
  };
}

/** Perceived brightness (Rec. 601 luma) of cell `cell`, 0..1. */
export function brightnessOf(colours: Float64Array, cell: number): number {
  return 0.299 * colours[cell * 3] + 0.587 * colours[cell * 3 + 1] + 0.114 * colours[cell * 3 + 2];
}

function withinSeconds<T>(seconds: number, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`nothing after ${seconds} seconds`)), seconds * 1000);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
