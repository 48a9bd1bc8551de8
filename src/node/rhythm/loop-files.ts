import { mkdirSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { midiFromPattern } from '../../generative/rhythm/midi.ts';
import type { Loop } from '../../generative/rhythm/pattern.ts';
import { formatTextGrid } from '../../generative/rhythm/text-grid.ts';

/** Writes a loop as a MIDI file, or as a text grid when the name ends in .grid. */
export function writeLoopFile(path: string, loop: Loop): void {
  if (extname(path).toLowerCase() === '.grid') writeFileSync(path, formatTextGrid([loop]));
  else writeFileSync(path, midiFromPattern(loop.pattern, { name: loop.name, ...(loop.bpm === undefined ? {} : { bpm: loop.bpm }) }));
}

/** Writes loops into a folder (made when missing) as `<name>.mid`; returns the paths. */
export function writeLoopFolder(folder: string, loops: readonly Loop[]): string[] {
  mkdirSync(folder, { recursive: true });
  return loops.map((loop) => {
    const path = join(folder, `${loop.name}.mid`);
    writeLoopFile(path, loop);
    return path;
  });
}
