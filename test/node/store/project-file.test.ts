import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makeProject } from '../../../src/core/project/project.ts';
import { Session } from '../../../src/core/project/session.ts';
import { InputError } from '../../../src/core/errors.ts';
import { ProjectFile } from '../../../src/node/store/project-file.ts';
import { openSession } from '../../../src/node/store/open-session.ts';

const dir = mkdtempSync(join(tmpdir(), 'oscine-store-'));
let counter = 0;
const fresh = () => join(dir, `p${++counter}.oscine`);

const files = new WeakMap<Session, ProjectFile>();

function newProject(path: string): Session {
  const settings = makeProject({ name: 'Theremin', inputs: 2, outputs: [{ kind: 'continuous', min: 0, max: 10, model: 'linear' }, { kind: 'classifier', classes: 3 }] });
  const file = ProjectFile.create(path, settings);
  const session = new Session(settings, { store: file });
  files.set(session, file);
  return session;
}

function fileOf(session: Session): ProjectFile {
  return files.get(session)!;
}

function record(session: Session, rounds: number): void {
  for (let r = 0; r < rounds; r++) {
    session.startRecording();
    for (let x = 0; x < 3; x += 0.5) {
      session.setOutputValues([x + r, 1 + (Math.floor(x) % 3)]);
      session.input([x, r]);
    }
    session.stopRecording();
  }
}

test('reopening restores settings, examples, history and trained models without retraining', async () => {
  const path = fresh();
  const session = newProject(path);
  record(session, 2);
  session.setToggle('record', [1], false);
  record(session, 1);
  assert.ok(session.selectInputs(1, [0]).ok);
  assert.ok((await session.trainModels()).ok);
  session.deleteLastRound();
  session.renameInputs(['pitch', 'volume']);
  session.startRunning();
  session.input([1.25, 0.5]);
  const before = [...session.values];
  fileOf(session).close();

  const { session: reopened, file } = openSession(path);
  assert.deepEqual(reopened.settings, session.settings);
  assert.deepEqual(reopened.exampleCounts(), session.exampleCounts());
  assert.deepEqual(reopened.examples().map((e) => [e.id, e.round, [...e.inputs], [...e.outputs]]), session.examples().map((e) => [e.id, e.round, [...e.inputs], [...e.outputs]]));
  assert.equal(reopened.modelStatus(0), 'needs-retraining');
  assert.deepEqual(reopened.modelDocument(0), session.modelDocument(0));
  reopened.startRunning();
  reopened.input([1.25, 0.5]);
  assert.deepEqual([...reopened.values], before, 'the reopened models play exactly as before');
  assert.deepEqual(reopened.undo(), { ok: true, value: { undone: 'delete recording round 3' } }, 'undo survives reopening');
  assert.deepEqual(reopened.exampleCounts(), [18, 12]);
  file.close();
  const again = openSession(path);
  assert.deepEqual(again.session.exampleCounts(), [18, 12]);
  again.file.close();
});

test('the file opens with plain SQLite, and another process can read it while it is open', () => {
  const path = fresh();
  const session = newProject(path);
  record(session, 1);
  fileOf(session).flush();
  const reader = new Database(path, { readonly: true });
  const row = reader.prepare("SELECT count(*) AS n, json_extract(inputs, '$[0]') AS first FROM examples").get() as { n: number; first: number };
  assert.deepEqual(row, { n: 6, first: 0 });
  const settings = JSON.parse((reader.prepare('SELECT json FROM settings').get() as { json: string }).json);
  assert.equal(settings.name, 'Theremin');
  reader.close();
  const readOnly = ProjectFile.open(path, { readonly: true });
  assert.equal(readOnly.load().examples.length, 6);
  readOnly.close();
  record(session, 1);
  fileOf(session).close();
});

test('examples wait at most 50 ms before they are written', async () => {
  const path = fresh();
  const session = newProject(path);
  record(session, 1);
  const count = () => (new Database(path, { readonly: true }).prepare('SELECT count(*) AS n FROM examples').get() as { n: number }).n;
  assert.equal(count(), 0, 'still in memory right after recording');
  await new Promise((resolve) => setTimeout(resolve, 120));
  assert.equal(count(), 6);
  fileOf(session).close();
});

test('the write-ahead log is copied into the file in a pause of the writing, not in the middle of a recording', async () => {
  const path = fresh();
  const session = newProject(path);
  const file = fileOf(session);
  const sizeBefore = statSync(path).size;
  session.startRecording();
  for (let i = 0; i < 3000; i++) session.input([i, i / 2]);
  session.stopRecording();
  file.flush();
  assert.equal(statSync(path).size, sizeBefore, 'right after writing, the examples are in the log only');
  assert.ok(statSync(`${path}-wal`).size > 100_000);
  await new Promise((resolve) => setTimeout(resolve, 1300));
  assert.ok(statSync(path).size > sizeBefore + 100_000, 'a second after the last write, they are in the file itself');
  file.close();
});

test('a file that is not an Oscine project, or is from a newer Oscine, is refused and left untouched', () => {
  const text = join(dir, 'notes.oscine');
  writeFileSync(text, 'my notes, not a project');
  assert.throws(() => ProjectFile.open(text), /notes\.oscine is not an Oscine project \(not an SQLite file\); it was left untouched/);
  assert.equal(readFileSync(text, 'utf8'), 'my notes, not a project');

  const other = join(dir, 'other.oscine');
  const db = new Database(other);
  db.exec('CREATE TABLE t (x)');
  db.close();
  const otherBytes = readFileSync(other);
  assert.throws(() => ProjectFile.open(other), /an SQLite database but not an Oscine project/);
  assert.deepEqual(readFileSync(other), otherBytes);

  const newer = fresh();
  fileOf(newProject(newer)).close();
  const raw = new Database(newer);
  raw.pragma('user_version = 99');
  raw.close();
  const newerBytes = readFileSync(newer);
  assert.throws(() => ProjectFile.open(newer), /saved by a newer Oscine \(project format 99; this one reads \d+\); update Oscine/);
  assert.deepEqual(readFileSync(newer), newerBytes);

  assert.throws(() => ProjectFile.open(join(dir, 'missing.oscine')), /no such project file/);
  assert.throws(() => ProjectFile.create(newer, makeProject({ inputs: 1, outputs: [{ kind: 'continuous' }] })), /already exists/);
  assert.throws(
    () => ProjectFile.create(join(dir, 'no-such-folder', 'show.oscine'), makeProject({ inputs: 1, outputs: [{ kind: 'continuous' }] })),
    (error: unknown) => error instanceof InputError && /the folder .*no-such-folder does not exist; create it first/.test(error.message),
  );
});

test('damaged settings in a project file are reported, not crashed on', () => {
  const path = fresh();
  fileOf(newProject(path)).close();
  const raw = new Database(path);
  raw.prepare('UPDATE settings SET json = ?').run(JSON.stringify({ name: 'x', inputs: [], outputs: [] }));
  raw.close();
  const file = ProjectFile.open(path);
  assert.throws(() => file.load(), /is damaged: settings\.inputs/);
  file.close();
});
