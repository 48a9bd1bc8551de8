import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { oscine } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'oscine-cli-gesture-options-'));
const DEFAULTS = 'pattern=slope radius=none lengthNormalisation=path inputNormalisation=zscore downsample=1 derivatives=on thresholdSpread=2 hysteresis=0.1 minTriggerInterval=300';

test('oscine gesture-options shows every option and sets some; mistakes exit 2 in one line and change nothing', () => {
  const project = join(dir, 'hands.oscine');
  assert.equal(oscine(['new', project, '--inputs', '2', '--output', 'level:continuous', '--output', 'pen:gesture:2']).status, 0);
  assert.equal(oscine(['gesture-options', project]).stdout, `pen: ${DEFAULTS}\n`);
  const set = oscine(['gesture-options', project, 'radius=3', 'derivatives=off', 'pattern=symmetric']);
  assert.equal(set.status, 0, set.stderr);
  const changed = 'pattern=symmetric radius=3 lengthNormalisation=path inputNormalisation=zscore downsample=1 derivatives=off thresholdSpread=2 hysteresis=0.1 minTriggerInterval=300';
  assert.equal(set.stdout, `pen now matches with ${changed}; learned again from 0 templates\n`);
  const refusals: [string[], RegExp][] = [
    [['band=3'], /'band' is not a gesture option; choose pattern, radius/],
    [['downsample=0', '--output', 'pen'], /gesture option 'downsample' is not valid: Too small/],
    [['radius=2', '--output', 'level'], /hands\.oscine: 'level' is a continuous output; matcher options are for gesture outputs/],
    [['radius'], /'radius' is not an option; write KEY=VALUE/],
  ];
  for (const [args, message] of refusals) {
    const run = oscine(['gesture-options', project, ...args]);
    assert.equal(run.status, 2, args.join(' '));
    assert.match(run.stderr, new RegExp(`^oscine: .*${message.source}.*\\n$`));
  }
  assert.equal(oscine(['gesture-options', project]).stdout, `pen: ${changed}\n`, 'left as it was');
});
