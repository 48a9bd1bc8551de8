import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readWekinatorFolder } from '../../src/node/files/wekinator-folder.ts';
import { ProjectFile, type ProjectContents } from '../../src/node/store/project-file.ts';
import { WEKA_JAR, needsWeka } from '../peers/weka.ts';
import {
  REAL_PROJECTS, builderXml, classifierOutput, currentData, gestureOutput, inputConfig, javaStream, numericOutput, outputConfig, pathXml, writeFolder, wekproj,
} from '../core/project/wekinator-fixtures.ts';
import { type CliResult, oscine } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'oscine-wekinator-'));
const bin = fileURLToPath(new URL('../../bin/oscine.js', import.meta.url));

/** Runs `oscine` without blocking, so the slow imports below overlap. */
function oscineSoon(args: string[], cwd?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, OSCINE_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const puckFolder = mkdtempSync(join(tmpdir(), 'oscine-cwd-'));
// The three real projects import (and train) side by side while the first tests wait for theirs.
const imports = {
  hockey: oscineSoon(['import-wekinator', join(REAL_PROJECTS, 'pong-hockey'), join(dir, 'hockey.oscine')]),
  drawing: oscineSoon(['import-wekinator', join(REAL_PROJECTS, 'drawing-game', 'WekinatorProject.wekproj'), join(dir, 'drawing.oscine')]),
  puck: oscineSoon(['import-wekinator', join(REAL_PROJECTS, 'pong-puck')], puckFolder),
};

function load(path: string): ProjectContents {
  const file = ProjectFile.open(path, { readonly: true });
  try {
    return file.load();
  } finally {
    file.close();
  }
}

/** The data lines of a currentData.arff, counted without Oscine's reader. */
function dataLines(arff: string): string[] {
  const lines = arff.split('\n');
  return lines.slice(lines.findIndex((l) => l.trim() === '@data') + 1).filter((l) => l.trim() !== '');
}

function realData(folder: string): string[] {
  return dataLines(readFileSync(join(REAL_PROJECTS, folder, 'current', 'currentData.arff'), 'utf8'));
}

/** A user error: exit 2 and one line on stderr. */
function refused(run: CliResult, message: RegExp): void {
  assert.equal(run.status, 2, run.stderr + run.stdout);
  assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  assert.match(run.stderr.trim(), message);
}

test('pong-hockey: imports settings and all examples, trains the classifier and the continuous output, and exports what Weka and Wekinator read', async (t) => {
  const out = join(dir, 'hockey.oscine');
  const run = await imports.hockey;
  assert.equal(run.status, 0, run.stderr);
  const lines = realData('pong-hockey');
  assert.equal(lines.length, 7465);
  assert.match(run.stdout, /7465 examples in 13 recording rounds/);
  assert.match(run.stdout, /outputs go to 10\.201\.28\.7:12000 at \/wek\/outputs/);
  assert.match(run.stdout, /outputs-1: classifier, 3 classes, knn; 7465 examples; trained in \d+ ms/);
  assert.match(run.stdout, /outputs-2: continuous 0\.\.1, mlp; 7465 examples; trained in \d+ ms/);

  const project = load(out);
  assert.equal(project.settings.name, 'Hockey');
  assert.equal(project.settings.osc.port, 6449);
  assert.deepEqual(project.settings.outputs.map((o) => [o.kind, o.name, o.model]), [['classifier', 'outputs-1', 'knn'], ['continuous', 'outputs-2', 'mlp']]);
  assert.equal(project.examples.length, 7465);
  assert.deepEqual(project.models.map((m) => [m?.status, m?.document?.examples]), [['trained', 7465], ['trained', 7465]]);
  const last = project.examples.at(-1)!;
  assert.deepEqual([last.id, last.round, last.time, [...last.inputs], [...last.outputs]], [7465, 13, Date.UTC(2018, 1, 15, 12, 17, 12, 421), [400, 192, 1024, 0], [3, 0.028033]]);

  const arff = join(dir, 'hockey.arff');
  const exported = oscine(['export', out, arff]);
  assert.equal(exported.status, 0, exported.stderr);
  assert.match(exported.stdout, /Exported 7465 examples \(13 recording rounds\) of 'Hockey'/);
  // Same layout and values as Wekinator's own file, row for row (only the column names differ: Tilt and Swing were renamed).
  assert.deepEqual(dataLines(readFileSync(arff, 'utf8')), lines);
  if (!needsWeka(t)) return;
  const summary = execFileSync('java', ['-cp', WEKA_JAR, 'weka.core.Instances', arff], { encoding: 'utf8' });
  assert.match(summary, /Num Instances:\s+7465\n/);
  assert.match(summary, /Num Attributes:\s+9\n/);
});

test('drawing-game (given by its .wekproj file): 14 named inputs, two continuous outputs, every example', async () => {
  const out = join(dir, 'drawing.oscine');
  const run = await imports.drawing;
  assert.equal(run.status, 0, run.stderr);
  const count = realData('drawing-game').length;
  assert.equal(count, 1298);
  const project = load(out);
  assert.equal(project.settings.inputs.length, 14);
  assert.equal(project.settings.inputs[11], 'timeBeforeDrawing');
  assert.deepEqual(project.settings.outputs.map((o) => (o.kind === 'continuous' ? [o.name, o.min, o.max] : [])), [['selectedX', -1, 1], ['selectedY', -1, 1]]);
  assert.equal(project.examples.length, count);
  assert.deepEqual([project.examples[0].id, project.examples[0].round], [5931, 17]);
  assert.deepEqual(project.models.map((m) => m?.status), ['trained', 'trained']);
});

test("pong-puck: the default file is named after the project in the current folder, and is never overwritten", async () => {
  const cwd = puckFolder;
  const run = await imports.puck;
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /→ Puck\.oscine/);
  const project = load(join(cwd, 'Puck.oscine'));
  assert.equal(project.examples.length, realData('pong-puck').length);
  assert.equal(project.examples.length, 1286);
  assert.equal(project.models[0]?.status, 'trained');
  refused(oscine(['import-wekinator', join(REAL_PROJECTS, 'pong-puck')], undefined, cwd), /^oscine: Puck\.oscine already exists; open it, or choose another name$/);
});

test('a hand-made project: hard limits, whole numbers, probabilities, custom ports and hosts, missing values, and the saved model choice', () => {
  const folder = writeFolder(join(dir, 'strings'), 'Strings', {
    project: wekproj('Strings', 7000),
    inputs: inputConfig(['bow', 'finger'], '/violin/in'),
    outputs: outputConfig([numericOutput('pitch', 0, 24, 'INTEGER', 'HARD'), classifierOutput('articulation', 3, true)], '192.168.1.20', 57120, '/violin/out'),
    data: currentData(['bow', 'finger'], [['pitch', 'numeric'], ['articulation', '{0,1,2,3}']], [
      "1,'2021/03/04 05:06:07:008',1,0.1,0.2,3,1",
      "2,'2021/03/04 05:06:07:108',1,0.2,0.3,5,2",
      "3,'2021/03/04 05:06:07:208',2,0.3,?,7,0",
      "4,'2021/03/04 05:06:07:308',2,0.4,0.5,?,3",
      "5,'2021/03/04 05:06:07:408',2,0.5,0.6,9,?",
    ]),
    models: { 1: javaStream(pathXml(builderXml('KNNModelBuilder', { numNeighbors: 3 }), ['finger'])) },
  });
  const out = join(dir, 'strings.oscine');
  const run = oscine(['import-wekinator', folder, out]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /note: 1 example has class 0 \("no class"\) for 'articulation'/);
  assert.match(run.stdout, /pitch: continuous 0\.\.24 \(whole numbers, hard limits\), mlp; 4 examples; trained in \d+ ms/);
  assert.match(run.stdout, /articulation: classifier, 3 classes with probabilities, knn \(k=3\); 3 examples; trained in \d+ ms/);
  const { settings, examples, models } = load(out);
  assert.deepEqual(settings.osc, { port: 7000, host: '127.0.0.1', inputAddress: '/violin/in', outputAddress: '/violin/out', outputHost: '192.168.1.20', outputPort: 57120 });
  assert.deepEqual(settings.outputs, [
    { kind: 'continuous', name: 'pitch', min: 0, max: 24, integer: true, hardLimits: true, model: 'mlp', params: {}, inputs: [true, true] },
    { kind: 'classifier', name: 'articulation', classes: 3, probabilities: true, model: 'knn', params: { k: 3 }, inputs: [false, true] },
  ]);
  assert.deepEqual(examples.map((e) => [[...e.inputs], [...e.outputs]]), [
    [[0.1, 0.2], [3, 1]], [[0.2, 0.3], [5, 2]], [[0.3, Number.NaN], [7, Number.NaN]], [[0.4, 0.5], [Number.NaN, 3]], [[0.5, 0.6], [9, Number.NaN]],
  ]);
  assert.deepEqual(models.map((m) => [m?.status, m?.inputs]), [['trained', [0, 1]], ['trained', [1]]]);
});

const good = { project: wekproj('P'), inputs: inputConfig(['a']), outputs: outputConfig([numericOutput('o', 0, 1)]), data: currentData(['a'], [['o', 'numeric']], []) };
const folder = (name: string, files: Parameters<typeof writeFolder>[2]) => writeFolder(join(dir, name), 'P', files);

test('damaged XML and missing files give one clear line and exit 2, and leave no project file behind', async () => {
  const noInputs = folder('no-inputs', good);
  rmSync(join(noInputs, 'inputConfig.xml'));
  const attempts: [string, RegExp][] = [
    [folder('damaged', { ...good, outputs: good.outputs.replace('</outputs>', '</output>') }), /^oscine: .*damaged\/outputConfig\.xml, line 16, column 3: <\/output> closes <outputs>, which was opened on line 6$/],
    [noInputs, /^oscine: .*no-inputs\/inputConfig\.xml: no such file$/],
  ];
  const runs = await Promise.all(attempts.map(([path], k) => oscineSoon(['import-wekinator', path, join(dir, `failed-${k}.oscine`)])));
  runs.forEach((run, k) => {
    refused(run, attempts[k][1]);
    assert.ok(!existsSync(join(dir, `failed-${k}.oscine`)), `attempt ${k} left a project file`);
  });
});

test('a project with only a gesture output needs no examples file; its templates are left behind with a note', () => {
  const imported = readWekinatorFolder(folder('gesture', { ...good, outputs: outputConfig([gestureOutput('swipe')]), data: undefined }));
  assert.deepEqual([imported.settings.outputs, imported.examples, imported.settings.gestureOutputs.map((o) => o.name)], [[], [], ['swipe']]);
  assert.deepEqual(imported.notes, ["the templates of the gesture output 'swipe' stay in Wekinator (they are stored as Java objects); record them again in Oscine"]);
});

test('a folder that is not a Wekinator project is refused before anything is written', () => {
  const refuses = (path: string, message: RegExp) => assert.throws(() => readWekinatorFolder(path), { name: 'InputError', message });
  refuses(folder('no-data', { ...good, data: undefined }), /no-data\/current\/currentData\.arff: no such file$/);
  refuses(join(REAL_PROJECTS, '..'), /has no \.wekproj file; a Wekinator project folder holds <name>\.wekproj, inputConfig\.xml, outputConfig\.xml and current\/currentData\.arff$/);
  refuses(join(dir, 'nowhere'), /nowhere: no such folder$/);
  const twice = folder('twice', good);
  writeFileSync(join(twice, 'Copy.wekproj'), good.project);
  refuses(twice, /twice has several \.wekproj files \((Copy\.wekproj, P\.wekproj|P\.wekproj, Copy\.wekproj)\); give the one to import instead of the folder$/);
  refuses(join(twice, 'inputConfig.xml'), /inputConfig\.xml is neither a Wekinator project folder nor its \.wekproj file$/);
});

test('export then import through the CLI adds the same examples again as a new round', async () => {
  assert.equal((await imports.puck).status, 0);
  const out = join(dir, 'puck.oscine');
  cpSync(join(puckFolder, 'Puck.oscine'), out);
  const csv = join(dir, 'puck.csv');
  assert.equal(oscine(['export', out, csv]).status, 0);
  const [run, again, mismatch] = await Promise.all([
    oscineSoon(['import', out, csv]),
    oscineSoon(['export', out, csv]),
    oscineSoon(['import', join(dir, 'hockey.oscine'), join(REAL_PROJECTS, 'drawing-game', 'current', 'currentData.arff')]),
  ]);
  refused(again, /^oscine: .*puck\.csv already exists; choose another name, or add --force to replace it$/);
  refused(mismatch, /^oscine: .*currentData\.arff has no column for the inputs 'inputs-1', 'inputs-2', 'inputs-3', 'inputs-4'; its columns are ID, Time, Training round, x, y,/);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /Added 1286 examples from .*puck\.csv to .*puck\.oscine as recording round 4/);
  assert.match(run.stdout, /the models of outputs-1 need retraining: oscine train/);
  const { examples, models } = load(out);
  assert.equal(examples.length, 2572);
  assert.equal(models[0]?.status, 'needs-retraining');
  const [before, after] = [examples.slice(0, 1286), examples.slice(1286)];
  assert.deepEqual(after.map((e) => [e.round, e.time, [...e.inputs], [...e.outputs]]), before.map((e) => [4, e.time, [...e.inputs], [...e.outputs]]));
  assert.deepEqual(after.map((e) => e.id), before.map((_, k) => 1287 + k));
});
