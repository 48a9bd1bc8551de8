import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../../core/errors.ts';
import { midiFromPattern } from '../../../generative/rhythm/midi.ts';
import { starterLoops } from '../../../generative/rhythm/starter-loops.ts';
import { formatTextGrid } from '../../../generative/rhythm/text-grid.ts';
import { GRID_EXTENSION } from '../../rhythm/read-loops.ts';

/** "Bembé on the kit" → "bembe-on-the-kit". */
export function fileNameOf(loopName: string): string {
  return loopName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Writes the starter loops into a folder: one MIDI file per loop, and all of them in one text grid. */
export function rhythmStarterCommand(options: { out: string; force?: boolean }): void {
  const loops = starterLoops();
  const files = new Map(loops.map((loop) => [join(options.out, `${fileNameOf(loop.name)}.mid`), midiFromPattern(loop.pattern, { bpm: loop.bpm, name: loop.name })] as const));
  const grid = join(options.out, `starter${GRID_EXTENSION}`);
  const existing = [grid, ...files.keys()].find((path) => existsSync(path));
  if (existing !== undefined && !options.force) throw new InputError(`${existing} already exists; choose another folder, or add --force to replace the starter files`);
  mkdirSync(options.out, { recursive: true });
  for (const [path, bytes] of files) writeFileSync(path, bytes);
  writeFileSync(grid, formatTextGrid(loops));
  console.log(`Wrote ${loops.length} starter loops to ${options.out}: a MIDI file for each, and all of them in ${grid}`);
}
