import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ModelFiles } from '../../core/osc/control-commands.ts';
import { InputError } from '../../core/errors.ts';
import { readModelDocument } from '../../core/format/model-document.ts';
import { done, refused } from '../../core/project/result.ts';

/**
 * Model files written when a patch sends `saveModelToFile` and read for `loadModelFromFile`: the
 * same JSON as `oscine train --out`, so `oscine predict` reads them. A patch can reach this over the network, so it may
 * only write `.json` files, relative names land beside the project, and a file that exists is
 * replaced only if it is itself an Oscine model file.
 */
export function modelFilesBeside(projectPath: string): ModelFiles {
  const folder = dirname(resolve(projectPath));
  return {
    save(path, document) {
      const target = resolve(folder, path);
      if (!target.endsWith('.json')) return refused(`a model file's name ends in .json, not ${JSON.stringify(path)}`);
      if (existsSync(target) && !isModelFile(target)) return refused(`${target} exists and is not an Oscine model file; it was left untouched`);
      try {
        writeFileSync(target, JSON.stringify(document) + '\n');
      } catch (error) {
        return refused(`could not write ${target}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
      return done(target);
    },
    load(path) {
      const source = resolve(folder, path);
      try {
        return done({ document: readModelDocument(JSON.parse(readFileSync(source, 'utf8')), source), from: source });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return refused(`there is no model file ${source}`);
        if (code) return refused(`could not read ${source}: ${code}`);
        if (error instanceof SyntaxError) return refused(`${source} is not JSON, so not an Oscine model file`);
        if (error instanceof InputError) return refused(error.message);
        throw error;
      }
    },
  };
}

function isModelFile(path: string): boolean {
  try {
    readModelDocument(JSON.parse(readFileSync(path, 'utf8')), path);
    return true;
  } catch (error) {
    if (error instanceof InputError || error instanceof SyntaxError || (error as NodeJS.ErrnoException).code) return false;
    throw error;
  }
}
