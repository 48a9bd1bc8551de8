import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makeProject } from '../../../src/core/project/project.ts';
import { Session } from '../../../src/core/project/session.ts';
import { readFeatureText } from '../../../src/core/temporal/features/feature-text.ts';
import { ProjectFile } from '../../../src/node/store/project-file.ts';
import { openSession } from '../../../src/node/store/open-session.ts';
import { PROJECT_FORMAT_VERSION } from '../../../src/node/store/schema.ts';
import { takes } from '../../core/project/gesture-strokes.ts';

const dir = mkdtempSync(join(tmpdir(), 'oscine-gesture-settings-'));
let counter = 0;

/** A project with a gesture output that has templates, following on and velocity features, saved and closed. */
function savedProject(): { path: string; session: Session } {
  const path = join(dir, `p${++counter}.oscine`);
  const settings = makeProject({ inputs: ['x', 'y'], outputs: [{ kind: 'gesture', name: 'pen', gestures: 3 }] });
  const file = ProjectFile.create(path, settings);
  const session = new Session(settings, { store: file });
  for (const { gesture, frames } of takes()) {
    session.gestures.startRecording(0, gesture);
    frames.forEach((frame) => session.input(frame));
    session.gestures.stopRecording();
  }
  assert.ok(session.gestures.setFollowing(0, true).ok);
  assert.ok(session.gestures.setFeatures(0, readFeatureText('x:velocity y:velocity x:value~euro(1,0.01)', settings.inputs)).ok);
  file.close();
  return { path, session };
}

function rewrite(path: string, change: (settings: { gestureOutputs: Record<string, unknown>[] }) => void, version: number): void {
  const raw = new Database(path);
  const settings = JSON.parse((raw.prepare('SELECT json FROM settings').get() as { json: string }).json) as { gestureOutputs: Record<string, unknown>[] };
  change(settings);
  raw.prepare('UPDATE settings SET json = ?').run(JSON.stringify(settings));
  raw.pragma(`user_version = ${version}`);
  raw.close();
}

test('following and features are saved with the gesture output, and the reopened output learns the same from its raw templates', () => {
  const { path, session } = savedProject();
  const { session: reopened, file } = openSession(path);
  try {
    assert.deepEqual(reopened.settings, session.settings);
    assert.equal(reopened.settings.gestureOutputs[0].following, true);
    assert.deepEqual(reopened.gestures.learnedThresholds(0), session.gestures.learnedThresholds(0));
  } finally {
    file.close();
  }
});

test('a format 2 project (no features, no following) opens as it was, and is upgraded to the current format', () => {
  const { path } = savedProject();
  rewrite(path, (settings) => settings.gestureOutputs.forEach((o) => {
    delete o.features;
    delete o.following;
    o.inputs = [true, true];
  }), 2);
  const { session, file } = openSession(path);
  file.close();
  const output = session.settings.gestureOutputs[0];
  assert.deepEqual([output.features, output.following, output.inputs], [null, false, [true, true]]);
  assert.deepEqual(session.gestures.counts(), [[3, 3, 3]], 'no template is lost');
  const upgraded = new Database(path, { readonly: true });
  assert.equal(upgraded.pragma('user_version', { simple: true }), PROJECT_FORMAT_VERSION);
  upgraded.close();
});

test('damaged features in a file are refused with the file named', () => {
  const { path } = savedProject();
  rewrite(path, (settings) => (settings.gestureOutputs[0].features = { rate: 100, features: [{ input: 7, kind: 'value' }] }), 3);
  assert.throws(() => openSession(path), { name: 'InputError', message: /p\d+\.oscine is damaged: feature 1 reads input 8, but there are only 2 inputs/ });
  rewrite(path, (settings) => (settings.gestureOutputs[0].features = { features: [{ input: 0, kind: 'jerk' }] }), 3);
  assert.throws(() => openSession(path), { name: 'InputError', message: /p\d+\.oscine is damaged: settings\.gestureOutputs\.0\.features\.features\.0\.kind/ });
});
