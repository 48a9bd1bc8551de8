import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { InputError } from '../../../src/core/errors.ts';
import { starterLoops } from '../../../src/generative/rhythm/starter-loops.ts';
import { formatTextGrid, parseTextGrid } from '../../../src/generative/rhythm/text-grid.ts';
import { fileNameOf } from '../../../src/node/cli/commands/rhythm-starter.ts';
import { registerRhythmPatternCommands } from '../../../src/node/cli/commands/rhythm-patterns.ts';
import { readLoops } from '../../../src/node/rhythm/read-loops.ts';

const dir = mkdtempSync(join(tmpdir(), 'oscine-rhythm-'));

/** Runs `oscine rhythm …` in this process, as main.ts will once it registers the group; returns what it printed. */
async function rhythm(t: TestContext, ...args: string[]): Promise<string> {
  const program = new Command('oscine').exitOverride();
  registerRhythmPatternCommands(program.command('rhythm').exitOverride());
  let printed = '';
  t.mock.method(console, 'log', (text: string) => (printed += `${text}\n`));
  try {
    await program.parseAsync(['rhythm', ...args], { from: 'user' });
  } finally {
    t.mock.restoreAll();
  }
  return printed;
}

test('starter writes a MIDI file per loop and one grid; they read back as the starter loops', async (t) => {
  const out = join(dir, 'starter');
  const said = await rhythm(t, 'starter', '--out', out);
  const loops = starterLoops();
  assert.match(said, new RegExp(`^Wrote ${loops.length} starter loops to `));
  const files = readdirSync(out).sort();
  assert.equal(files.length, loops.length + 1);
  assert.ok(files.includes('starter.grid') && files.includes('bembe.mid') && files.includes('twelve-eight-shuffle.mid'));
  assert.deepEqual(parseTextGrid(readFileSync(join(out, 'starter.grid'), 'utf8'), 'starter.grid'), loops);
  const fromMidi = await readLoops(loops.map((l) => join(out, `${fileNameOf(l.name)}.mid`)));
  assert.deepEqual(fromMidi.map((l) => l.pattern), loops.map((l) => l.pattern));
  assert.deepEqual(fromMidi.map((l) => l.bpm), loops.map((l) => l.bpm));
  await assert.rejects(rhythm(t, 'starter', '--out', out), (error: unknown) => error instanceof InputError && /already exists; choose another folder, or add --force/.test(error.message));
  await rhythm(t, 'starter', '--out', out, '--force');
});

test('show prints the loops of files and folders as a text grid', async (t) => {
  const grid = join(dir, 'two.grid');
  const text = 'loop Two 3/4 bars 1 step 1/8 tpq 12 style waltz bpm 90\nkick        x.|..|..\nsnare       ..|x.|x.\n';
  writeFileSync(grid, text);
  assert.equal(await rhythm(t, 'show', grid), text);
  const both = await rhythm(t, 'show', grid, join(dir, 'starter', 'bembe.mid'), '--tpq', '24');
  assert.equal(both, `${text}\n${formatTextGrid(await readLoops([join(dir, 'starter', 'bembe.mid')], { ticksPerQuarter: 24 }))}`);
  assert.match(both, /loop bembe 6\/8 bars 2 step 1\/8 tpq 24 bpm 150/);
});

test('loop names become plain file names', () => {
  assert.equal(fileNameOf('Bembé on the kit'), 'bembe-on-the-kit');
  assert.equal(fileNameOf('Afro 12/8'), 'afro-12-8');
  assert.equal(new Set(starterLoops().map((l) => fileNameOf(l.name))).size, starterLoops().length);
});
