import { formatTextGrid } from '../../../generative/rhythm/text-grid.ts';
import { readLoops } from '../../rhythm/read-loops.ts';

/** Prints the loops of MIDI files, text grids or folders of them, as a text grid. */
export async function rhythmShowCommand(paths: string[], options: { ticksPerQuarter?: number }): Promise<void> {
  const loops = await readLoops(paths, options.ticksPerQuarter === undefined ? {} : { ticksPerQuarter: options.ticksPerQuarter });
  console.log(formatTextGrid(loops).trimEnd());
}
