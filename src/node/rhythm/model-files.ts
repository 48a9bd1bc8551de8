import { readFileSync, writeFileSync } from 'node:fs';
import { InputError } from '../../core/errors.ts';
import { readRhythmModel, rhythmModelDocument } from '../../generative/rhythm/vae/model-file.ts';
import type { RhythmModel } from '../../generative/rhythm/vae/rhythm-model.ts';

/** Reads a rhythm model file; a missing, unreadable or damaged file is an InputError that says which. */
export function readRhythmModelFile(path: string): RhythmModel {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `There is no model file ${path}; make one with \`oscine rhythm train\`.` : `Cannot read ${path} (${code ?? 'unknown error'}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InputError(`${path} is not a rhythm model: it is not JSON; make one with \`oscine rhythm train\`.`);
  }
  return readRhythmModel(json, path);
}

export function writeRhythmModelFile(path: string, model: RhythmModel): void {
  writeFileSync(path, JSON.stringify(rhythmModelDocument(model)) + '\n');
}
