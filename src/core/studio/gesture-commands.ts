import type { Session } from '../project/session.ts';
import type { GestureTemplate } from '../project/gesture-template.ts';
import { type Result, done } from '../project/result.ts';
import type { SessionRequest } from './protocol.ts';

type GestureRequest = Extract<SessionRequest, { do: 'recordGesture' | 'enableGesture' | 'setGestureThreshold' | 'deleteGestureTemplates' }>;
type GestureCommand<K extends GestureRequest['do']> = (session: Session, request: Extract<GestureRequest, { do: K }>) => Result<unknown>;

/** The studio's gesture requests and the `session.gestures` commands they become. */
export const GESTURE_COMMANDS: { [K in GestureRequest['do']]: GestureCommand<K> } = {
  recordGesture: (s, r) => (r.on ? s.gestures.startRecording(r.output, r.gesture) : kept(s.gestures.stopRecording())),
  enableGesture: (s, r) => s.gestures.setEnabled(r.output, r.gesture, r.on),
  setGestureThreshold: (s, r) => s.gestures.setThreshold(r.output, r.gesture, r.threshold),
  deleteGestureTemplates: (s, r) => s.gestures.deleteTemplates(r.output, r.gesture),
};

/** What a recording kept, told without its frames: the gesture and how long it was. */
function kept(result: Result<{ template: GestureTemplate | null }>): Result<unknown> {
  if (!result.ok) return result;
  const { template } = result.value;
  return done(template && { output: template.output, gesture: template.gesture, frames: template.frames.length });
}
