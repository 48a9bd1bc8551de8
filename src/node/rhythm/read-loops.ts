import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { InputError } from '../../core/errors.ts';
import { type MidiReadOptions, loopFromMidi } from '../../generative/rhythm/midi.ts';
import type { Loop } from '../../generative/rhythm/pattern.ts';
import { parseTextGrid } from '../../generative/rhythm/text-grid.ts';

/** The extension of text-grid files (loops written by hand, see src/generative/rhythm/text-grid.ts). */
export const GRID_EXTENSION = '.grid';
const LOOP_EXTENSIONS = ['.mid', '.midi', GRID_EXTENSION];

/**
 * Reads the loops of MIDI files (.mid, .midi) and text grids (.grid), and of every such file in
 * folders and their subfolders (other files there are passed over), in the order given and, within
 * a folder, in name order.
 */
export async function readLoops(paths: readonly string[], options: MidiReadOptions = {}): Promise<Loop[]> {
  const loops: Loop[] = [];
  for (const path of paths) {
    const files = (await isFolder(path)) ? await loopFilesIn(path) : [path];
    if (files.length === 0) throw new InputError(`${path} holds no loops: no ${LOOP_EXTENSIONS.join(', ')} files in it or its subfolders`);
    for (const file of files) loops.push(...(await readLoopFile(file, options)));
  }
  return loops;
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new InputError(`${path}: no such file or folder`);
    throw error;
  }
}

async function loopFilesIn(folder: string): Promise<string[]> {
  const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await loopFilesIn(path)));
    else if (entry.isFile() && LOOP_EXTENSIONS.includes(extname(entry.name).toLowerCase())) files.push(path);
  }
  return files;
}

async function readLoopFile(path: string, options: MidiReadOptions): Promise<Loop[]> {
  const kind = extname(path).toLowerCase();
  if (!LOOP_EXTENSIONS.includes(kind)) {
    throw new InputError(`${path}: Oscine reads loops from MIDI files (.mid, .midi) and text grids (${GRID_EXTENSION}), not '${kind || 'files without an extension'}'`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EACCES') throw new InputError(`${path}: permission denied`);
    throw error;
  }
  if (kind === GRID_EXTENSION) return parseTextGrid(bytes.toString('utf8'), path);
  return [loopFromMidi(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), path, options)];
}
