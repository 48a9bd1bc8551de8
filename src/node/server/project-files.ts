import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, normalize, sep } from 'node:path';
import { InputError } from '../../core/errors.ts';
import { fileStem } from '../../core/project/file-name.ts';
import { makeProject } from '../../core/project/project.ts';
import { type Result, done, refused } from '../../core/project/result.ts';
import type { FileRequest } from '../../core/studio/protocol.ts';
import { readWekinatorFolder } from '../files/wekinator-folder.ts';
import { ProjectFile, createProjectFile } from '../store/project-file.ts';
import type { Stage } from './stage.ts';

type FileCommand = Exclude<FileRequest, { do: 'monitor' }>;

/**
 * The studio's File menu: new, open, save as, and importing a Wekinator project folder. Project
 * files live in the folder of the project being served; the page names them, never a path.
 */
export async function carryOutFileRequest(stage: Stage, request: FileCommand): Promise<Result<unknown>> {
  try {
    switch (request.do) {
      case 'listProjects':
        return done(listProjects(stage));
      case 'newProject': {
        const settings = makeProject({ name: request.name, inputs: request.inputs, outputs: request.outputs, osc: stage.live.session.settings.osc });
        const path = freshPath(stage, request.name);
        await stage.replace(() => (createProjectFile(path, settings), path));
        return done({ file: basename(path) });
      }
      case 'openProject': {
        const path = existingPath(stage, request.file);
        await stage.replace(() => path);
        return done({ file: basename(path) });
      }
      case 'saveAs':
        return done({ file: basename(await saveAs(stage, request.name)) });
      case 'importWekinator':
        return done(await importWekinator(stage, request.files));
    }
  } catch (error) {
    if (error instanceof InputError) return refused(error.message);
    throw error;
  }
}

function listProjects(stage: Stage): { file: string; current: boolean }[] {
  const current = basename(stage.path);
  return readdirSync(folderOf(stage))
    .filter((name) => name.endsWith('.oscine'))
    .sort()
    .map((file) => ({ file, current: file === current }));
}

function folderOf(stage: Stage): string {
  return dirname(stage.path);
}

function freshPath(stage: Stage, name: string): string {
  const file = `${fileStem(name)}.oscine`;
  const path = join(folderOf(stage), file);
  if (existsSync(path)) throw new InputError(`${file} is already in this folder; open it, or choose another name`);
  return path;
}

function existingPath(stage: Stage, file: string): string {
  if (basename(file) !== file || !file.endsWith('.oscine')) throw new InputError(`'${file}' is not the name of a project file in this folder`);
  const path = join(folderOf(stage), file);
  if (!existsSync(path)) throw new InputError(`${file} is not in this folder any more`);
  return path;
}

/** Copies the project (closed first, so every example is in the file) and carries on in the copy. */
async function saveAs(stage: Stage, name: string): Promise<string> {
  const path = freshPath(stage, name);
  const from = stage.path;
  await stage.replace(() => {
    copyFileSync(from, path);
    const copy = ProjectFile.open(path);
    try {
      copy.saveSettings({ ...copy.load().settings, name });
    } finally {
      copy.close();
    }
    return path;
  });
  return path;
}

/** A Wekinator project folder the page uploaded: written to a scratch folder, read, and made a project here. */
async function importWekinator(stage: Stage, files: readonly { path: string; base64: string }[]): Promise<{ file: string; notes: string[] }> {
  const scratch = mkdtempSync(join(tmpdir(), 'oscine-wekinator-'));
  try {
    for (const { path, base64 } of files) {
      const relative = normalize(path).replace(/^([/\\])+/, '');
      if (relative.split(sep).includes('..')) throw new InputError(`'${path}' is not a file inside the folder`);
      const target = join(scratch, relative);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, Buffer.from(base64, 'base64'));
    }
    const projectFile = files.map((f) => f.path).find((p) => p.toLowerCase().endsWith('.wekproj'));
    if (!projectFile) throw new InputError('the folder has no .wekproj file; choose the folder of a Wekinator 2.x project');
    const { settings, examples, notes } = readWekinatorFolder(join(scratch, normalize(projectFile).replace(/^([/\\])+/, '')));
    const path = freshPath(stage, settings.name);
    // The project keeps its addresses, but is served where the studio's project was.
    const { port, host } = stage.live.session.settings.osc;
    await stage.replace(() => (createProjectFile(path, { ...settings, osc: { ...settings.osc, port, host } }, examples), path));
    return { file: basename(path), notes };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
