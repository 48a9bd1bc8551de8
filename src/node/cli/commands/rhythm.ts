import { type Command, Option } from 'commander';
import { InputError } from '../../../core/errors.ts';
import { TEMPO_RANGE } from '../../../generative/rhythm/playback/transport.ts';
import { collectParam, wholeNumber } from '../options.ts';
import { rhythmBendCommand } from './rhythm-bend.ts';
import { rhythmDecodeCommand } from './rhythm-decode.ts';
import { rhythmGridCommand, rhythmInterpolateCommand } from './rhythm-explore.ts';
import { rhythmInfoCommand } from './rhythm-info.ts';
import { registerRhythmPatternCommands } from './rhythm-patterns.ts';
import { collectSteer } from './rhythm-points.ts';
import type { RhythmPlayOptions } from './rhythm-play.ts';
import type { RhythmTrainOptions } from './rhythm-train.ts';

type RhythmPlayCommandOptions = Omit<RhythmPlayOptions, 'unitRange' | 'play'> & { readonly raw?: boolean; readonly stopped?: boolean };

function fraction(flag: string): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (text.trim() === '' || !(value >= 0 && value <= 1)) throw new InputError(`${flag} takes a number from 0 to 1, not '${text}'`);
    return value;
  };
}

function tempo(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !(value >= TEMPO_RANGE.min && value <= TEMPO_RANGE.max)) {
    throw new InputError(`--bpm takes quarter notes per minute from ${TEMPO_RANGE.min} to ${TEMPO_RANGE.max}, not '${text}'`);
  }
  return value;
}

const thresholdOption = () => new Option('-t, --threshold <chance>', 'a drum is struck where its chance is at least this').argParser(fraction('--threshold')).default(0.5);

/** `oscine rhythm …`: small-data generative drum loops — patterns, training, and steering a latent space. */
export function registerRhythmCommands(program: Command): void {
  const rhythm = program.command('rhythm').description('generative drum loops: train a latent space on your own loops, then steer it');
  registerRhythmPatternCommands(rhythm);
  rhythm
    .command('train')
    .description("train a rhythm VAE on loops (MIDI files, text grids or folders; Oscine's starter loops when none are given)")
    .argument('[files...]', '.mid, .midi or .grid files, or folders of them')
    .option('-o, --out <model.json>', 'where to save the model')
    .option('-e, --epochs <n>', 'passes over the loops (default 400)', wholeNumber('--epochs', 1))
    .option('-l, --latent <d>', 'dimensions of the latent space (default 2)', wholeNumber('--latent', 1))
    .option('-s, --seed <n>', 'seed: the same loops and seed give the same model (default 1)', wholeNumber('--seed', 0))
    .option('--meter <m>', 'the meter of the model, e.g. 3/4 (default: the one most loops are in)')
    .option('--bars <n>', 'the length of the model in bars (default: the most common)', wholeNumber('--bars', 1))
    .option('-p, --param <key=value>', 'another setting, repeatable: beta, warmup, rotation, dropout, learningRate, …', collectParam)
    .action(async (files: string[], options: RhythmTrainOptions) => (await import('./rhythm-train.ts')).rhythmTrainCommand(files, options));
  rhythm
    .command('decode')
    .description('decode one point of the latent space into a loop (MIDI, or a text grid if the name ends in .grid)')
    .argument('<model.json>', 'a model saved by `oscine rhythm train`')
    .option('--at <x,y>', 'the point in the latent space')
    .addOption(thresholdOption())
    .option('--steer <attribute=amount>', 'move along a direction (density, syncopation, swing, kick, …), in steps; repeatable', collectSteer)
    .option('--bpm <n>', 'tempo written into the MIDI file', wholeNumber('--bpm', 1))
    .option('-o, --out <loop.mid>', 'the file to write')
    .action(rhythmDecodeCommand);
  rhythm
    .command('interpolate')
    .description('the loops on the way from one loop to another: each end a MIDI file, a text grid, a loop the model learned, or a point x,y')
    .argument('<model.json>', 'a model saved by `oscine rhythm train`')
    .argument('<from>', 'where to start')
    .argument('<to>', 'where to end')
    .option('--steps <n>', 'how many loops, both ends included', wholeNumber('--steps', 2), 8)
    .option('--slerp', 'go along the great circle (spherical interpolation) instead of a straight line')
    .addOption(thresholdOption())
    .option('-o, --out <folder>', 'the folder to write step-1.mid … into')
    .action(rhythmInterpolateCommand);
  rhythm
    .command('grid')
    .description('the latent space as size × size loops, over the area the training loops cover')
    .argument('<model.json>', 'a model saved by `oscine rhythm train`')
    .option('--size <n>', 'loops per side', wholeNumber('--size', 1), 8)
    .addOption(thresholdOption())
    .option('-o, --out <folder>', 'the folder to write the loops into')
    .action(rhythmGridCommand);
  rhythm
    .command('bend')
    .description("add a network bend to a model's chain (applied whenever it decodes), or clear the chain")
    .argument('<model.json>', 'a model saved by `oscine rhythm train`')
    .option('--transform <t>', 'ablate, invert, scale, threshold or oscillate')
    .option('--layer <n>', "the decoder's hidden layer: 0 or 1", wholeNumber('--layer', 0), 1)
    .option('--units <list>', 'these units, e.g. 3,7,12')
    .option('--random <fraction>', 'a random fraction of the units, e.g. 0.25')
    .option('--cluster <k:i>', 'cluster i (from 0) of the units split into k clusters by how they respond over the latent space')
    .option('--seed <n>', 'seed for --random and --cluster', wholeNumber('--seed', 0), 1)
    .option('--mix <m>', 'how much of the bend, 0 to 1 (default 1)')
    .option('--value <v>', 'the factor (scale), level (threshold) or phase (oscillate)')
    .option('--clear', 'remove every bend')
    .option('-o, --out <model.json>', 'save to another file instead of the model itself')
    .action(rhythmBendCommand);
  rhythm
    .command('play')
    .description('play a model live over OSC: a mapping (e.g. /wek/outputs x y) moves it, the loop and its steps and hits go out')
    .argument('<model.json>', 'a model saved by `oscine rhythm train`')
    .addOption(new Option('--osc-port <port>', 'UDP port to listen on; 12000 is where Wekinator and Oscine send their outputs').argParser(wholeNumber('--osc-port', 0)).default(12000))
    .option('--host <address>', 'address to listen on: 127.0.0.1 is this computer only, 0.0.0.0 every network', '127.0.0.1')
    .option('--out-host <host>', 'where the loop, steps and hits are sent', '127.0.0.1')
    .addOption(new Option('--out-port <port>', "UDP port they are sent to; 57120 is SuperCollider's").argParser(wholeNumber('--out-port', 1)).default(57120))
    .option('--input-address <address>', 'OSC address whose numbers drive the controls', '/wek/outputs')
    .option('--controls <list>', 'the controls those numbers drive, in order (see the list printed at start)', 'x,y')
    .option('--raw', "take those numbers in the controls' own units instead of 0..1 across each range")
    .addOption(new Option('--bpm <n>', 'tempo in quarter notes per minute').argParser(tempo).default(120))
    .addOption(thresholdOption())
    .option('--stopped', 'wait for /oscine/rhythm/start before playing')
    .action(async (model: string, options: RhythmPlayCommandOptions) =>
      (await import('./rhythm-play.ts')).rhythmPlayCommand(model, { ...options, unitRange: !options.raw, play: !options.stopped }),
    );
  rhythm.command('info').description('describe a rhythm model').argument('<model.json>', 'a model saved by `oscine rhythm train`').action(rhythmInfoCommand);
}
