import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArff } from '../../core/data/arff.ts';
import { InputError } from '../../core/errors.ts';
import { type BinaryFile, type ImportedProject, wekinatorProject } from '../../core/project/wekinator/project.ts';
import { type TextFile, wekinatorSettings } from '../../core/project/wekinator/settings.ts';
import { readText } from './read-dataset.ts';

const PROJECT_FILE = /\.wekproj$/i;
const MODEL_FILE = /^model(\d+)\.xml$/;

/**
 * Reads a Wekinator 2.x project folder (or its `.wekproj` file): `<name>.wekproj`,
 * `inputConfig.xml`, `outputConfig.xml`, `current/currentData.arff` and any
 * `current/models/model<j>.xml`. The settings are read first, so a project Oscine cannot
 * take is refused before its data is looked for; a project with only a gesture output needs no
 * currentData.arff.
 */
export function readWekinatorFolder(given: string): ImportedProject {
  const { folder, projectFile } = locate(given);
  const text = (path: string): TextFile => ({ path, text: readText(path) });
  const settings = wekinatorSettings(
    { project: text(projectFile), inputs: text(join(folder, 'inputConfig.xml')), outputs: text(join(folder, 'outputConfig.xml')) },
    basename(projectFile).replace(PROJECT_FILE, ''),
  );
  const dataPath = join(folder, 'current', 'currentData.arff');
  const gesturesOnly = settings.outputs.length === 0 && !existsSync(dataPath);
  const data = gesturesOnly ? null : parseArff(readText(dataPath), dataPath);
  return wekinatorProject(settings, data, dataPath, modelFiles(join(folder, 'current', 'models')));
}

function locate(given: string): { folder: string; projectFile: string } {
  if (!existsSync(given)) throw new InputError(`${given}: no such folder`);
  if (!statSync(given).isDirectory()) {
    if (!PROJECT_FILE.test(given)) throw new InputError(`${given} is neither a Wekinator project folder nor its .wekproj file`);
    return { folder: dirname(given), projectFile: given };
  }
  const found = readdirSync(given).filter((name) => PROJECT_FILE.test(name));
  if (found.length === 0) {
    throw new InputError(`${given} has no .wekproj file; a Wekinator project folder holds <name>.wekproj, inputConfig.xml, outputConfig.xml and current/currentData.arff`);
  }
  if (found.length > 1) throw new InputError(`${given} has several .wekproj files (${found.join(', ')}); give the one to import instead of the folder`);
  return { folder: given, projectFile: join(given, found[0]) };
}

/** Model files by output index; outputs without one are left empty. */
function modelFiles(folder: string): (BinaryFile | undefined)[] {
  if (!existsSync(folder)) return [];
  const files: (BinaryFile | undefined)[] = [];
  for (const name of readdirSync(folder)) {
    const match = MODEL_FILE.exec(name);
    if (!match) continue;
    const path = join(folder, name);
    files[Number(match[1])] = { path, bytes: readFileSync(path) };
  }
  return files;
}
