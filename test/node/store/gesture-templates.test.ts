import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { makeProject } from '../../../src/core/project/project.ts';
import { Session } from '../../../src/core/project/session.ts';
import { ProjectFile } from '../../../src/node/store/project-file.ts';
import { openSession } from '../../../src/node/store/open-session.ts';
import { PROJECT_FORMAT_VERSION } from '../../../src/node/store/schema.ts';
import { takes } from '../../core/project/gesture-strokes.ts';

const dir = mkdtempSync(join(tmpdir(), 'oscine-gestures-'));
let counter = 0;
const fresh = () => join(dir, `g${++counter}.oscine`);

function newProject(path: string) {
  const settings = makeProject({ inputs: 2, outputs: [{ kind: 'continuous' }, { kind: 'gesture', name: 'strokes', gestures: 3 }] });
  const file = ProjectFile.create(path, settings);
  return { session: new Session(settings, { store: file }), file };
}

function recordStrokes(session: Session): void {
  for (const { gesture, frames } of takes()) {
    session.gestures.startRecording(0, gesture);
    frames.forEach((frame) => session.input(frame));
    session.gestures.stopRecording();
  }
}

const exactly = (session: Session) => session.gestures.templates().map((t) => [t.id, t.output, t.gesture, t.round, t.time, t.frames.length, t.frames.width, [...t.frames.values]]);

test('reopening restores gesture outputs and their templates, frame for frame, what was learned from them, and undo', () => {
  const path = fresh();
  const { session, file } = newProject(path);
  recordStrokes(session);
  session.gestures.renameGestures(0, ['circle', 'line', 'vee']);
  session.gestures.setThreshold(0, 2, 0.25);
  session.gestures.setEnabled(0, 1, false);
  session.gestures.setOptions(0, { hysteresis: 0.2 });
  session.gestures.deleteTemplates(0, 0);
  file.close();

  const { session: reopened, file: again } = openSession(path);
  try {
    assert.deepEqual(reopened.settings, session.settings);
    assert.deepEqual(exactly(reopened), exactly(session));
    assert.deepEqual(reopened.gestures.counts(), [[0, 3, 3]]);
    assert.deepEqual(reopened.gestures.learnedThresholds(0), session.gestures.learnedThresholds(0));
    assert.deepEqual(reopened.undo(), { ok: true, value: { undone: "delete the templates of 'circle'" } }, 'deleted templates wait in the file for an undo');
    assert.deepEqual(reopened.gestures.counts(), [[3, 3, 3]]);
  } finally {
    again.close();
  }
});

test('a project saved before gestures existed opens, and is upgraded so that an older Oscine cannot drop gestures', () => {
  const path = fresh();
  const { file } = newProject(path);
  file.close();
  const raw = new Database(path);
  const settings = JSON.parse((raw.prepare('SELECT json FROM settings').get() as { json: string }).json) as Record<string, unknown>;
  delete settings.gestureOutputs;
  settings.outputs = [(settings.outputs as unknown[])[0]];
  raw.prepare('UPDATE settings SET json = ?').run(JSON.stringify(settings));
  raw.exec('DROP TABLE templates');
  raw.pragma('user_version = 1');
  raw.close();

  const readOnly = ProjectFile.open(path, { readonly: true });
  const contents = readOnly.load();
  readOnly.close();
  assert.deepEqual([contents.settings.gestureOutputs, contents.templates], [[], []]);

  const { session, file: opened } = openSession(path);
  opened.close();
  assert.equal(session.settings.outputs.length, 1);
  const upgraded = new Database(path, { readonly: true });
  assert.equal(upgraded.pragma('user_version', { simple: true }), PROJECT_FORMAT_VERSION);
  assert.ok(upgraded.prepare("SELECT 1 FROM sqlite_master WHERE name = 'templates'").get());
  upgraded.close();
});

test('damaged gesture settings are refused with the file named', () => {
  const path = fresh();
  newProject(path).file.close();
  const raw = new Database(path);
  const settings = JSON.parse((raw.prepare('SELECT json FROM settings').get() as { json: string }).json) as { gestureOutputs: { gestures: { address: string }[] }[] };
  settings.gestureOutputs[0].gestures[0].address = 'no slash';
  raw.prepare('UPDATE settings SET json = ?').run(JSON.stringify(settings));
  raw.close();
  assert.throws(() => openSession(path), { name: 'InputError', message: /g\d+\.oscine is damaged: a gesture's OSC address must start with \/ and have no spaces, not 'no slash'/ });
});

test('a process killed while recording gestures keeps every template it reported as kept, exactly', async (t) => {
  const recorder = fileURLToPath(new URL('./record-gestures-until-killed.ts', import.meta.url));
  for (let run = 1; run <= 3; run++) {
    const path = fresh();
    const child = spawn(process.execPath, ['--import', 'tsx', recorder, path], { stdio: ['ignore', 'pipe', 'inherit'] });
    let reported = 0;
    const wanted = 20 + Math.floor(Math.random() * 60);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, signal) => resolve(signal)));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      for (const match of text.matchAll(/kept (\d+)/g)) reported = Number(match[1]);
      if (reported >= wanted) child.kill('SIGKILL');
    });
    assert.equal(await exited, 'SIGKILL', `run ${run}: the recorder stopped by itself`);
    const file = ProjectFile.open(path);
    const { templates } = file.load();
    file.close();
    assert.ok(templates.length >= reported, `run ${run}: ${reported} templates reported, ${templates.length} stored`);
    templates.forEach((template, i) => {
      const n = i + 1;
      assert.deepEqual([template.id, template.gesture, template.frames.length], [n, n % 3, 20], `run ${run}, template ${n}`);
      assert.deepEqual([...template.frames.values], Array.from({ length: 20 }, (_, f) => [n, f]).flat(), `run ${run}, template ${n}`);
    });
    t.diagnostic(`run ${run}: killed after ${reported} reported; ${templates.length} stored`);
  }
});
