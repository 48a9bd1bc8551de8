import { ALGORITHMS } from '../learn/algorithms.ts';
import type { EditableSession } from '../project/example-edits.ts';
import { gestureBoard, tellGestures } from './gesture-face.ts';
import type { AlgorithmInfo, ServerMessage, Snapshot } from './protocol.ts';

/** Turned-away frames are told at most this often: a wrong sensor sends a hundred a second. */
const REJECTION_INTERVAL_MS = 500;

const ALGORITHM_INFO: readonly AlgorithmInfo[] = ALGORITHMS.map(({ name, summary, tasks, params }) => ({ name, summary, tasks, params }));

export interface StudioFaceOptions {
  /** Sends one message to every open page. */
  readonly broadcast: (message: ServerMessage) => void;
  /** Milliseconds, for pacing rejection notices. */
  readonly now: () => number;
}

/**
 * The studio as a face of the engine: every change the session announces becomes a message to
 * every open page, so several pages stay in step with the one place where state lives. No
 * sockets here; src/node/server puts it on a WebSocket.
 */
export class StudioFace {
  private readonly stopListening: (() => void)[];
  private lastRejection = -Infinity;

  constructor(
    private readonly session: EditableSession,
    private readonly file: string,
    options: StudioFaceOptions,
  ) {
    const { broadcast, now } = options;
    const { events } = session;
    const counts = (counts: readonly number[], reason: string) => broadcast({ type: 'counts', counts, reason, undoable: session.undoable() });
    this.stopListening = [
      events.on('state', ({ state }) => broadcast({ type: 'state', state, playing: session.playing })),
      events.on('outputs', ({ values, computed }) => broadcast({ type: 'outputs', values: Array.from(values), computed })),
      events.on('example', ({ counts: c }) => counts(c, 'recorded')),
      events.on('examples', ({ counts: c, reason }) => counts(c, reason)),
      events.on('toggles', (toggles) => broadcast({ type: 'toggles', ...toggles })),
      events.on('modelStatus', ({ output, status }) => broadcast({ type: 'model', output, status })),
      events.on('trainingProgress', ({ output, fraction }) => broadcast({ type: 'progress', output, fraction })),
      events.on('trained', ({ trained, failed, cancelled }) => broadcast({ type: 'trained', trained, failed, cancelled })),
      events.on('project', ({ warning }) => broadcast(warning === undefined ? { type: 'snapshot', snapshot: this.snapshot() } : { type: 'snapshot', snapshot: this.snapshot(), warning })),
      events.on('rejected', ({ reason }) => {
        if (now() - this.lastRejection < REJECTION_INTERVAL_MS) return;
        this.lastRejection = now();
        broadcast({ type: 'rejected', reason });
      }),
      ...tellGestures(session, broadcast),
    ];
  }

  snapshot(): Snapshot {
    const s = this.session;
    const outputs = s.settings.outputs.map((_, j) => j);
    return {
      file: this.file,
      settings: s.settings,
      state: s.state,
      playing: s.playing,
      values: Array.from(s.values),
      toggles: { record: [...s.record], run: [...s.run], train: [...s.train] },
      counts: [...s.exampleCounts()],
      models: outputs.map((j) => s.modelStatus(j)),
      undoable: s.undoable(),
      algorithms: ALGORITHM_INFO,
      gestures: gestureBoard(s),
    };
  }

  close(): void {
    for (const stop of this.stopListening) stop();
  }
}
