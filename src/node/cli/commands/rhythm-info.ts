import { meterName } from '../../../generative/rhythm/vae/loop-grid.ts';
import { parameterCount } from '../../../generative/rhythm/vae/vae-weights.ts';
import { readRhythmModelFile } from '../../rhythm/model-files.ts';

const coordinates = (point: ArrayLike<number>) => Array.from(point, (value) => value.toFixed(3)).join(',');

/** Describes a rhythm model: its grid, how well it learned, its loops, directions and bends. */
export function rhythmInfoCommand(modelPath: string): void {
  const model = readRhythmModelFile(modelPath);
  const { grid, settings, summary } = model;
  console.log(`${modelPath}: ${meterName(grid.meter)}, ${grid.bars} bar(s) at ${grid.ticksPerQuarter} ticks per quarter note`);
  console.log(`latent space: ${settings.latent} dimensions · ${parameterCount(model.weights)} weights · ${settings.epochs} epochs · seed ${settings.seed}`);
  console.log(`onset F1 on the training loops: ${summary.onsetF1.toFixed(3)}`);
  console.log(`\nloops (${model.loops.length}):`);
  for (const loop of model.loops) console.log(`  ${loop.name}${loop.style ? ` [${loop.style}]` : ''} at ${coordinates(loop.position)}`);
  if (summary.leftOut.length) console.log(`left out (other meters): ${summary.leftOut.join(', ')}`);
  console.log(`\ndirections (one step = the loops' spread along it):`);
  for (const direction of model.directions) console.log(`  ${direction.attribute}: toward ${coordinates(direction.unit)}, +${direction.perStep.toFixed(3)} per step`);
  console.log(model.bends.length ? '\nbends:' : '\nno bends');
  model.bends.forEach((bend, i) => console.log(`  ${i + 1}. ${bend.transform} layer ${bend.layer}, ${bend.units.kind}, ${model.bendChain?.units(i).length} units, mix ${bend.mix}, value ${bend.value}`));
}
