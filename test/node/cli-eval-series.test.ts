import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { oscine } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'oscine-eval-series-'));

/** Two players × three gestures (a circle, a line, a zigzag) × four takes each, at varied tempo. */
function gestureFile(): string {
  const shapes: Record<string, (u: number) => number[]> = {
    circle: (u) => [Math.cos(2 * Math.PI * u), Math.sin(2 * Math.PI * u)],
    line: (u) => [u, u],
    zigzag: (u) => [u, Math.abs(((4 * u) % 2) - 1)],
  };
  const lines: string[] = [];
  for (const group of ['anna', 'ben']) {
    for (const [label, shape] of Object.entries(shapes)) {
      for (let take = 0; take < 4; take++) {
        const length = 20 + 7 * take;
        const series = Array.from({ length }, (_, i) => shape(i / (length - 1)).map((x) => x * (group === 'ben' ? 3 : 1) + 0.01 * Math.sin(i * (take + 1))));
        lines.push(JSON.stringify({ label, group, series }));
      }
    }
  }
  const file = join(dir, 'gestures.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

test('eval-series classifies held-out takes against templates from the same group', () => {
  const file = gestureFile();
  const run = oscine(['eval-series', file, '--templates-per-class', '2', '--repeats', '3', '--seed', '4', '--json']);
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout);
  assert.equal(report.accuracy, 1);
  assert.equal(report.templatesPerClass, 2);
  assert.equal(report.repeats, 3);
  assert.equal(report.examples, 24);
  assert.equal(report.classified, 12);
  assert.ok(report.msPerClassification >= 0);
  assert.deepEqual(Object.keys(report.perLabel).sort(), ['circle', 'line', 'zigzag']);
  const text = oscine(['eval-series', file, '--normalize', 'shape', '--resample', '16']);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /24 examples, 3 labels, 2 groups/);
  assert.match(text.stdout, /Accuracy\s+100\.00 %/);
  assert.match(text.stdout, /zigzag\s+100\.00 %/);
});

test('eval-series names the file and line of a bad example, and refuses bad flags', () => {
  const file = join(dir, 'bad.jsonl');
  writeFileSync(file, '{"label":"a","group":"g","series":[[1,2]]}\n{"label":"a","group":"g","series":[[1,2]]}\n{"label": "b", "series": [[1, 2], [3, "four"]]}\n');
  const run = oscine(['eval-series', file]);
  assert.equal(run.status, 2);
  assert.equal(run.stderr.trim(), `oscine: ${file}, line 3: frame 2, value 2 is "four", not a number`);
  const missing = oscine(['eval-series', join(dir, 'nowhere.jsonl')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no such file/);
  const flag = oscine(['eval-series', file, '--templates-per-class', '0']);
  assert.equal(flag.status, 2);
  assert.match(flag.stderr, /--templates-per-class takes a whole number of at least 1/);
});
