import { InputError } from '../../../core/errors.ts';
import { latentPath } from '../../../generative/rhythm/vae/interpolation.ts';
import { latentGrid } from '../../../generative/rhythm/vae/latent-grid.ts';
import type { RhythmModel } from '../../../generative/rhythm/vae/rhythm-model.ts';
import { writeLoopFolder } from '../../rhythm/loop-files.ts';
import { readRhythmModelFile } from '../../rhythm/model-files.ts';
import { findPoint } from './rhythm-points.ts';

export interface RhythmInterpolateOptions {
  readonly steps: number;
  readonly slerp?: boolean;
  readonly threshold: number;
  readonly out?: string;
}

/** Writes the loops on the way from one loop (or point) to another, both ends included. */
export async function rhythmInterpolateCommand(modelPath: string, from: string, to: string, options: RhythmInterpolateOptions): Promise<void> {
  if (!options.out) throw new InputError('say which folder to write the loops into with --out <folder>');
  const model = readRhythmModelFile(modelPath);
  const start = await findPoint(from, model);
  const end = await findPoint(to, model);
  const points = latentPath(start.point, end.point, options.steps, options.slerp);
  const width = String(points.length).length;
  const loops = points.map((point, i) => ({ name: `step-${String(i + 1).padStart(width, '0')}`, pattern: model.decode(point, options.threshold) }));
  writeLoopFolder(options.out, loops);
  console.log(`Wrote ${loops.length} loops from ${start.label} to ${end.label} (${options.slerp ? 'slerp' : 'linear'}) → ${options.out}`);
}

export interface RhythmGridOptions {
  readonly size: number;
  readonly threshold: number;
  readonly out?: string;
}

/** Writes the latent space as size × size loops, over the area the training loops cover. */
export function rhythmGridCommand(modelPath: string, options: RhythmGridOptions): void {
  if (!options.out) throw new InputError('say which folder to write the loops into with --out <folder>');
  const model = readRhythmModelFile(modelPath);
  const loops = gridLoops(model, options.size, options.threshold);
  writeLoopFolder(options.out, loops);
  console.log(`Wrote ${loops.length} loops, a ${options.size} × ${options.size} grid of the latent space (row 1 is the top) → ${options.out}`);
}

function gridLoops(model: RhythmModel, size: number, threshold: number) {
  const points = latentGrid(model.loops.map((loop) => loop.position), size);
  const width = String(size).length;
  const label = (i: number) => String(i + 1).padStart(width, '0');
  return points.map((point, i) => ({ name: `row-${label(Math.floor(i / size))}-col-${label(i % size)}`, pattern: model.decode(point, threshold) }));
}
