import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../../../core/errors.ts';
import { makeProject } from '../../../core/project/project.ts';
import { ProjectFile } from '../../store/project-file.ts';
import { Stage } from '../../server/stage.ts';
import { type Studio, startStudio } from '../../server/studio-server.ts';
import { untilSignalled } from '../live.ts';
import type { OscFlags } from '../osc-flags.ts';

export interface ServeFlags extends OscFlags {
  /** False with --no-studio. */
  readonly studio: boolean;
  readonly studioPort: number;
}

/** The project `oscine serve` opens when none is named, in the current folder. */
export const DEFAULT_PROJECT = 'untitled.oscine';

/** Wekinator's default new project: 5 inputs, 5 continuous outputs. */
const NEW_INPUTS = 5;
const NEW_OUTPUTS = 5;

/**
 * The main job: opens a project (creating it with Wekinator's defaults if it does not exist)
 * and serves it over OSC and in the studio until Ctrl+C: record, train and run from any patch
 * or from the page. The studio listens where OSC does (`--host`).
 */
export async function serveCommand(path: string | undefined, flags: ServeFlags): Promise<void> {
  const project = path ?? DEFAULT_PROJECT;
  if (!project.endsWith('.oscine')) throw new InputError(`${project}: a project file's name ends in .oscine`);
  if (!existsSync(project)) {
    const outputs = Array.from({ length: NEW_OUTPUTS }, () => ({ kind: 'continuous' as const }));
    ProjectFile.create(project, makeProject({ name: basename(project, '.oscine'), inputs: NEW_INPUTS, outputs })).close();
    console.log(`Created ${project} with Wekinator's defaults: ${NEW_INPUTS} inputs, ${NEW_OUTPUTS} continuous outputs (0..1, mlp); \`oscine new\` makes others`);
  }
  const stage = await Stage.open(project, flags);
  let studio: Studio | undefined;
  try {
    if (flags.studio) studio = await startStudio(stage, { host: stage.live.session.settings.osc.host, port: flags.studioPort });
  } catch (error) {
    await stage.close();
    throw error;
  }
  if (studio) console.log(`Studio: ${studio.url}${studio.paired ? ' — open it on a phone or computer on this network; the token pairs it' : ''}`);
  await untilSignalled();
  await studio?.close();
  await stage.close();
}
