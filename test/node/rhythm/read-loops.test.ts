import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { midiFromPattern } from '../../../src/generative/rhythm/midi.ts';
import { parseTextGrid } from '../../../src/generative/rhythm/text-grid.ts';
import { readLoops } from '../../../src/node/rhythm/read-loops.ts';
import { inputError } from '../../generative/rhythm/input-error.ts';

const dir = mkdtempSync(join(tmpdir(), 'oscine-loops-'));
const [rock, waltz] = parseTextGrid('loop rock 4/4 bpm 100\nbd x...|....|x.x.|....\nsd ....|X...|....|X...\nloop waltz 3/4\nbd x...|....|....', 'made.grid');

async function refuses(paths: string[], message: string): Promise<void> {
  await assert.rejects(readLoops(paths), inputError(message));
}

test('reads MIDI files, grids and folders of them, subfolders included, in name order', async () => {
  const folder = join(dir, 'loops');
  mkdirSync(join(folder, 'more'), { recursive: true });
  writeFileSync(join(folder, 'b-rock.MID'), midiFromPattern(rock.pattern, { bpm: 100 }));
  writeFileSync(join(folder, 'a.grid'), 'loop "from the grid" 4/4\nhh x.x.x.x.x.x.x.x.\n');
  writeFileSync(join(folder, 'more', 'waltz.midi'), midiFromPattern(waltz.pattern));
  writeFileSync(join(folder, 'notes.txt'), 'not a loop');
  const loops = await readLoops([folder, join(folder, 'b-rock.MID')]);
  assert.deepEqual(loops.map((l) => l.name), ['from the grid', 'b-rock', 'waltz', 'b-rock']);
  assert.deepEqual(loops[1], { name: 'b-rock', bpm: 100, pattern: rock.pattern });
  assert.deepEqual(loops[2].pattern, waltz.pattern);
  const coarse = await readLoops([join(folder, 'more', 'waltz.midi')], { ticksPerQuarter: 4 });
  assert.equal(coarse[0].pattern.ticks, 12);
});

test('missing files, other kinds of file, empty folders and bad contents are named with what to do', async () => {
  await refuses([join(dir, 'nothing.mid')], `${join(dir, 'nothing.mid')}: no such file or folder`);
  writeFileSync(join(dir, 'loop.wav'), 'RIFF');
  await refuses([join(dir, 'loop.wav')], `${join(dir, 'loop.wav')}: Oscine reads loops from MIDI files (.mid, .midi) and text grids (.grid), not '.wav'`);
  mkdirSync(join(dir, 'empty'));
  writeFileSync(join(dir, 'empty', 'readme.md'), '# nothing');
  await refuses([join(dir, 'empty')], `${join(dir, 'empty')} holds no loops: no .mid, .midi, .grid files in it or its subfolders`);
  writeFileSync(join(dir, 'text.mid'), 'loop a 4/4');
  await refuses([join(dir, 'text.mid')], `${join(dir, 'text.mid')} is not a MIDI file (it does not start with 'MThd'); export the loop from your sequencer as a Standard MIDI File (.mid)`);
  writeFileSync(join(dir, 'bad.grid'), 'loop a 4/4\nkick x');
  await refuses([join(dir, 'bad.grid')], `${join(dir, 'bad.grid')}, line 2, column 7: kick has 1 step; a bar of 4/4 in 1/16 steps needs 16`);
});
