import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeProject } from '../../../src/core/project/project.ts';
import type { ServerMessage, Snapshot } from '../../../src/core/studio/protocol.ts';
import { ProjectFile } from '../../../src/node/store/project-file.ts';
import { Stage } from '../../../src/node/server/stage.ts';
import { type Studio, startStudio } from '../../../src/node/server/studio-server.ts';
import { freePorts } from '../osc/udp.ts';
import { PageClient } from './page-client.ts';

type Message<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;
const of =
  <T extends ServerMessage['type']>(type: T) =>
  (m: ServerMessage): m is Message<T> =>
    m.type === type;

/** A stroke of 30 frames from (x0, y0) to (x1, y1). */
function stroke(x0: number, y0: number, x1: number, y1: number): Float64Array[] {
  return Array.from({ length: 30 }, (_, i) => new Float64Array([x0 + ((x1 - x0) * i) / 29, y0 + ((y1 - y0) * i) / 29]));
}
const across = (y: number) => stroke(0.1, y, 0.9, y);
const down = (x: number) => stroke(x, 0.9, x, 0.1);

let dir: string;
let stage: Stage;
let studio: Studio;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'oscine-studio-gestures-'));
  const path = join(dir, 'strokes.oscine');
  const settings = makeProject({
    name: 'strokes',
    inputs: ['mouse-x', 'mouse-y'],
    outputs: [
      { kind: 'continuous', name: 'pitch', min: 0, max: 1 },
      { kind: 'gesture', name: 'strokes', gestures: ['across', 'down'] },
    ],
  });
  ProjectFile.create(path, settings).close();
  const [oscPort] = await freePorts(1);
  stage = await Stage.open(path, { oscPort });
  studio = await startStudio(stage, { host: '127.0.0.1', port: 0, files: dir });
});

after(async () => {
  await studio.close();
  await stage.close();
});

const socketUrl = () => studio.url.replace(/^http/, 'ws').replace(/\/(\?|$)/, '/socket$1');

async function send(page: PageClient, frames: readonly Float64Array[]): Promise<void> {
  for (const frame of frames) page.sendRaw(Buffer.from(frame.buffer));
  // A request after the frames is answered after they were taken: the socket keeps order.
  await page.ask({ do: 'listProjects' });
}

async function record(page: PageClient, gesture: number, frames: readonly Float64Array[]): Promise<Message<'reply'>> {
  const started = await page.ask({ do: 'recordGesture', output: 0, gesture, on: true });
  assert.ok(started.ok, JSON.stringify(started));
  await send(page, frames);
  return page.ask({ do: 'recordGesture', output: 0, gesture, on: false });
}

test('gesture outputs over the studio socket: hold-to-record, counts, learned thresholds, live matches, firing, threshold and undo, heard by every page', async () => {
  const [a, b] = await Promise.all([PageClient.open(socketUrl()), PageClient.open(socketUrl())]);
  try {
    const welcome = await b.next(of('welcome'));
    assert.deepEqual(welcome.snapshot.gestures, { counts: [[0, 0]], learned: [[null, null]], recording: null });
    await a.next(of('welcome'));

    // Mistakes come back refused, with the engine's or the checker's words.
    const noOutput = await a.ask({ do: 'recordGesture', output: 3, gesture: 0, on: true });
    assert.ok(!noOutput.ok && noOutput.reason === 'there is no gesture output 4; the project has 1 (numbered from 1)', JSON.stringify(noOutput));
    const negative = await a.ask({ do: 'setGestureThreshold', output: 0, gesture: 0, threshold: -1 });
    assert.ok(!negative.ok && negative.reason.startsWith("setGestureThreshold: 'threshold': "), JSON.stringify(negative));
    const short = await record(a, 0, across(0.5).slice(0, 1));
    assert.ok(!short.ok && short.reason.startsWith("no template was kept for 'across': only 1 input frame arrived"), JSON.stringify(short));

    // The other page may still be hearing of the short take: what follows is looked for by content.
    let from = b.heard.length;
    const kept = await record(a, 0, across(0.5));
    assert.deepEqual(kept.ok && kept.value, { output: 0, gesture: 0, frames: 30 });
    await b.next((m) => m.type === 'gestureRecording' && m.recording, from);
    const first = await b.next(of('templates'), from);
    assert.deepEqual(first.counts, [[1, 0]]);
    assert.equal(first.reason, "recorded 'across'");

    for (const y of [0.45, 0.55]) assert.ok((await record(a, 0, across(y))).ok);
    for (const x of [0.5, 0.45, 0.55]) assert.ok((await record(a, 1, down(x))).ok);
    // A page hears every broadcast before the reply to its own request; the other page follows.
    const board = a.heard.filter(of('templates')).at(-1)!;
    await b.next((m) => m.type === 'templates' && m.counts[0][1] === 3);
    assert.deepEqual(board.counts, [[3, 3]]);
    assert.ok(board.learned[0].every((t) => t !== null && t > 0), `learned thresholds ${JSON.stringify(board.learned)}`);

    // Running: performing "across" fires it, and only it; every page hears the distances.
    from = a.heard.length;
    assert.ok((await a.ask({ do: 'run', on: true })).ok);
    await send(a, [...Array.from({ length: 10 }, () => new Float64Array([0.1, 0.9])), ...across(0.52)]);
    await b.next(of('gestureFired'));
    const fired = a.heard.slice(from).filter(of('gestureFired'));
    assert.deepEqual(fired, [{ type: 'gestureFired', output: 0, gesture: 0, name: 'across' }]);
    const matches = a.heard.slice(from).filter(of('gestureMatch'));
    assert.ok(matches.length >= 30, `${matches.length} matches heard`);
    const last = matches.at(-1)!;
    assert.ok(last.distances[0]! < board.learned[0][0]! && last.distances[0]! < last.distances[1]!, JSON.stringify(last));
    assert.ok((await a.ask({ do: 'run', on: false })).ok);

    // A threshold of the user's, an off switch and back to the learned one reach the other page in its settings.
    from = b.heard.length;
    assert.ok((await a.ask({ do: 'setGestureThreshold', output: 0, gesture: 1, threshold: 0.25 })).ok);
    const changed = (await b.next((m): m is Message<'snapshot'> => m.type === 'snapshot' && m.snapshot.settings.gestureOutputs[0].gestures[1].threshold === 0.25, from)).snapshot as Snapshot;
    assert.deepEqual(changed.gestures.counts, [[3, 3]]);
    assert.ok((await a.ask({ do: 'enableGesture', output: 0, gesture: 1, on: false })).ok);
    await b.next((m) => m.type === 'snapshot' && !m.snapshot.settings.gestureOutputs[0].gestures[1].enabled, from);
    assert.ok((await a.ask({ do: 'setGestureThreshold', output: 0, gesture: 1, threshold: null })).ok);
    await b.next((m) => m.type === 'snapshot' && m.snapshot.settings.gestureOutputs[0].gestures[1].threshold === null, from);

    // Deleting a gesture's templates is undoable.
    from = b.heard.length;
    const deleted = await a.ask({ do: 'deleteGestureTemplates', output: 0, gesture: 1 });
    assert.deepEqual(deleted.ok && deleted.value, { deleted: 3 });
    const emptied = await b.next(of('templates'), from);
    assert.deepEqual([emptied.counts, emptied.learned[0][1], emptied.undoable.undo], [[[3, 0]], null, "delete the templates of 'down'"]);
    from = b.heard.length;
    assert.ok((await a.ask({ do: 'undo' })).ok);
    assert.deepEqual((await b.next(of('templates'), from)).counts, [[3, 3]]);

    // A new page hears where the gestures stand.
    const c = await PageClient.open(socketUrl());
    const late = await c.next(of('welcome'));
    c.close();
    assert.deepEqual(late.snapshot.gestures.counts, [[3, 3]]);
  } finally {
    a.close();
    b.close();
  }
});
