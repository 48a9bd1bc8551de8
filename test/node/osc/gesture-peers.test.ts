import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { needsTools } from '../../peers/osc-tools.ts';
import { oscine } from '../run-cli.ts';
import { performance, takes } from '../../core/project/gesture-strokes.ts';
import { OscineProcess, freePorts } from './udp.ts';

/**
 * A gesture session through liblo's tools alone, as a Wekinator DTW patch would play it: a project
 * made with `oscine new --output strokes:gesture:4`, three templates of each of three strokes
 * recorded with startDtwRecording/stopDtwRecording, then a performance of the three strokes. The
 * frames go out with `oscsendfile` (liblo's oscsend for many messages: one oscsend per frame would
 * take a minute), the answers come back to `oscdump`.
 */
test('oscsend/oscdump: templates recorded over OSC; each performed stroke sends its /output_k once, in order', async (t) => {
  if (!needsTools(t, 'oscsend', 'oscdump')) return;
  const dir = mkdtempSync(join(tmpdir(), 'oscine-gesture-peers-'));
  const project = join(dir, 'strokes.oscine');
  const made = oscine(['new', project, '--inputs', '2', '--output', 'strokes:gesture:4']);
  assert.equal(made.status, 0, made.stderr);
  assert.match(made.stdout, /2 inputs → strokes \(4 gestures\)/);

  const [oscPort, outPort] = await freePorts(2);
  const server = new OscineProcess(['serve', project, '--osc-port', String(oscPort), '--out-port', String(outPort), '--no-studio']);
  await server.waitFor(/Ctrl\+C stops/);
  const dump = spawn('oscdump', ['-L', String(outPort)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let dumped = '';
  dump.stdout.on('data', (chunk: Buffer) => (dumped += chunk.toString()));
  const count = (pattern: RegExp) => [...dumped.matchAll(pattern)].length;
  const until = async (pattern: RegExp, times = 1) => {
    for (let i = 0; i < 1000 && count(pattern) < times; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(count(pattern) >= times, `${pattern} arrived ${count(pattern)} times, not ${times}:\n${dumped.slice(-2000)}`);
  };
  const frame = ([x, y]: number[]) => `/wek/inputs ff ${x.toFixed(6)} ${y.toFixed(6)}`;
  const sendFile = (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    const run = spawnSync('oscsendfile', ['127.0.0.1', String(oscPort), path], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  };
  try {
    await new Promise((resolve) => setTimeout(resolve, 300)); // oscdump binds its port
    // oscsendfile cannot send a message without arguments; Wekinator ignored stopDtwRecording's, and so does Oscine.
    sendFile('record.txt', takes().flatMap(({ gesture, frames }) => [`/wekinator/control/startDtwRecording i ${gesture + 1}`, ...frames.map(frame), '/wekinator/control/stopDtwRecording i 1']));
    await until(/\/oscine\/status\/stopDtwRecording is 1 "kept a template of/g, 9);
    const run = spawnSync('oscsend', ['127.0.0.1', String(oscPort), '/wekinator/control/startRunning'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    await until(/\/oscine\/status\/startRunning is 1 "running"/g);
    const { frames } = performance();
    sendFile('perform.txt', frames.map(frame));
    await until(/\/output_3/g);
    await until(/\/wek\/outputs ffff \S+ \S+ \S+ inf\n/g, frames.length);
  } finally {
    dump.kill();
    assert.equal(await server.stop(), 0, server.stderr);
  }
  const triggers = [...dumped.matchAll(/^\S+ (\/output_\d)\s*$/gm)].map((m) => m[1]);
  assert.deepEqual(triggers, ['/output_1', '/output_2', '/output_3']);
  assert.match(dumped, /\/oscine\/status\/stopDtwRecording is 1 "kept a template of 'gesture-3' \(46 frames\); it has 3"/);

  const info = oscine(['info', project, '--json']);
  const { gestureOutputs } = JSON.parse(info.stdout) as { gestureOutputs: { gestures: { name: string; templates: number }[] }[] };
  assert.deepEqual(gestureOutputs[0].gestures.map((g) => [g.name, g.templates]), [['gesture-1', 3], ['gesture-2', 3], ['gesture-3', 3], ['gesture-4', 0]]);
  const text = oscine(['info', project]).stdout;
  assert.match(text, /1\. strokes: gesture, 4 gestures; reads inputs-1, inputs-2\n {5}1\. gesture-1 → \/output_1: 3 templates; learned threshold\n/);
});
