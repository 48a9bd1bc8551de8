import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeProject } from '../../../src/core/project/project.ts';
import { ProjectFile } from '../../../src/node/store/project-file.ts';
import { Stage } from '../../../src/node/server/stage.ts';
import { freePorts } from '../osc/udp.ts';

/** A built studio stand-in: the server only serves files. */
export function fakeBuild(dir: string): string {
  const files = join(dir, 'dist');
  mkdirSync(join(files, 'assets'), { recursive: true });
  writeFileSync(join(files, 'index.html'), '<!doctype html><title>studio</title>');
  writeFileSync(join(files, 'assets', 'app.js'), 'console.log(1)');
  return files;
}

/** A small project (2 inputs; a continuous and a classifier output) open on a stage, OSC on a free port. */
export async function openStage(dir: string): Promise<Stage> {
  const path = join(dir, 'played.oscine');
  ProjectFile.create(path, makeProject({ name: 'played', inputs: 2, outputs: [{ kind: 'continuous', name: 'pitch', min: 0, max: 10, model: 'linear' }, { kind: 'classifier', name: 'mood', classes: 3 }] })).close();
  const [oscPort] = await freePorts(1);
  return Stage.open(path, { oscPort });
}
