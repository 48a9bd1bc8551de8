import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makeProject } from '../../../src/core/project/project.ts';
import { Session } from '../../../src/core/project/session.ts';
import { readFeatureText } from '../../../src/core/temporal/features/feature-text.ts';
import { JavaRandom } from '../../../src/core/util/java-random.ts';
import { ProjectFile } from '../../../src/node/store/project-file.ts';
import { openSession } from '../../../src/node/store/open-session.ts';
import { PROJECT_FORMAT_VERSION } from '../../../src/node/store/schema.ts';

const dir = mkdtempSync(join(tmpdir(), 'oscine-output-features-'));
let counter = 0;
const random = new JavaRandom(11);
const frames = Array.from({ length: 150 }, (_, i) => [Math.sin(i / 6) + 0.1 * random.nextDouble(), random.nextDouble()]);

/** What a session sends for each frame played while running. */
function played(session: Session): number[][] {
  assert.ok(session.startRunning().ok);
  const sent = frames.map((frame) => {
    session.input(frame);
    return [...session.values];
  });
  session.stopRunning();
  return sent;
}

/** A project whose classifier and continuous output learned from features, saved and closed. */
async function savedProject() {
  const path = join(dir, `p${++counter}.oscine`);
  const settings = makeProject({ inputs: ['x', 'y'], outputs: [{ kind: 'classifier', name: 'hand', classes: 2 }, { kind: 'continuous', name: 'level', model: 'linear' }] });
  const file = ProjectFile.create(path, settings);
  const session = new Session(settings, { store: file });
  session.startRecording();
  frames.forEach((frame, i) => {
    session.setOutputValues([frame[0] > 0 ? 1 : 2, i / 150]);
    session.input(frame);
  });
  session.stopRecording();
  assert.ok(session.setFeatures(0, readFeatureText('x:velocity:3 y:mean:10~euro(1,0.5)', settings.inputs)).ok);
  assert.ok(session.setFeatures(1, readFeatureText('x:sd:6 y:value rate=50', settings.inputs)).ok);
  assert.ok((await session.trainModels()).ok);
  const sent = played(session);
  file.close();
  return { path, session, sent };
}

test('features and the trained models that play them are saved: reopened, the project sends the same values without retraining', async () => {
  const { path, session, sent } = await savedProject();
  const { session: reopened, file } = openSession(path);
  try {
    assert.deepEqual(reopened.settings, session.settings);
    assert.deepEqual([reopened.modelStatus(0), reopened.modelStatus(1)], ['trained', 'trained']);
    assert.deepEqual(played(reopened), sent);
  } finally {
    file.close();
  }
});

test('a project saved before format 4 (no features in its settings or models) opens, trains on its inputs, and is upgraded', async () => {
  const { path } = await savedProject();
  const raw = new Database(path);
  raw.exec('ALTER TABLE models DROP COLUMN features');
  const json = (raw.prepare('SELECT json FROM settings').get() as { json: string }).json;
  const settings = JSON.parse(json) as { outputs: Record<string, unknown>[] };
  settings.outputs.forEach((o) => delete o.features);
  raw.prepare('UPDATE settings SET json = ?').run(JSON.stringify(settings));
  raw.exec("UPDATE models SET status = 'untrained', document = NULL, inputs = '[]'");
  raw.pragma('user_version = 3');
  raw.close();
  const readOnly = ProjectFile.open(path, { readonly: true });
  assert.deepEqual(readOnly.load().models.map((m) => m?.features), [null, null]);
  readOnly.close();
  const { session, file } = openSession(path);
  try {
    assert.equal(session.settings.outputs[0].features, undefined);
    assert.ok((await session.trainModels()).ok);
    assert.equal(played(session).length, frames.length);
  } finally {
    file.close();
  }
  const { session: again, file: reopened } = openSession(path);
  reopened.close();
  assert.equal(again.modelStatus(0), 'trained');
  const upgraded = new Database(path, { readonly: true });
  assert.equal(upgraded.pragma('user_version', { simple: true }), PROJECT_FORMAT_VERSION);
  upgraded.close();
});

test("a damaged model's features are refused with the file named", async () => {
  const { path } = await savedProject();
  const raw = new Database(path);
  raw.prepare('UPDATE models SET features = ? WHERE output = 1').run(JSON.stringify({ features: [{ input: 5, kind: 'value' }] }));
  raw.close();
  assert.throws(() => openSession(path), { name: 'InputError', message: /p\d+\.oscine, model of output 2 is damaged: feature 1 reads input 6, but there are only 2 inputs/ });
});
