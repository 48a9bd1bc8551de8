import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/oscine.js', import.meta.url));

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the `oscine` command as a user would, with optional stdin. */
export function oscine(args: string[], input?: string, cwd?: string): CliResult {
  const run = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd, env: { ...process.env, OSCINE_DEBUG: '' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
