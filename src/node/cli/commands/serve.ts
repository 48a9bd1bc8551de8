import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../../../core/errors.ts';
import { makeProject } from '../../../core/project/project.ts';
import { ProjectFile } from '../../store/project-file.ts';
import { Stage } from '../../server/stage.ts';
import { type Studio, startStudio } from '../../server/studio-server.ts';
import { untilSignalled } from '../live.ts';
import type { OwnCertificate } from '../../server/tls/studio-certificate.ts';
import type { OscFlags } from '../osc-flags.ts';

export interface ServeFlags extends OscFlags {
  /** False with --no-studio. */
  readonly studio: boolean;
  readonly studioPort: number;
  readonly tlsCert?: string;
  readonly tlsKey?: string;
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
  const certificate = ownCertificate(flags);
  if (!project.endsWith('.oscine')) throw new InputError(`${project}: a project file's name ends in .oscine`);
  if (!existsSync(project)) {
    const outputs = Array.from({ length: NEW_OUTPUTS }, () => ({ kind: 'continuous' as const }));
    ProjectFile.create(project, makeProject({ name: basename(project, '.oscine'), inputs: NEW_INPUTS, outputs })).close();
    console.log(`Created ${project} with Wekinator's defaults: ${NEW_INPUTS} inputs, ${NEW_OUTPUTS} continuous outputs (0..1, mlp); \`oscine new\` makes others`);
  }
  const stage = await Stage.open(project, flags);
  let studio: Studio | undefined;
  try {
    if (flags.studio) studio = await startStudio(stage, { host: stage.live.session.settings.osc.host, port: flags.studioPort, certificate });
  } catch (error) {
    await stage.close();
    throw error;
  }
  if (studio) console.log(studioLines(studio).join('\n'));
  await untilSignalled();
  await studio?.close();
  await stage.close();
}

function ownCertificate({ tlsCert, tlsKey }: ServeFlags): OwnCertificate | undefined {
  if (tlsCert === undefined && tlsKey === undefined) return undefined;
  if (tlsCert === undefined || tlsKey === undefined) throw new InputError('--tls-cert and --tls-key go together: the certificate and its private key');
  return { certFile: tlsCert, keyFile: tlsKey };
}

/** Where to open the studio, and what a phone will say about Oscine's own certificate. */
function studioLines({ url, paired, tls }: Studio): string[] {
  const lines = [`Studio: ${url}${paired ? ' — open it on a phone or computer on this network; the token pairs it' : ''}`];
  if (tls?.made) lines.push(`  Made the studio's certificate: ${tls.file}`);
  if (tls?.warning) lines.push(`  ${tls.warning}`);
  if (tls?.selfSigned) {
    lines.push(
      "  The certificate is Oscine's own, so a phone warns once that the connection is not private: on Android Chrome tap",
      '  Advanced → Proceed; on an iPhone tap Show Details → visit this website. It is https so that the phone lends its motion sensors.',
    );
  }
  return lines;
}
