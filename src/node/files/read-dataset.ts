import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArff } from '../../core/data/arff.ts';
import { parseCsv } from '../../core/data/csv.ts';
import type { Dataset } from '../../core/data/dataset.ts';
import { InputError } from '../../core/errors.ts';

/** Reads a text file, turning "no such file" and friends into a message a user can act on. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: no such file`);
    if (code === 'EISDIR') throw new InputError(`${path} is a folder, not a file`);
    if (code === 'EACCES') throw new InputError(`${path}: permission denied`);
    throw error;
  }
}

/** Reads an ARFF or CSV file, chosen by its extension. */
export function readDataset(path: string): Dataset {
  const kind = extname(path).toLowerCase();
  if (kind !== '.arff' && kind !== '.csv') {
    throw new InputError(`${path}: Oscine reads .arff and .csv data files, not '${kind || 'files without an extension'}'`);
  }
  const text = readText(path);
  const dataset = kind === '.arff' ? parseArff(text, basename(path)) : parseCsv(text, basename(path));
  if (dataset.rows.length === 0) throw new InputError(`${path} has no examples (no data rows)`);
  return dataset;
}
