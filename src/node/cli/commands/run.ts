import { InputError } from '../../../core/errors.ts';
import type { Session } from '../../../core/project/session.ts';
import { goLive, untilSignalled } from '../live.ts';
import type { OscFlags } from '../osc-flags.ts';

/**
 * Headless performance: opens a project, trains the outputs whose models are missing or out of
 * date, starts running and keeps running until Ctrl+C or SIGTERM. Control messages still work,
 * so a patch can stop, retrain or record as in `serve`.
 */
export async function runCommand(path: string, flags: OscFlags): Promise<void> {
  const live = await goLive(path, flags, 'running');
  let signalled = false;
  const stopped = untilSignalled().then(() => {
    signalled = true;
    live.session.cancelTraining();
  });
  try {
    await trainWhatIsUntrained(live.session);
    if (!signalled) {
      const running = live.session.startRunning();
      if (!running.ok) throw new InputError(`${path}: cannot run: ${running.reason}`);
      await stopped;
    }
  } finally {
    await live.close();
  }
}

async function trainWhatIsUntrained(session: Session): Promise<void> {
  const counts = session.exampleCounts();
  const outputs = session.settings.outputs.map((_, j) => j);
  const current = outputs.filter((j) => session.modelStatus(j) === 'trained');
  if (!outputs.some((j) => !current.includes(j) && counts[j] > 0)) return;
  const saved = [...session.train];
  session.setToggle('train', current, false);
  try {
    const result = await session.trainModels();
    if (!result.ok) console.error(`oscine: ${result.reason}`);
  } finally {
    session.setToggle('train', outputs.filter((j) => saved[j]), true);
  }
}
