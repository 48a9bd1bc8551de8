import { type Command, Option } from 'commander';
import type { OscSettings } from '../../core/project/project.ts';
import { wholeNumber } from './options.ts';

/** The OSC flags `serve` and `run` share; each one given is saved in the project. */
export interface OscFlags {
  readonly oscPort?: number;
  readonly host?: string;
  readonly outHost?: string;
  readonly outPort?: number;
  readonly inputAddress?: string;
  readonly outputAddress?: string;
}

export function addOscFlags(command: Command): Command {
  return command
    .addOption(new Option('--osc-port <port>', 'UDP port to listen on for inputs and control (Wekinator: 6448)').argParser(wholeNumber('--osc-port', 1)))
    .option('--host <address>', 'address to listen on: 127.0.0.1 is this computer only, 0.0.0.0 every network')
    .option('--out-host <host>', 'where outputs are sent (Wekinator: 127.0.0.1)')
    .addOption(new Option('--out-port <port>', 'UDP port outputs are sent to (Wekinator: 12000)').argParser(wholeNumber('--out-port', 1)))
    .option('--input-address <address>', 'OSC address of input frames (Wekinator: /wek/inputs)')
    .option('--output-address <address>', 'OSC address of outputs (Wekinator: /wek/outputs)');
}

/** The settings the flags change, and only those. */
export function oscChange(flags: OscFlags): Partial<OscSettings> {
  const change: Partial<Record<keyof OscSettings, string | number>> = {
    port: flags.oscPort,
    host: flags.host,
    outputHost: flags.outHost,
    outputPort: flags.outPort,
    inputAddress: flags.inputAddress,
    outputAddress: flags.outputAddress,
  };
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) as Partial<OscSettings>;
}
