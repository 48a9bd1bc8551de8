import { InputError } from '../../../core/errors.ts';
import { BEND_TRANSFORMS, type BendTransform, type UnitChoice, bend } from '../../../generative/rhythm/vae/bending.ts';
import { readRhythmModelFile, writeRhythmModelFile } from '../../rhythm/model-files.ts';

export interface RhythmBendOptions {
  readonly transform?: string;
  readonly layer: number;
  readonly units?: string;
  readonly random?: string;
  readonly cluster?: string;
  readonly seed: number;
  readonly mix?: string;
  readonly value?: string;
  readonly clear?: boolean;
  readonly out?: string;
}

/** Adds a bend to the end of a model's chain (or clears the chain) and saves the model. */
export function rhythmBendCommand(modelPath: string, options: RhythmBendOptions): void {
  const model = readRhythmModelFile(modelPath);
  const out = options.out ?? modelPath;
  if (options.clear) {
    model.setBends([]);
    writeRhythmModelFile(out, model);
    console.log(`Cleared the bends → ${out}`);
    return;
  }
  const transform = options.transform as BendTransform;
  if (!BEND_TRANSFORMS.includes(transform)) throw new InputError(`say how to bend with --transform ${BEND_TRANSFORMS.join('|')}`);
  const added = bend(options.layer, unitChoice(options), transform);
  if (options.mix !== undefined) added.mix = number(options.mix, '--mix');
  if (options.value !== undefined) added.value = number(options.value, '--value');
  model.setBends([...model.bends, added]);
  writeRhythmModelFile(out, model);
  const units = model.bendChain?.units(model.bends.length - 1).length ?? 0;
  console.log(`Bend ${model.bends.length}: ${transform} on ${units} units of layer ${options.layer} (mix ${added.mix}, value ${added.value}) → ${out}`);
}

function unitChoice(options: RhythmBendOptions): UnitChoice {
  const given = [options.units, options.random, options.cluster].filter((choice) => choice !== undefined);
  if (given.length !== 1) throw new InputError('choose the units with one of --units 3,7,12, --random 0.25 or --cluster k:i (cluster i of k)');
  if (options.units !== undefined) return { kind: 'units', units: options.units.split(',').map((unit) => number(unit, '--units')) };
  if (options.random !== undefined) return { kind: 'random', fraction: number(options.random, '--random'), seed: options.seed };
  const match = /^(\d+):(\d+)$/.exec(options.cluster ?? '');
  if (!match) throw new InputError(`--cluster takes k:i, cluster i (from 0) of k clusters, not '${options.cluster}'`);
  return { kind: 'cluster', clusters: Number(match[1]), cluster: Number(match[2]), seed: options.seed };
}

function number(text: string, flag: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new InputError(`${flag} takes numbers, not '${text}'`);
  return value;
}
