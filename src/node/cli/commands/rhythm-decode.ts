import { InputError } from '../../../core/errors.ts';
import { writeLoopFile } from '../../rhythm/loop-files.ts';
import { readRhythmModelFile } from '../../rhythm/model-files.ts';
import { parsePoint, steered } from './rhythm-points.ts';

export interface RhythmDecodeOptions {
  readonly at?: string;
  readonly threshold: number;
  readonly out?: string;
  readonly bpm?: number;
  readonly steer?: Record<string, number>;
}

/** Decodes one point of a model's latent space into a loop file (MIDI, or a text grid for .grid). */
export function rhythmDecodeCommand(modelPath: string, options: RhythmDecodeOptions): void {
  if (!options.out) throw new InputError('say where to write the loop with --out loop.mid');
  if (!options.at) throw new InputError('say where in the latent space with --at x,y');
  const model = readRhythmModelFile(modelPath);
  const point = steered(parsePoint(options.at, model, '--at'), model, options.steer);
  const pattern = model.decode(point, options.threshold);
  writeLoopFile(options.out, { name: `at ${[...point].map((value) => value.toFixed(2)).join(',')}`, pattern, ...(options.bpm === undefined ? {} : { bpm: options.bpm }) });
  const hits = pattern.onset.reduce((sum, onset) => sum + onset, 0);
  console.log(`Decoded ${[...point].map((value) => value.toFixed(3)).join(',')}: ${hits} hits → ${options.out}`);
}
