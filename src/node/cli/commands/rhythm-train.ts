import { InputError } from '../../../core/errors.ts';
import { starterLoops } from '../../../generative/rhythm/starter-loops.ts';
import { meterName, parseMeter } from '../../../generative/rhythm/vae/loop-grid.ts';
import { trainRhythmModel } from '../../../generative/rhythm/vae/train.ts';
import { useWasmBackend } from '../../rhythm/backend.ts';
import { writeRhythmModelFile } from '../../rhythm/model-files.ts';
import { readLoops } from '../../rhythm/read-loops.ts';
import { progressBar } from '../progress.ts';

export interface RhythmTrainOptions {
  readonly out?: string;
  readonly epochs?: number;
  readonly latent?: number;
  readonly seed?: number;
  readonly meter?: string;
  readonly bars?: number;
  readonly param?: Record<string, string>;
}

/** Trains a rhythm model on loops (Oscine's starter loops when no files are given) and saves it. */
export async function rhythmTrainCommand(paths: string[], options: RhythmTrainOptions): Promise<void> {
  if (!options.out) throw new InputError('say where to save the model with --out model.json');
  const loops = paths.length ? await readLoops(paths) : starterLoops();
  if (!paths.length) console.log(`No files given: learning from Oscine's ${loops.length} starter loops (see \`oscine rhythm starter\`).`);
  const settings: Record<string, unknown> = { ...options.param };
  if (options.epochs !== undefined) settings.epochs = options.epochs;
  if (options.latent !== undefined) settings.latent = options.latent;
  if (options.seed !== undefined) settings.seed = options.seed;
  await useWasmBackend();
  const progress = progressBar('Training the rhythm VAE');
  const started = performance.now();
  try {
    const model = trainRhythmModel(loops, {
      settings,
      ...(options.meter === undefined ? {} : { meter: parseMeter(options.meter) }),
      ...(options.bars === undefined ? {} : { bars: options.bars }),
      onProgress: progress.update,
    });
    progress.stop();
    writeRhythmModelFile(options.out, model);
    const { grid, summary } = model;
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Learned ${model.loops.length} loops (${meterName(grid.meter)}, ${grid.bars} bar${grid.bars > 1 ? 's' : ''}) in ${seconds.toFixed(1)} s: ` +
        `onset F1 ${summary.onsetF1.toFixed(3)} on the loops themselves → ${options.out}`,
    );
    if (summary.leftOut.length) {
      console.log(`Left out ${summary.leftOut.length} loops in other meters: ${summary.leftOut.join(', ')}. Train them as a model of their own with --meter.`);
    }
  } finally {
    progress.stop();
  }
}
