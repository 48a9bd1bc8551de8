import { InputError } from '../../../core/errors.ts';
import { countPerOutput } from '../../../core/project/example.ts';
import { fileStem } from '../../../core/project/file-name.ts';
import type { Output } from '../../../core/project/project.ts';
import { readWekinatorFolder } from '../../files/wekinator-folder.ts';
import { openSession } from '../../store/open-session.ts';
import { createProjectFile } from '../../store/project-file.ts';
import { counted } from '../counted.ts';
import { progressBar } from '../progress.ts';

/**
 * Turns a Wekinator project folder into an Oscine project file: every setting, every example
 * (with its ID, round and time), and a freshly trained model for every output that has
 * examples, since Wekinator's own models are Java objects nothing else can read.
 */
export async function importWekinatorCommand(folder: string, out: string | undefined): Promise<void> {
  if (out !== undefined && !out.endsWith('.oscine')) throw new InputError(`${out}: a project file's name ends in .oscine`);
  const started = performance.now();
  const { settings, examples, notes } = readWekinatorFolder(folder);
  const path = out ?? `${fileStem(settings.name)}.oscine`;
  createProjectFile(path, settings, examples);
  const counts = countPerOutput(examples, settings.outputs.length);
  const rounds = new Set(examples.map((e) => e.round)).size;
  console.log(`Imported '${settings.name}' from ${folder} → ${path} in ${(performance.now() - started).toFixed(0)} ms`);
  console.log(`  ${counted(settings.inputs.length, 'input')} (${settings.inputs.join(', ')}) on port ${settings.osc.port} at ${settings.osc.inputAddress}`);
  console.log(`  outputs go to ${settings.osc.outputHost}:${settings.osc.outputPort} at ${settings.osc.outputAddress}`);
  console.log(`  ${counted(examples.length, 'example')} in ${counted(rounds, 'recording round')}`);
  for (const note of notes) console.log(`  note: ${note}`);

  const trained = await trainEveryOutput(path);
  settings.outputs.forEach((output, j) => console.log(`  ${output.name}: ${describe(output)}; ${counted(counts[j], 'example')}; ${trained[j]}`));
  for (const output of settings.gestureOutputs) console.log(`  ${output.name}: gesture, ${output.gestures.map((g) => g.name).join(', ')}`);
}

function describe(output: Output): string {
  const params = Object.entries(output.params).map(([key, value]) => `${key}=${value}`);
  const model = params.length > 0 ? `${output.model} (${params.join(', ')})` : output.model;
  if (output.kind === 'classifier') return `classifier, ${output.classes} classes${output.probabilities ? ' with probabilities' : ''}, ${model}`;
  const shape = [output.integer ? 'whole numbers' : '', output.hardLimits ? 'hard limits' : ''].filter(Boolean).join(', ');
  return `continuous ${output.min}..${output.max}${shape ? ` (${shape})` : ''}, ${model}`;
}

/** Trains through the engine, as `oscine train` does; says per output what happened and how long it took. */
async function trainEveryOutput(path: string): Promise<string[]> {
  const { session, file } = openSession(path);
  try {
    const outcome = session.settings.outputs.map((_, j): string => (session.exampleCounts()[j] === 0 ? 'nothing to train' : 'not trained'));
    const startedAt: number[] = [];
    let bar = progressBar('Training');
    session.events.on('modelStatus', ({ output, status }) => {
      if (status === 'training') {
        bar.stop();
        bar = progressBar(`Training ${session.settings.outputs[output].name}`);
        startedAt[output] = performance.now();
      } else if (status === 'trained') {
        outcome[output] = `trained in ${(performance.now() - startedAt[output]).toFixed(0)} ms`;
      }
    });
    session.events.on('trainingProgress', ({ fraction }) => bar.update(fraction));
    session.events.on('trained', ({ failed }) => {
      for (const { output, reason } of failed) outcome[output] = `not trained: ${reason}`;
    });
    await session.trainModels();
    bar.stop();
    return outcome;
  } finally {
    file.close();
  }
}
