import { spawnSync } from 'node:child_process';
import type { TestContext } from 'node:test';

/** The real OSC peers the server is tested with, and the Debian packages that bring them (`.ci/run` installs them). */
const PACKAGES = { oscsend: 'liblo-tools', oscdump: 'liblo-tools', pd: 'puredata-core', chuck: 'chuck' } as const;

/**
 * Skips the test when a peer program is missing on a developer's machine; in CI (CI=true) a
 * missing peer is a failure, so an interoperability check can never pass by being skipped.
 */
export function needsTools(t: TestContext, ...commands: (keyof typeof PACKAGES)[]): boolean {
  const missing = commands.filter((command) => spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0);
  if (missing.length === 0) return true;
  const packages = [...new Set(missing.map((command) => PACKAGES[command]))].join(' ');
  if (process.env.CI) throw new Error(`${missing.join(', ')} missing; .ci/run should install ${packages}`);
  t.skip(`${missing.join(', ')} not installed (apt-get install ${packages}) — peer check skipped`);
  return false;
}
