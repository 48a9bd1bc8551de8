import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { InputError } from '../../../src/core/errors.ts';
import { midiFromPattern, patternFromMidi } from '../../../src/generative/rhythm/midi.ts';
import { emptyPattern } from '../../../src/generative/rhythm/pattern.ts';
import { formatTextGrid, parseTextGrid } from '../../../src/generative/rhythm/text-grid.ts';
import { hit, syntheticLoops } from '../../generative/rhythm/synthetic-loops.ts';
import { oscine } from '../run-cli.ts';
import { rhythm } from './run-rhythm.ts';

const folder = mkdtempSync(join(tmpdir(), 'oscine-rhythm-cli-'));
const at = (name: string) => join(folder, name);
const small = ['--epochs', '20', '-p', 'encoderUnits=8', '-p', 'decoderUnits=8', '-p', 'decoderUnits2=16'];
const loops = syntheticLoops(3, 4);

before(() => {
  const waltz = { name: 'waltz', pattern: emptyPattern({ beats: 3, beatUnit: 4 }) };
  hit(waltz, 'kick', 0);
  writeFileSync(at('loops.grid'), formatTextGrid([...loops, waltz]));
  writeFileSync(at('other.mid'), midiFromPattern(loops[2].pattern));
});

test('`oscine rhythm train` learns the loops of the model’s meter, names those left out, and saves the model', () => {
  const trained = oscine(['rhythm', 'train', at('loops.grid'), '--out', at('model.json'), '--seed', '3', ...small]);
  assert.equal(trained.status, 0, trained.stderr);
  assert.match(trained.stdout, /Learned 3 loops \(4\/4, 1 bar\) in [\d.]+ s: onset F1 [\d.]+ on the loops themselves/);
  assert.match(trained.stdout, /Left out 1 loops in other meters: waltz \(3\/4\)\. Train them as a model of their own with --meter/);
  const missing = oscine(['rhythm', 'decode', at('missing.json'), '--at', '0,0', '--out', at('x.mid')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^oscine: There is no model file .*missing.json; make one with `oscine rhythm train`\.\n$/);
});

test('the same seed gives the same file, and info describes it', async (t) => {
  await rhythm(t, 'train', at('loops.grid'), '--out', at('again.json'), '--seed', '3', ...small);
  assert.equal(readFileSync(at('again.json'), 'utf8'), readFileSync(at('model.json'), 'utf8'));
  const info = await rhythm(t, 'info', at('model.json'));
  assert.match(info, /4\/4, 1 bar\(s\) at 12 ticks per quarter note/);
  assert.match(info, /groove 1 at -?[\d.]+,-?[\d.]+/);
  assert.match(info, /density: toward/);
});

test('decode writes the loop at a point as MIDI or as a text grid', async (t) => {
  assert.match(await rhythm(t, 'decode', at('model.json'), '--at', '0.1,-0.2', '--steer', 'density=1', '--out', at('here.mid')), /Decoded [-\d.]+,[-\d.]+: \d+ hits → /);
  assert.equal(patternFromMidi(readFileSync(at('here.mid')), 'here.mid').ticks, 48);
  await rhythm(t, 'decode', at('model.json'), '--at', '0,0', '--threshold', '0.3', '--out', at('here.grid'));
  assert.equal(parseTextGrid(readFileSync(at('here.grid'), 'utf8'), 'here.grid').length, 1);
});

test('interpolate and grid write folders of loops', async (t) => {
  assert.match(await rhythm(t, 'interpolate', at('model.json'), 'groove 1', at('other.mid'), '--steps', '4', '--slerp', '--out', at('path')), /Wrote 4 loops from groove 1 to other \(slerp\)/);
  assert.deepEqual(readdirSync(at('path')).sort(), ['step-1.mid', 'step-2.mid', 'step-3.mid', 'step-4.mid']);
  await rhythm(t, 'interpolate', at('model.json'), '0,0', '1,1', '--out', at('line'));
  assert.equal(readdirSync(at('line')).length, 8);
  await rhythm(t, 'grid', at('model.json'), '--size', '3', '--out', at('grid'));
  assert.equal(readdirSync(at('grid')).length, 9);
  assert.ok(existsSync(at('grid/row-1-col-3.mid')));
});

test('bend adds to the model’s chain, which info lists and decode applies', async (t) => {
  assert.match(await rhythm(t, 'bend', at('model.json'), '--transform', 'scale', '--random', '0.5', '--value', '3', '--out', at('bent.json')), /Bend 1: scale on 8 units of layer 1 \(mix 1, value 3\)/);
  await rhythm(t, 'bend', at('bent.json'), '--transform', 'threshold', '--layer', '0', '--cluster', '2:0');
  assert.match(await rhythm(t, 'info', at('bent.json')), /1\. scale layer 1, random, 8 units, mix 1, value 3\n {2}2\. threshold layer 0, cluster, \d+ units/);
  await rhythm(t, 'decode', at('bent.json'), '--at', '0,0', '--out', at('bent.mid'));
  await rhythm(t, 'bend', at('bent.json'), '--clear');
  assert.match(await rhythm(t, 'info', at('bent.json')), /no bends/);
});

test('mistakes are InputErrors that say what to do', async (t) => {
  const cases: [string[], RegExp][] = [
    [['decode', at('loops.grid'), '--at', '0,0', '--out', at('x.mid')], /loops.grid is not a rhythm model: it is not JSON/],
    [['decode', at('model.json'), '--at', '1', '--out', at('x.mid')], /--at: this model's latent space has 2 dimensions, so give 2 numbers, not 1/],
    [['decode', at('model.json'), '--at', 'up', '--out', at('x.mid')], /--at takes a point in the latent space as numbers with commas/],
    [['decode', at('model.json'), '--at', '0,0', '--steer', 'cowbell=1', '--out', at('x.mid')], /no direction for 'cowbell'/],
    [['decode', at('model.json'), '--at', '0,0', '--threshold', '2', '--out', at('x.mid')], /--threshold takes a number from 0 to 1/],
    [['decode', at('model.json'), '--at', '0,0'], /say where to write the loop with --out loop.mid/],
    [['train', at('loops.grid')], /say where to save the model with --out model.json/],
    [['train', at('loops.grid'), '--out', at('y.json'), '-p', 'beta=-1'], /'beta' must be at least 0/],
    [['train', at('loops.grid'), '--out', at('y.json'), '--meter', '6/8'], /None of the loops is in 6\/8/],
    [['interpolate', at('model.json'), 'nowhere', '0,0', '--out', at('z')], /'nowhere' is not a file, a loop the model learned, or a point like 0.5,-1/],
    [['bend', at('model.json'), '--transform', 'ablate'], /choose the units with one of --units/],
    [['bend', at('model.json'), '--transform', 'ablate', '--units', '99'], /layer 1 has units 0 to 15, not 99/],
  ];
  for (const [args, message] of cases) {
    await assert.rejects(rhythm(t, ...args), (error: Error) => error instanceof InputError && message.test(error.message), args.join(' '));
  }
});
