import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeProject } from '../../../src/core/project/project.ts';
import { createProjectFile } from '../../../src/node/store/project-file.ts';
import { needsTools } from '../../peers/osc-tools.ts';
import { rest, stroke } from '../../core/project/gesture-strokes.ts';
import { frameLine, servePatch } from './liblo-patch.ts';

/**
 * Following over the wire, with liblo's tools as the patch: a caret and an S recorded once each
 * over OSC (40 frames), then the caret played at half speed (80 frames) and at double speed (20):
 * oscdump must see `/pen/following fff` after every `/wek/outputs`, with the caret (1) under way,
 * its progress rising to about 1, and its speed about 0.5, then about 2.
 */
test('oscsend/oscdump: /pen/following tells the gesture under way, its progress and its speed', async (t) => {
  if (!needsTools(t, 'oscsend', 'oscdump')) return;
  const dir = mkdtempSync(join(tmpdir(), 'oscine-following-peers-'));
  const project = join(dir, 'pen.oscine');
  // Derivatives off: the change per frame doubles at double speed, which the templates never showed.
  createProjectFile(project, makeProject({ inputs: ['x', 'y'], outputs: [{ kind: 'gesture', name: 'pen', gestures: ['caret', 'S'], following: true, options: { derivatives: false } }] }));
  const patch = await servePatch(project, dir);
  const played = [...rest(20), ...stroke(1, 80), ...rest(20), ...stroke(1, 20)];
  try {
    patch.sendLines('record.txt', [1, 2].flatMap((shape) => [`/wekinator/control/startDtwRecording i ${shape}`, ...stroke(shape, 40).map(frameLine), '/wekinator/control/stopDtwRecording i 1']));
    await patch.until(/\/oscine\/status\/stopDtwRecording is 1 "kept a template/g, 2);
    patch.send('/oscine/control/setGestureFeatures', 's', 'x:value y:value');
    await patch.until(/\/oscine\/status\/setGestureFeatures is 1 "'pen' matches 1:value 2:value"/g);
    patch.send('/wekinator/control/startRunning');
    await patch.until(/\/oscine\/status\/startRunning is 1 "running"/g);
    await patch.perform(played, /\/pen\/following fff/g);
  } finally {
    await patch.stop();
  }
  const lines = patch.dumped().split('\n').filter((line) => /\/wek\/outputs|\/pen\/following/.test(line));
  lines.forEach((line, i) => assert.match(line, i % 2 === 0 ? /\/wek\/outputs ff / : /\/pen\/following fff /, `message ${i + 1}: ${line}`));
  const following = lines.filter((_, i) => i % 2 === 1).map((line) => line.trim().split(/\s+/).slice(-3).map(Number));
  const half = following.slice(20, 100);
  const double = following.slice(120, 140);
  for (const [name, stretch, speed] of [['half', half, 0.5], ['double', double, 2]] as const) {
    assert.ok(stretch.every(([gesture]) => gesture === 1), `${name}: the caret is under way throughout: ${stretch.map(([g]) => g).join(' ')}`);
    const [, progress, pace] = stretch.at(-1)!;
    assert.ok(progress >= 0.95, `${name}: progress ends at ${progress}`);
    assert.ok(Math.abs(pace - speed) < 0.1 * speed, `${name}: speed ends at ${pace}, not about ${speed}`);
  }
  assert.deepEqual(following[10], [0, 0, 0], 'at rest: nothing under way');
});
