import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { needsTools } from '../../peers/osc-tools.ts';
import { oscine } from '../run-cli.ts';
import { performance, takes } from '../../core/project/gesture-strokes.ts';
import { frameLine, servePatch } from './liblo-patch.ts';

/**
 * A gesture session through liblo's tools alone, as a Wekinator DTW patch would play it: a project
 * made with `oscine new --output strokes:gesture:4`, three templates of each of three strokes
 * recorded with startDtwRecording/stopDtwRecording, then a performance of the three strokes (see
 * liblo-patch.ts).
 */
test('oscsend/oscdump: templates recorded over OSC; each performed stroke sends its /output_k once, in order', async (t) => {
  if (!needsTools(t, 'oscsend', 'oscdump')) return;
  const dir = mkdtempSync(join(tmpdir(), 'oscine-gesture-peers-'));
  const project = join(dir, 'strokes.oscine');
  const made = oscine(['new', project, '--inputs', '2', '--output', 'strokes:gesture:4']);
  assert.equal(made.status, 0, made.stderr);
  assert.match(made.stdout, /2 inputs → strokes \(4 gestures\)/);

  const patch = await servePatch(project, dir);
  try {
    // oscsendfile cannot send a message without arguments; Wekinator ignored stopDtwRecording's, and so does Oscine.
    patch.sendLines('record.txt', takes().flatMap(({ gesture, frames }) => [`/wekinator/control/startDtwRecording i ${gesture + 1}`, ...frames.map(frameLine), '/wekinator/control/stopDtwRecording i 1']));
    await patch.until(/\/oscine\/status\/stopDtwRecording is 1 "kept a template of/g, 9);
    patch.send('/wekinator/control/startRunning');
    await patch.until(/\/oscine\/status\/startRunning is 1 "running"/g);
    const { frames } = performance();
    await patch.perform(frames, /\/wek\/outputs /g);
    await patch.until(/\/output_3/g);
    await patch.until(/\/wek\/outputs ffff \S+ \S+ \S+ inf\n/g, frames.length);
  } finally {
    await patch.stop();
  }
  const dumped = patch.dumped();
  const triggers = [...dumped.matchAll(/^\S+ (\/output_\d)\s*$/gm)].map((m) => m[1]);
  assert.deepEqual(triggers, ['/output_1', '/output_2', '/output_3']);
  assert.match(dumped, /\/oscine\/status\/stopDtwRecording is 1 "kept a template of 'gesture-3' \(46 frames\); it has 3"/);

  const info = oscine(['info', project, '--json']);
  const { gestureOutputs } = JSON.parse(info.stdout) as { gestureOutputs: { gestures: { name: string; templates: number }[] }[] };
  assert.deepEqual(gestureOutputs[0].gestures.map((g) => [g.name, g.templates]), [['gesture-1', 3], ['gesture-2', 3], ['gesture-3', 3], ['gesture-4', 0]]);
  const text = oscine(['info', project]).stdout;
  assert.match(text, /1\. strokes: gesture, 4 gestures; reads inputs-1, inputs-2\n {5}1\. gesture-1 → \/output_1: 3 templates; learned threshold\n/);
});
