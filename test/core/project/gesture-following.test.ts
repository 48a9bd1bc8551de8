import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeProject, type OutputRequest } from '../../../src/core/project/project.ts';
import { Session } from '../../../src/core/project/session.ts';
import { rest, stroke } from './gesture-strokes.ts';

/** A pen project whose gesture output knows a caret and an S, one 40-frame template each. */
function penSession(request: Partial<Extract<OutputRequest, { kind: 'gesture' }>> = {}) {
  let clock = 0;
  // Derivatives off: the change per frame doubles when a stroke is played twice as fast, which the templates never showed.
  const output: OutputRequest = { kind: 'gesture', name: 'pen', gestures: ['caret', 'S'], following: true, options: { derivatives: false }, ...request };
  const session = new Session(makeProject({ inputs: 2, outputs: [output] }), { now: () => (clock += 10) });
  for (const [gesture, shape] of [[0, 1], [1, 2]]) {
    session.gestures.startRecording(0, gesture);
    stroke(shape, 40).forEach((frame) => session.input(frame));
    assert.ok(session.gestures.stopRecording().ok);
  }
  return session;
}

/** Plays frames while running; returns the following of output 0 after each frame, copied. */
function follow(session: Session, frames: number[][]): { gesture: number; progress: number; speed: number }[] {
  const seen: { gesture: number; progress: number; speed: number }[] = [];
  const stop = session.events.on('outputs', ({ following }) => seen.push({ ...following[0] }));
  frames.forEach((frame) => session.input(frame));
  stop();
  return seen;
}

test('the caret played at half and at double its template speed: speed about 0.5 and 2, progress rising to about 1', () => {
  const session = penSession();
  assert.ok(session.startRunning().ok);
  assert.ok(follow(session, rest(20)).every((f) => f.gesture === -1 && f.progress === 0 && f.speed === 0), 'at rest nothing is under way');
  for (const [frames, speed] of [[80, 0.5], [20, 2]]) {
    const seen = follow(session, stroke(1, frames));
    assert.ok(seen.every((f) => f.gesture === 0), `${frames} frames: the caret is followed from its first frame`);
    seen.slice(1).forEach((f, i) => assert.ok(f.progress >= seen[i].progress, `${frames} frames: progress falls at frame ${i + 1}: ${seen[i].progress} → ${f.progress}`));
    assert.ok(seen.at(-1)!.progress >= 0.97, `${frames} frames: progress ends at ${seen.at(-1)!.progress}`);
    // Template frames per input frame over the whole match so far: (j + 1) / frames matched, which starts at 1 and tends to the true pace.
    const late = seen.slice(frames / 2);
    assert.ok(late.every((f) => Math.abs(f.speed - speed) < 0.1 * speed), `${frames} frames: speed ${late.map((f) => f.speed.toFixed(2)).join(' ')}, not about ${speed}`);
    follow(session, rest(20));
  }
  assert.deepEqual(follow(session, rest(1)), [{ gesture: -1, progress: 0, speed: 0 }]);
});

test('following is off by default, is a setting saved with the output, and needs continuous matching', () => {
  const plain = makeProject({ inputs: 2, outputs: [{ kind: 'gesture' }] });
  assert.equal(plain.gestureOutputs[0].following, false);
  const session = penSession({ following: false });
  let saved = 0;
  session.events.on('project', () => saved++);
  assert.ok(session.gestures.setFollowing(0, true).ok);
  assert.equal(session.settings.gestureOutputs[0].following, true);
  assert.equal(saved, 1);
  assert.deepEqual(session.gestures.setMatching(0, 'once'), {
    ok: false,
    reason: "the gesture output 'pen' matches once, when running stops, so there is nothing to follow while a gesture is under way; match continuously, or turn following off",
  });
  assert.ok(session.gestures.setFollowing(0, false).ok && session.gestures.setMatching(0, 'once').ok);
  assert.throws(() => makeProject({ inputs: 1, outputs: [{ kind: 'gesture', matching: 'once', following: true }] }), /nothing to follow/);
  assert.deepEqual(session.gestures.setFollowing(1, true), { ok: false, reason: 'there is no gesture output 2; the project has 1 (numbered from 1)' });
});

test('every outputs event carries the following of each gesture output; turning following off and on disturbs no performance; running again starts from none', () => {
  const session = penSession();
  session.startRunning();
  const during = follow(session, [...rest(5), ...stroke(2, 30)]);
  assert.equal(during.at(-1)!.gesture, 1, 'the S is under way');
  const distances = [...session.gestures.distances()[0]];
  session.gestures.setFollowing(0, false);
  session.gestures.setFollowing(0, true);
  assert.deepEqual([...session.gestures.distances()[0]], distances);
  assert.equal(follow(session, stroke(2, 40).slice(30, 31))[0].gesture, 1, 'the S is still under way');
  session.stopRunning();
  session.startRunning();
  assert.deepEqual(session.gestures.following(), [{ gesture: -1, progress: 0, speed: 0 }]);
});
