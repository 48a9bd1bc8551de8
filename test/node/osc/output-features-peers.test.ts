import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeProject } from '../../../src/core/project/project.ts';
import { createProjectFile } from '../../../src/node/store/project-file.ts';
import { needsTools } from '../../peers/osc-tools.ts';
import { frameLine, servePatch } from './liblo-patch.ts';

/**
 * Features of a continuous output and a matcher option, set over the wire with liblo's tools as
 * the patch: `level` learns 10 × the speed of x from four takes, then a falling x (4 a second)
 * must come back from oscdump as about −40 on every frame after the first.
 */
test('oscsend/oscdump: setFeatures and setGestureOption are answered, and a velocity-trained output sends the speed', async (t) => {
  if (!needsTools(t, 'oscsend', 'oscdump')) return;
  const dir = mkdtempSync(join(tmpdir(), 'oscine-output-features-peers-'));
  const project = join(dir, 'speed.oscine');
  createProjectFile(project, makeProject({ inputs: ['x', 'y'], outputs: [{ kind: 'continuous', name: 'level', model: 'linear' }, { kind: 'gesture', name: 'pen', gestures: ['caret'] }] }));
  const patch = await servePatch(project, dir);
  const falling = Array.from({ length: 10 }, (_, i) => [0.9 - 0.04 * i, 0.5]);
  try {
    patch.send('/oscine/control/setFeatures', 'ss', 'x:velocity:3 y:value', 'level');
    await patch.until(/\/oscine\/status\/setFeatures is 1 "'level' reads 1:velocity:3 2:value; train to use them"/g);
    patch.send('/oscine/control/setFeatures', 'si', '3:velocity', '1');
    await patch.until(/\/oscine\/status\/setFeatures is 0 "'3:velocity' reads input 3, but the inputs are numbered 1 to 2"/g);
    patch.send('/oscine/control/setGestureOption', 'sf', 'radius', '2.5');
    await patch.until(/\/oscine\/status\/setGestureOption is 1 "'pen' matches with radius=2.5; learned again from 0 templates"/g);
    patch.send('/oscine/control/setGestureOption', 'ss', 'pattern', 'diagonal');
    await patch.until(/\/oscine\/status\/setGestureOption is 0 "gesture option 'pattern' is not valid/g);
    const takes = [0.01, 0.03, -0.02, 0.05].flatMap((speed) => [
      `/wekinator/control/outputs f ${speed * 1000}`,
      // oscsendfile needs arguments on every line; these messages ignore theirs, as in Wekinator.
      '/wekinator/control/startRecording i 0',
      ...Array.from({ length: 20 }, (_, i) => frameLine([0.3 + speed * i, 0.5])),
      '/wekinator/control/stopRecording i 0',
    ]);
    patch.sendLines('record.txt', takes);
    await patch.until(/\/oscine\/status\/stopRecording is 1/g, 4);
    patch.send('/wekinator/control/train');
    await patch.until(/\/oscine\/status\/train is 1 "trained level"/g);
    patch.send('/wekinator/control/startRunning');
    await patch.until(/\/oscine\/status\/startRunning is 1/g);
    await patch.perform(falling, /\/wek\/outputs ff /g);
  } finally {
    await patch.stop();
  }
  const levels = patch.dumped().split('\n').filter((line) => line.includes('/wek/outputs ff ')).map((line) => Number(line.trim().split(/\s+/).at(-2)));
  assert.equal(levels.length, falling.length);
  levels.slice(1).forEach((level) => assert.ok(Math.abs(level + 40) < 4, `${level}: x falling at 4 a second`));
});
