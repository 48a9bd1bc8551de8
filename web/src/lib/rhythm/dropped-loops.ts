import { InputError } from '../../../../src/core/errors.ts';
import { loopFromMidi } from '../../../../src/generative/rhythm/midi.ts';
import type { Loop } from '../../../../src/generative/rhythm/pattern.ts';
import { parseTextGrid } from '../../../../src/generative/rhythm/text-grid.ts';

/** What the page accepts as loops to learn from (the file input's `accept`). */
export const LOOP_FILE_TYPES = '.mid,.midi,.grid';

/**
 * The loops of files a musician dropped or chose: MIDI files (one loop each) and text grids
 * (any number). Anything else, or a file that does not read, is an InputError naming the file.
 */
export async function loopsFromFiles(files: Iterable<File>): Promise<Loop[]> {
  const loops: Loop[] = [];
  for (const file of files) {
    const kind = /\.(midi?|grid)$/i.exec(file.name)?.[1].toLowerCase();
    if (kind === undefined) throw new InputError(`${file.name}: the rhythm page learns from MIDI files (.mid, .midi) and text grids (.grid); leave other files out.`);
    if (kind === 'grid') loops.push(...parseTextGrid(await file.text(), file.name));
    else loops.push(loopFromMidi(new Uint8Array(await file.arrayBuffer()), file.name));
  }
  return loops;
}

/** A rhythm model file's text as JSON, with a message for text that is not JSON. */
export function modelJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new InputError(`${fileName} is not a rhythm model: it is not JSON. Open a model saved by this page or by \`oscine rhythm train\`.`);
  }
}
