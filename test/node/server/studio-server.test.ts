import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { ExampleRow, ServerMessage, Snapshot } from '../../../src/core/studio/protocol.ts';
import { Stage } from '../../../src/node/server/stage.ts';
import { type Studio, startStudio } from '../../../src/node/server/studio-server.ts';
import { classifierOutput, currentData, inputConfig, numericOutput, outputConfig, wekproj, writeFolder } from '../../core/project/wekinator-fixtures.ts';
import { PageClient } from './page-client.ts';
import { fakeBuild, openStage } from './studio-fixtures.ts';

const socketUrl = (studio: Studio) => studio.url.replace(/^http/, 'ws').replace(/\/(\?|$)/, '/socket$1');
const isSnapshot = (m: ServerMessage): m is Extract<ServerMessage, { type: 'snapshot' | 'welcome' }> => m.type === 'snapshot' || m.type === 'welcome';

describe('the studio server on this computer', () => {
  let dir: string;
  let stage: Stage;
  let studio: Studio;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'oscine-studio-server-'));
    stage = await openStage(dir);
    studio = await startStudio(stage, { host: '127.0.0.1', port: 0, files: fakeBuild(dir) });
  });

  after(async () => {
    await studio.close();
    await stage.close();
  });

  /** Opens pages (each has heard its welcome), lets `use` play with them, and closes them. */
  async function withPages(count: number, use: (pages: PageClient[]) => Promise<void>): Promise<void> {
    const pages = await Promise.all(Array.from({ length: count }, () => PageClient.open(socketUrl(studio))));
    try {
      await Promise.all(pages.map((page) => page.next((m) => m.type === 'welcome')));
      await use(pages);
    } finally {
      for (const page of pages) page.close();
    }
  }

  test('serves the built page, its files, and the page for any other path', async () => {
    assert.match(studio.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal(studio.paired, false);
    const page = await fetch(studio.url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<title>studio/);
    const script = await fetch(new URL('assets/app.js', studio.url));
    assert.match(script.headers.get('content-type')!, /javascript/);
    assert.equal(await (await fetch(new URL('examples/%E0%A4%A', studio.url))).text(), '<!doctype html><title>studio</title>');
    assert.equal((await fetch(new URL('../../package.json', studio.url))).headers.get('content-type'), 'text/html; charset=utf-8');
  });

  test('a page hears the whole project when it connects', () =>
    withPages(1, async ([page]) => {
      const welcome = await page.next((m) => m.type === 'welcome');
      assert.ok(welcome.type === 'welcome');
      assert.equal(welcome.snapshot.file, 'played.oscine');
      assert.deepEqual(welcome.snapshot.settings.outputs.map((o) => o.name), ['pitch', 'mood']);
      assert.deepEqual(welcome.snapshot.counts, [0, 0]);
      assert.ok(welcome.snapshot.algorithms.some((a) => a.name === 'knn' && a.params.k !== undefined));
    }));

  test('bad messages get a reply that says what is wrong, and the server carries on', () =>
    withPages(1, async ([page]) => {
      const errors = () => page.heard.filter((m) => m.type === 'error').map((m) => (m as { reason: string }).reason);
      page.sendRaw('nonsense');
      page.sendRaw(JSON.stringify({ do: 'train' }));
      page.sendRaw(JSON.stringify([1, 2]));
      page.sendRaw(Buffer.alloc(5));
      await page.next(() => errors().length === 4);
      assert.deepEqual(errors(), [
        'a request must be JSON, like {"id": 1, "do": "train"}',
        'train: every request needs a whole-number "id"',
        'a request needs "do": the name of what to do',
        'an input frame is a whole number of 64-bit floats; this one has 5 bytes',
      ]);
      assert.deepEqual(await page.ask({ do: 'flurb' }), { type: 'reply', id: 1, ok: false, reason: "there is no request called 'flurb'" });
      const wrongValue = await page.ask({ do: 'setValue', output: 0, value: 'high' });
      assert.ok(!wrongValue.ok && /^setValue: 'value': /.test(wrongValue.reason), JSON.stringify(wrongValue));
      const noSuchOutput = await page.ask({ do: 'setValue', output: 7, value: 1 });
      assert.ok(!noSuchOutput.ok && noSuchOutput.reason === 'there is no output 8; the project has 2 (numbered from 1)');
      const wrongCount = await page.ask({ do: 'toggle', which: 'sing', outputs: [0], on: true });
      assert.ok(!wrongCount.ok && wrongCount.reason.startsWith("toggle: 'which': "));
      assert.equal((await page.ask({ do: 'listProjects' })).ok, true);
    }));

  test('two pages stay in step: what one does, the other hears', () =>
    withPages(2, async ([a, b]) => {
      await b.next((m) => m.type === 'welcome');
      const from = b.heard.length;
      assert.equal((await a.ask({ do: 'setValue', output: 0, value: 7.5 })).ok, true);
      const outputs = await b.next((m) => m.type === 'outputs', from);
      assert.deepEqual(outputs, { type: 'outputs', values: [7.5, 1], computed: false });
      assert.equal((await a.ask({ do: 'record', on: true })).ok, true);
      a.sendRaw(Buffer.from(new Float64Array([0.25, 0.75]).buffer));
      const counts = await b.next((m) => m.type === 'counts', from);
      assert.deepEqual(counts, { type: 'counts', counts: [1, 1], reason: 'recorded', undoable: {} });
      assert.deepEqual(await b.next((m) => m.type === 'inputs', from), { type: 'inputs', values: [0.25, 0.75] });
      assert.equal((await a.ask({ do: 'record', on: false })).ok, true);
      assert.deepEqual(await b.next((m) => m.type === 'state' && m.state === 'idle', from), { type: 'state', state: 'idle', playing: false });
    }));

  test('the examples table: relabel, delete chosen examples, undo and redo', () =>
    withPages(1, async ([page]) => {
      await page.ask({ do: 'deleteAll' });
      await page.ask({ do: 'setValue', output: 1, value: 2 });
      await page.ask({ do: 'record', on: true });
      for (const x of [1, 2, 3]) page.sendRaw(Buffer.from(new Float64Array([x, x]).buffer));
      await page.next((m) => m.type === 'counts' && m.counts[0] === 3);
      await page.ask({ do: 'record', on: false });
      const rows = (await page.ask({ do: 'examples' })) as { ok: true; value: ExampleRow[] };
      assert.deepEqual(rows.value.map((e) => [e.inputs, e.outputs]), [
        [[1, 1], [7.5, 2]],
        [[2, 2], [7.5, 2]],
        [[3, 3], [7.5, 2]],
      ]);
      const [first, second] = rows.value.map((e) => e.id);
      const relabelled = await page.ask({ do: 'relabel', ids: [first], output: 1, value: 3 });
      assert.deepEqual(relabelled, { type: 'reply', id: relabelled.id, ok: true, value: { changed: 1 } });
      const badClass = await page.ask({ do: 'relabel', ids: [first], output: 1, value: 9 });
      assert.ok(!badClass.ok && badClass.reason === "'mood' takes a class from 1 to 3, not 9");
      assert.equal((await page.ask({ do: 'deleteExamples', ids: [second] })).ok, true);
      const gone = await page.ask({ do: 'deleteExamples', ids: [second] });
      assert.ok(!gone.ok && gone.reason.startsWith(`there is no example ${second}`));
      const after = (await page.ask({ do: 'examples' })) as { ok: true; value: ExampleRow[] };
      assert.deepEqual(after.value.map((e) => e.outputs[1]), [3, 2]);
      const undone = await page.ask({ do: 'undo' });
      assert.deepEqual(undone.ok && undone.value, { undone: `delete example ${second}` });
      await page.ask({ do: 'undo' });
      const back = (await page.ask({ do: 'examples' })) as { ok: true; value: ExampleRow[] };
      assert.deepEqual(back.value.map((e) => e.outputs[1]), [2, 2, 2]);
      const redone = await page.ask({ do: 'redo' });
      assert.deepEqual(redone.ok && redone.value, { redone: `set 'mood' to 3 on example ${first}` });
    }));

  test('examples come in from CSV and go out as ARFF', () =>
    withPages(1, async ([page]) => {
      const imported = await page.ask({ do: 'importExamples', fileName: 'more.csv', text: 'inputs-1,inputs-2,pitch\n0.5,0.5,4\n0.6,0.4,5\n' });
      assert.ok(imported.ok, JSON.stringify(imported));
      assert.deepEqual((imported.value as { added: number; unrecorded: string[] }).added, 2);
      assert.deepEqual((imported.value as { unrecorded: string[] }).unrecorded, ['mood']);
      const wrong = await page.ask({ do: 'importExamples', fileName: 'other.csv', text: 'a,b\n1,2\n' });
      assert.ok(!wrong.ok && /other\.csv has no column for the inputs 'inputs-1', 'inputs-2'/.test(wrong.reason), JSON.stringify(wrong));
      const exported = await page.ask({ do: 'exportExamples', format: 'arff' });
      assert.ok(exported.ok);
      const file = exported.value as { fileName: string; text: string };
      assert.equal(file.fileName, 'played.arff');
      assert.match(file.text, /@attribute pitch numeric/i);
    }));

  test('the File menu: a new project, save as, open, and no paths outside the folder', () =>
    withPages(2, async ([a, b]) => {
      await b.next((m) => m.type === 'welcome');
      let from = b.heard.length;
      const made = await a.ask({ do: 'newProject', name: 'Mouse synth', inputs: ['mouse-x', 'mouse-y'], outputs: [{ kind: 'continuous', name: 'pitch', min: 0, max: 1 }] });
      assert.deepEqual(made.ok && made.value, { file: 'Mouse-synth.oscine' });
      const switched = (await b.next(isSnapshot, from)).snapshot as Snapshot;
      assert.equal(switched.file, 'Mouse-synth.oscine');
      assert.deepEqual(switched.settings.inputs, ['mouse-x', 'mouse-y']);
      const again = await a.ask({ do: 'newProject', name: 'Mouse synth', inputs: ['x'], outputs: [{ kind: 'classifier', name: 'c', classes: 2 }] });
      assert.ok(!again.ok && again.reason === 'Mouse-synth.oscine is already in this folder; open it, or choose another name');
      from = b.heard.length;
      const saved = await a.ask({ do: 'saveAs', name: 'Second take' });
      assert.deepEqual(saved.ok && saved.value, { file: 'Second-take.oscine' });
      assert.equal(((await b.next(isSnapshot, from)).snapshot as Snapshot).settings.name, 'Second take');
      const listed = await a.ask({ do: 'listProjects' });
      assert.deepEqual(listed.ok && listed.value, [
        { file: 'Mouse-synth.oscine', current: false },
        { file: 'Second-take.oscine', current: true },
        { file: 'played.oscine', current: false },
      ]);
      const outside = await a.ask({ do: 'openProject', file: '../played.oscine' });
      assert.ok(!outside.ok && outside.reason === "'../played.oscine' is not the name of a project file in this folder");
      from = b.heard.length;
      assert.equal((await a.ask({ do: 'openProject', file: 'played.oscine' })).ok, true);
      assert.equal(((await b.next(isSnapshot, from)).snapshot as Snapshot).file, 'played.oscine');
      assert.equal(stage.path, join(dir, 'played.oscine'));
    }));

  test('a Wekinator project folder chosen in the page becomes a project here, and is served', () =>
    withPages(1, async ([page]) => {
      const folder = writeFolder(join(dir, 'upload', 'Strings'), 'Strings', {
        project: wekproj('Strings', 7000),
        inputs: inputConfig(['bow', 'finger']),
        outputs: outputConfig([numericOutput('pitch', 0, 24), classifierOutput('articulation', 3)]),
        data: currentData(['bow', 'finger'], [['pitch', 'numeric'], ['articulation', '{0,1,2,3}']], ["1,'2021/03/04 05:06:07:008',1,0.1,0.2,3,1", "2,'2021/03/04 05:06:07:108',1,0.2,0.3,5,2"]),
      });
      const files = readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name))
        .map((path) => ({ path: relative(join(dir, 'upload'), path), base64: readFileSync(path).toString('base64') }));
      const from = page.heard.length;
      const imported = await page.ask({ do: 'importWekinator', files });
      assert.deepEqual(imported.ok && imported.value, { file: 'Strings.oscine', notes: [] });
      const snapshot = (await page.next(isSnapshot, from)).snapshot as Snapshot;
      assert.deepEqual([snapshot.file, snapshot.settings.inputs, snapshot.counts], ['Strings.oscine', ['bow', 'finger'], [2, 2]]);
      assert.equal(snapshot.settings.osc.port, stage.live.session.settings.osc.port); // served where the studio's project was
      const sneaky = await page.ask({ do: 'importWekinator', files: [{ path: '../../evil.wekproj', base64: '' }] });
      assert.ok(!sneaky.ok && sneaky.reason === "'../../evil.wekproj' is not a file inside the folder");
      await page.ask({ do: 'openProject', file: 'played.oscine' });
    }));

  test('a page of another site cannot open the socket', async () => {
    await assert.rejects(PageClient.open(socketUrl(studio), { origin: 'http://elsewhere.example' }), /403/);
  });
});
