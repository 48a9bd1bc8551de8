import type { TestContext } from 'node:test';
import { Command } from 'commander';
import { registerRhythmCommands } from '../../../src/node/cli/commands/rhythm.ts';

/**
 * Runs `oscine rhythm …` in this process, registered as main.ts registers it, and returns what
 * it printed; errors are thrown as the command threw them (main.ts prints an InputError as one
 * line and exits with 2). Much quicker than starting `oscine` for every case.
 */
export async function rhythm(t: TestContext, ...args: string[]): Promise<string> {
  const program = new Command('oscine').exitOverride();
  registerRhythmCommands(program);
  let printed = '';
  t.mock.method(console, 'log', (text: string) => (printed += `${text}\n`));
  try {
    await program.parseAsync(['rhythm', ...args], { from: 'user' });
  } finally {
    t.mock.restoreAll();
  }
  return printed;
}
