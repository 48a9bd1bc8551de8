import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSession } from '../../src/node/store/open-session.ts';
import { oscine } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'oscine-cli-project-'));

test("new makes Wekinator's quick setups and custom mixes; info describes them", () => {
  const quick = join(dir, 'quick.oscine');
  const made = oscine(['new', quick, '--inputs', '3', '--outputs', '2', '--type', 'classifier', '--classes', '4']);
  assert.equal(made.status, 0, made.stderr);
  const info = JSON.parse(oscine(['info', quick, '--json']).stdout);
  assert.deepEqual(info.inputs, ['inputs-1', 'inputs-2', 'inputs-3']);
  assert.deepEqual(info.outputs.map((o: { name: string; kind: string; classes: number; model: string }) => [o.name, o.kind, o.classes, o.model]), [
    ['outputs-1', 'classifier', 4, 'knn'],
    ['outputs-2', 'classifier', 4, 'knn'],
  ]);
  assert.equal(info.examples, 0);

  const custom = join(dir, 'custom.oscine');
  assert.equal(oscine(['new', custom, '-i', '2', '--output', 'pitch:continuous:100:1000', '--output', 'mood:classifier:3']).status, 0);
  const text = oscine(['info', custom]).stdout;
  assert.match(text, /1\. pitch: continuous, 100\.\.1000; mlp; 0 examples; untrained/);
  assert.match(text, /2\. mood: classifier, 3 classes; knn; 0 examples; untrained/);
  assert.match(text, /listens on 127\.0\.0\.1:6448 for \/wek\/inputs; sends \/wek\/outputs to 127\.0\.0\.1:12000/);
});

test('train and eval work on a whole project, and the trained models are saved in it', () => {
  const path = join(dir, 'played.oscine');
  assert.equal(oscine(['new', path, '-i', '2', '--output', 'pitch:continuous:0:10', '--output', 'mood:classifier:2']).status, 0);
  const { session, file } = openSession(path);
  session.setModel(0, 'linear');
  session.startRecording();
  for (let x = 0; x < 5; x += 0.25) {
    session.setOutputValues([2 * x, x < 2.5 ? 1 : 2]);
    session.input([x, 1]);
  }
  session.stopRecording();
  file.close();

  const trained = oscine(['train', path]);
  assert.equal(trained.status, 0, trained.stderr);
  assert.match(trained.stdout, /pitch: trained linear on 20 examples/);
  assert.match(trained.stdout, /mood: trained knn on 20 examples/);
  const info = JSON.parse(oscine(['info', path, '--json']).stdout);
  assert.deepEqual(info.outputs.map((o: { status: string }) => o.status), ['trained', 'trained']);
  assert.equal(info.examples, 20);

  const evaluated = oscine(['eval', path, '--json']);
  assert.equal(evaluated.status, 0, evaluated.stderr);
  const report = JSON.parse(evaluated.stdout);
  const [pitch, mood] = report.outputs;
  assert.equal(pitch.task, 'regression');
  assert.ok(pitch.rmse < 1e-6, `a line is learned by linear regression, all but the tiny ridge (RMSE ${pitch.rmse})`);
  assert.equal(mood.task, 'classification');
  assert.equal(mood.folds, 10);
  assert.ok(mood.accuracy >= 0.9);
});

test('project commands refuse bad input with one line and exit code 2', () => {
  const cases: Array<[string[], RegExp]> = [
    [['new', join(dir, 'x.txt'), '-i', '2'], /name ends in \.oscine/],
    [['new', join(dir, 'y.oscine'), '-i', '2', '--type', 'classifier'], /needs --classes K/],
    [['new', join(dir, 'z.oscine'), '-i', '2', '--output', 'a:bell'], /'bell' is not an output type/],
    [['new', join(dir, 'z.oscine'), '-i', '0'], /--inputs takes a whole number of at least 1/],
    [['info', join(dir, 'absent.oscine')], /no such project file/],
    [['info', 'package.json'], /not an Oscine project/],
    [['train', join(dir, 'empty.oscine')], /no such project file/],
  ];
  for (const [args, message] of cases) {
    const run = oscine(args);
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message);
    assert.equal(run.stderr.trim().split('\n').length, 1);
  }
});
