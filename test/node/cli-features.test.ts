import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOutputSpec } from '../../src/node/cli/output-spec.ts';
import { oscine } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'oscine-cli-features-'));

test('--output name:gesture[:G]:following asks for following', () => {
  assert.deepEqual(parseOutputSpec('pen:gesture:following'), { kind: 'gesture', name: 'pen', following: true });
  assert.deepEqual(parseOutputSpec('pen:gesture:3:following'), { kind: 'gesture', name: 'pen', following: true, gestures: 3 });
  assert.throws(() => parseOutputSpec('pen:gesture:following:3'), /say how many gestures, as name:gesture:G .*then :following/);
});

test('oscine new with following, oscine features to show and set, and oscine info telling both', () => {
  const project = join(dir, 'hands.oscine');
  const made = oscine(['new', project, '--inputs', '3', '--output', 'level:continuous', '--output', 'pen:gesture:2:following', '--output', 'bow:gesture']);
  assert.equal(made.status, 0, made.stderr);
  assert.match(made.stdout, /pen \(2 gestures, following\), bow \(5 gestures\)/);
  const shown = oscine(['features', project]);
  assert.equal(shown.stdout, ['level', 'pen', 'bow'].map((name) => `${name}: the values of inputs-1, inputs-2, inputs-3 (no features)\n`).join(''));
  const set = oscine(['features', project, 'inputs-1:velocity 2:velocity 3:mean:20~euro(1,0.01)', '--output', 'bow']);
  assert.equal(set.status, 0, set.stderr);
  assert.equal(set.stdout, 'bow now reads 1:velocity 2:velocity 3:mean:20~euro(1,0.01,1); learned again from 0 templates\n');
  const info = JSON.parse(oscine(['info', project, '--json']).stdout) as { gestureOutputs: { name: string; features: string | null; following: string | null }[] };
  assert.deepEqual(info.gestureOutputs.map((o) => [o.name, o.features, o.following]), [['pen', null, '/pen/following'], ['bow', '1:velocity 2:velocity 3:mean:20~euro(1,0.01,1)', null]]);
  assert.match(oscine(['info', project]).stdout, /2\. pen: gesture, 2 gestures; reads .*; following → \/pen\/following\n[^]*3\. bow: gesture, 5 gestures; reads inputs-1, inputs-2, inputs-3; features 1:velocity 2:velocity/);
  const cleared = oscine(['features', project, 'none', '--output', 'bow']);
  assert.match(cleared.stdout, /^bow now reads the values of inputs-1, inputs-2, inputs-3 \(no features\)/);
});

test('oscine features: mistakes are told in one line, exit 2, and the project is left as it was', () => {
  const project = join(dir, 'two.oscine');
  assert.equal(oscine(['new', project, '--inputs', '2', '--output', 'a:gesture', '--output', 'b:gesture']).status, 0);
  const refusals: [string[], RegExp][] = [
    [['1:velocity'], /two\.oscine: the project has 2 outputs \(a, b\); say which, by name or by number from 1/],
    [['1:velocity', '--output', 'c'], /two\.oscine: there is no output 'c'; the outputs are 1\. a, 2\. b/],
    [['1:speed', '--output', 'a'], /'1:speed': 'speed' is not a feature; choose value, velocity/],
    [['3:value', '--output', 'a'], /'3:value' reads input 3, but the inputs are numbered 1 to 2/],
  ];
  for (const [args, message] of refusals) {
    const run = oscine(['features', project, ...args]);
    assert.equal(run.status, 2, args.join(' '));
    assert.match(run.stderr, new RegExp(`^oscine: .*${message.source}`));
  }
  assert.match(oscine(['features', project]).stdout, /^a: the values of .*\nb: the values of /);
});

test('oscine features on continuous and classifier outputs, by name or number; info tells them; mistakes exit 2 in one line', () => {
  const project = join(dir, 'mixed.oscine');
  assert.equal(oscine(['new', project, '--inputs', '2', '--output', 'level:continuous', '--output', 'hand:classifier:3', '--output', 'pen:gesture']).status, 0);
  assert.equal(oscine(['features', project]).stdout, ['level', 'hand', 'pen'].map((name) => `${name}: the values of inputs-1, inputs-2 (no features)\n`).join(''));
  const level = oscine(['features', project, '1:velocity inputs-2:mean:5~avg(2)', '--output', 'level']);
  assert.equal(level.status, 0, level.stderr);
  assert.equal(level.stdout, 'level now reads 1:velocity 2:mean:5~avg(2); train to use them\n');
  assert.equal(oscine(['features', project, '2:rms rate=50', '--output', '2']).stdout, 'hand now reads 2:rms rate=50; train to use them\n');
  assert.equal(oscine(['features', project, '1:velocity', '--output', '3']).stdout, 'pen now reads 1:velocity; learned again from 0 templates\n');
  const info = JSON.parse(oscine(['info', project, '--json']).stdout) as { outputs: { features: string | null }[] };
  assert.deepEqual(info.outputs.map((o) => o.features), ['1:velocity 2:mean:5~avg(2)', '2:rms rate=50']);
  assert.match(oscine(['info', project]).stdout, /1\. level: continuous, 0\.\.1; mlp; features 1:velocity 2:mean:5~avg\(2\); 0 examples/);
  const refusals: [string[], RegExp][] = [
    [['1:velocity'], /mixed\.oscine: the project has 3 outputs \(level, hand, pen\); say which, by name or by number from 1/],
    [['1:velocity', '--output', '4'], /mixed\.oscine: there is no output '4'; the outputs are 1\. level, 2\. hand, 3\. pen/],
    [['1:velocity:1', '--output', 'hand'], /feature 1 \(velocity\) needs a window of at least 2 frames, not 1/],
    [['1:value~avg(0)', '--output', 'level'], /the features are not valid: feature 1\.smoothing\.window/],
  ];
  for (const [args, message] of refusals) {
    const run = oscine(['features', project, ...args]);
    assert.equal(run.status, 2, args.join(' '));
    assert.match(run.stderr, new RegExp(`^oscine: .*${message.source}.*\n$`));
  }
  assert.match(oscine(['features', project]).stdout, /^level: 1:velocity 2:mean:5~avg\(2\)\nhand: 2:rms rate=50\npen: 1:velocity\n$/, 'left as it was');
});
