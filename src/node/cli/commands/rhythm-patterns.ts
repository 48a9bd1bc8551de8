import type { Command } from 'commander';
import { wholeNumber } from '../options.ts';
import { rhythmShowCommand } from './rhythm-show.ts';
import { rhythmStarterCommand } from './rhythm-starter.ts';

/** Adds the pattern commands (`show`, `starter`) to the `oscine rhythm` group. */
export function registerRhythmPatternCommands(rhythm: Command): void {
  rhythm
    .command('show')
    .description('print the loops of MIDI files, text grids (.grid) or folders of them, as a text grid')
    .argument('<files...>', '.mid, .midi or .grid files, or folders of them')
    .option('--tpq <n>', 'ticks per quarter note of the grid MIDI files are read onto (default 12)', wholeNumber('--tpq', 1))
    .action((paths: string[], options: { tpq?: number }) => rhythmShowCommand(paths, { ticksPerQuarter: options.tpq }));
  rhythm
    .command('starter')
    .description("write Oscine's starter loops into a folder: a .mid file for each, and starter.grid with all of them")
    .requiredOption('-o, --out <folder>', 'the folder to write (created when missing)')
    .option('--force', 'replace starter files already in the folder')
    .action(rhythmStarterCommand);
}
