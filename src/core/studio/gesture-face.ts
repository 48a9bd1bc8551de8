import type { Session } from '../project/session.ts';
import { type GestureBoard, type GestureMessage, finiteOrNull } from './gesture-protocol.ts';

/** Where the session's gesture outputs stand, for a page that connects or a project that changed. */
export function gestureBoard(session: Session): GestureBoard {
  const { gestures } = session;
  return { counts: gestures.counts(), learned: learnedThresholds(session), recording: gestures.recordingGesture };
}

/** Sends every page the gesture events of a session; returns the means to stop listening. */
export function tellGestures(session: Session, broadcast: (message: GestureMessage) => void): (() => void)[] {
  const { events } = session;
  return [
    events.on('templates', ({ counts, reason }) => broadcast({ type: 'templates', counts, learned: learnedThresholds(session), reason, undoable: session.undoable() })),
    events.on('gestureRecording', ({ output, gesture, recording }) => broadcast({ type: 'gestureRecording', output, gesture, recording })),
    events.on('gestureMatch', ({ output, match }) =>
      broadcast({ type: 'gestureMatch', output, distances: Array.from(match.distances, finiteOrNull), following: match.following, progress: match.following < 0 ? 0 : match.progress[match.following] }),
    ),
    events.on('gestureTriggered', ({ output, gesture, name }) => broadcast({ type: 'gestureFired', output, gesture, name })),
  ];
}

function learnedThresholds(session: Session): (number | null)[][] {
  return session.settings.gestureOutputs.map((o, j) => session.gestures.learnedThresholds(j)?.map(finiteOrNull) ?? o.gestures.map(() => null));
}
