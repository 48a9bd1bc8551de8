import { type ChildProcess, spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ClientReport } from './client.ts';
import type { Priority } from './priority.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Ports nobody is using right now (bound, read, released together so they differ). */
export async function freePorts(count: number): Promise<number[]> {
  const sockets = Array.from({ length: count }, () => createSocket('udp4'));
  const ports = await Promise.all(sockets.map((s) => new Promise<number>((resolve) => s.bind(0, '127.0.0.1', () => resolve(s.address().port)))));
  sockets.forEach((s) => s.close());
  return ports;
}

export interface Peer {
  readonly name: string;
  readonly child: ChildProcess;
  /** What it printed on stderr, for when it fails. */
  readonly errors: () => string;
}

/** Starts a Node process from the project root; its stdout is shown with the peer's name. */
export function startPeer(name: string, nodeArgs: readonly string[], options: { ipc?: boolean } = {}): Peer {
  const child = spawn(process.execPath, nodeArgs, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc ? ['ipc' as const] : [])] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => process.stderr.write(chunk.toString().replace(/^(?=.)/gm, `  [${name}] `)));
  return { name, child, errors: () => stderr };
}

/** Asks a peer to stop as a user would (SIGINT) and returns its exit code; kills it if it hangs. */
export async function stopPeer(peer: Peer, timeoutMs = 5000): Promise<number | null> {
  const { child } = peer;
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

/** CPU time a process has used so far, user and system, in seconds (Linux /proc; USER_HZ is 100). */
export function cpuSeconds(peer: Peer): number {
  const stat = readFileSync(`/proc/${peer.child.pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export interface ClientOptions {
  readonly targetPort: number;
  readonly replyPort: number;
  readonly peer: Peer;
  readonly seconds: number;
  readonly senders?: number;
  readonly rate?: number;
  readonly warmup?: number;
  readonly window?: number;
  readonly raw?: boolean;
  /** The address replies come on; the echo's is the request's, /wek/inputs. */
  readonly replyAddress?: string;
  readonly priority: Priority;
}

/** Runs the load generator (bench/osc/client.ts) as a separate process and returns its report. */
export async function runClient(options: ClientOptions): Promise<ClientReport> {
  const args = ['--import', 'tsx', 'bench/osc/client.ts', '--target-port', String(options.targetPort), '--reply-port', String(options.replyPort), '--seconds', String(options.seconds)];
  for (const key of ['senders', 'rate', 'warmup', 'window'] as const) if (options[key] !== undefined) args.push(`--${key}`, String(options[key]));
  if (options.raw) args.push('--raw');
  if (options.replyAddress) args.push('--reply-address', options.replyAddress);
  args.push('--priority', options.priority, '--peer-pid', String(options.peer.child.pid));
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the client failed (exit ${code}):\n${stderr}`);
  return JSON.parse(stdout) as ClientReport;
}
