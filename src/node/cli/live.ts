import { InputError } from '../../core/errors.ts';
import { CONTROL_PREFIX } from '../../core/osc/osc-face.ts';
import type { EditableSession } from '../../core/project/example-edits.ts';
import type { Session } from '../../core/project/session.ts';
import { modelFilesBeside } from '../osc/model-files.ts';
import { OscServer, type ServerCounts } from '../osc/osc-server.ts';
import { openSession } from '../store/open-session.ts';
import type { ProjectFile } from '../store/project-file.ts';
import { workerTrainer } from '../trainer/worker-trainer.ts';
import { type OscFlags, oscChange } from './osc-flags.ts';

/** A project open on stage: its session, its file, and the OSC server playing it. */
export interface Live {
  readonly session: EditableSession;
  readonly server: OscServer;
  /** Closes everything cleanly: training is cancelled, sockets closed, the file saved. */
  close(): Promise<void>;
}

/**
 * Opens a project for live use: saves any OSC flags in it, trains in a worker thread (so frames
 * keep flowing while a model learns), starts the OSC server and says where it listens. Each
 * change of state is printed as a line.
 */
export async function goLive(path: string, flags: OscFlags, verb: string): Promise<Live> {
  const trainer = workerTrainer();
  let opened: { session: EditableSession; file: ProjectFile };
  try {
    opened = openSession(path, trainer);
  } catch (error) {
    await trainer.close();
    throw error;
  }
  const { session, file } = opened;
  let server: OscServer;
  try {
    const change = oscChange(flags);
    if (Object.keys(change).length > 0) {
      const saved = session.setOsc(change);
      if (!saved.ok) throw new InputError(saved.reason);
    }
    server = await OscServer.start(session, { modelFiles: modelFilesBeside(path), printWarning: (line) => console.error(`oscine: ${line}`) });
  } catch (error) {
    await trainer.close();
    file.close();
    throw error;
  }
  narrate(session);
  const { settings } = session;
  const { osc } = settings;
  const outputNames = [...settings.outputs, ...settings.gestureOutputs].map((o) => o.name);
  const { port } = server.listening();
  const reach = isLoopback(osc.host) ? 'this computer only (--host 0.0.0.0 to listen on every network)' : 'reachable from other computers on the network';
  console.log(
    [
      `Oscine ${verb} ${path}: ${settings.inputs.length} inputs → ${outputNames.length} outputs (${outputNames.join(', ')})`,
      `Listening on ${osc.host}:${port} for ${osc.inputAddress} and ${CONTROL_PREFIX}* — ${reach}`,
      `Sending ${osc.outputAddress} to ${osc.outputHost}:${osc.outputPort}`,
      'Ctrl+C stops (the project is saved as you go).',
    ].join('\n'),
  );
  return {
    session,
    server,
    close: async () => {
      session.cancelTraining();
      await untilNotTraining(session);
      await server.close();
      await trainer.close();
      file.close();
      console.log(`Stopped. ${describeCounts(server.counts())}. ${path} is saved.`);
    },
  };
}

/** Resolves at the first Ctrl+C or SIGTERM; a second one ends the process at once. */
export function untilSignalled(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      const force = () => process.exit(130);
      process.once('SIGINT', force);
      process.once('SIGTERM', force);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function untilNotTraining(session: Session): Promise<void> {
  return new Promise((resolve) => {
    if (session.state !== 'training') return resolve();
    const stop = session.events.on('state', ({ state }) => {
      if (state === 'training') return;
      stop();
      resolve();
    });
  });
}

function narrate(session: Session): void {
  const names = () => session.settings.outputs.map((o) => o.name);
  session.events.on('state', ({ state, previous }) => {
    if (state === 'recording') console.log('recording…');
    else if (state === 'training') console.log('training…');
    else if (state === 'running') console.log('running');
    else if (previous === 'recording') console.log(`recording stopped: ${session.examples().length} examples in all`);
    else if (previous === 'running') console.log('stopped running');
  });
  session.events.on('templates', ({ reason }) => console.log(reason));
  session.events.on('trained', ({ trained, failed, cancelled }) => {
    if (cancelled) console.log('training cancelled; the previous models are kept');
    if (trained.length > 0) console.log(`trained ${trained.map((j) => names()[j]).join(', ')}`);
    for (const { reason } of failed) console.log(`not trained: ${reason}`);
  });
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

function describeCounts(c: ServerCounts): string {
  return (
    `Received ${c.packets} packets: ${c.inputs} input frames (${c.wrongCount} with the wrong count, ${c.notANumber} not numbers), ` +
    `${c.controls} control messages done, ${c.refused} refused, ${c.badArguments} with bad arguments, ${c.unknown} to unknown addresses, ${c.malformed} malformed`
  );
}
