import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readModelDocument } from '../../../src/core/format/model-document.ts';
import { makeProject } from '../../../src/core/project/project.ts';
import { Session } from '../../../src/core/project/session.ts';
import { modelFilesBeside } from '../../../src/node/osc/model-files.ts';
import { oscine } from '../run-cli.ts';

async function trainedDocument() {
  const session = new Session(makeProject({ inputs: 1, outputs: [{ kind: 'continuous', min: 0, max: 10, model: 'linear' }] }));
  session.startRecording();
  for (let x = 0; x < 5; x++) {
    session.setOutputValues([2 * x]);
    session.input([x]);
  }
  session.stopRecording();
  await session.trainModels();
  return session.modelDocument(0)!;
}

test('saveModelToFile writes a model file beside the project that `oscine predict` reads', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'oscine-model-files-'));
  const files = modelFilesBeside(join(dir, 'show.oscine'));
  const document = await trainedDocument();
  const saved = files.save('line.json', document);
  assert.deepEqual(saved, { ok: true, value: join(dir, 'line.json') });
  assert.deepEqual(readModelDocument(JSON.parse(readFileSync(join(dir, 'line.json'), 'utf8')), 'line.json'), document);
  const predicted = oscine(['predict', join(dir, 'line.json')], '3\n');
  assert.equal(predicted.status, 0, predicted.stderr);
  assert.ok(Math.abs(Number(predicted.stdout.trim()) - 6) < 1e-6, predicted.stdout);
  assert.ok(files.save('line.json', document).ok, 'a model file may be replaced');
});

test('saveModelToFile writes only .json files and never replaces a file that is not a model', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'oscine-model-files-'));
  const files = modelFilesBeside(join(dir, 'show.oscine'));
  const document = await trainedDocument();
  writeFileSync(join(dir, 'notes.json'), '{"mine": true}');
  const cases: Array<[string, RegExp]> = [
    ['show.oscine', /ends in \.json/],
    ['../../etc/passwd', /ends in \.json/],
    ['notes.json', /exists and is not an Oscine model file; it was left untouched/],
    ['missing-folder/x.json', /could not write .*ENOENT/],
  ];
  for (const [path, reason] of cases) {
    const result = files.save(path, document);
    assert.equal(result.ok, false, path);
    assert.match(!result.ok ? result.reason : '', reason);
  }
  assert.equal(readFileSync(join(dir, 'notes.json'), 'utf8'), '{"mine": true}');
});

test('loadModelFromFile reads a model file beside the project, and says why when it cannot', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'oscine-model-files-'));
  const files = modelFilesBeside(join(dir, 'show.oscine'));
  const document = await trainedDocument();
  assert.ok(files.save('line.json', document).ok);
  assert.deepEqual(files.load('line.json'), { ok: true, value: { document, from: join(dir, 'line.json') } });
  writeFileSync(join(dir, 'broken.json'), '{"format": "oscine-model", "version": 1');
  writeFileSync(join(dir, 'newer.json'), JSON.stringify({ ...document, version: 99 }));
  const cases: Array<[string, RegExp]> = [
    ['gone.json', /^there is no model file .*gone\.json$/],
    ['broken.json', /broken\.json is not JSON, so not an Oscine model file/],
    ['newer.json', /newer Oscine \(model format 99\)/],
  ];
  for (const [path, reason] of cases) {
    const result = files.load(path);
    assert.equal(result.ok, false, path);
    assert.match(!result.ok ? result.reason : '', reason);
  }
});
