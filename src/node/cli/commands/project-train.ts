import { openSession } from '../../store/open-session.ts';
import { progressBar } from '../progress.ts';
import { InputError } from '../../../core/errors.ts';

/** Trains every output of a project that has examples, and saves the models in the file. */
export async function trainProject(path: string): Promise<void> {
  const { session, file } = openSession(path);
  try {
    const names = session.settings.outputs.map((o) => o.name);
    let bar = progressBar('Training');
    session.events.on('modelStatus', ({ output, status }) => {
      if (status !== 'training') return;
      bar.stop();
      bar = progressBar(`Training ${names[output]}`);
    });
    session.events.on('trainingProgress', ({ fraction }) => bar.update(fraction));
    const started = performance.now();
    const result = await session.trainModels();
    bar.stop();
    if (!result.ok) throw new InputError(`${path}: ${result.reason}`);
    const counts = session.exampleCounts();
    const lines = session.settings.outputs.map((o, j) => {
      if (result.value.trained.includes(j)) return `  ${o.name}: trained ${o.model} on ${counts[j]} examples`;
      const failure = result.value.failed.find((f) => f.output === j);
      return `  ${o.name}: ${failure ? `not trained — ${failure.reason}` : counts[j] === 0 ? 'no examples' : 'not set to train'}`;
    });
    console.log([`Trained ${path} in ${(performance.now() - started).toFixed(0)} ms`, ...lines].join('\n'));
  } finally {
    file.close();
  }
}
