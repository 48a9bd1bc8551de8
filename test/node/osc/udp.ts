import { type ChildProcess, spawn } from 'node:child_process';
import { type Socket, createSocket } from 'node:dgram';
import { fileURLToPath } from 'node:url';
import { type OscArgOutputOrArray, type OscPacketInput, fromBuffer, toBuffer } from 'osc-min';

const bin = fileURLToPath(new URL('../../../bin/oscine.js', import.meta.url));

/** A received message with its arguments as plain values, e.g. { address: '/wek/outputs', types: 'ff', values: [0.5, 2] }. */
export interface Received {
  readonly address: string;
  readonly types: string;
  readonly values: unknown[];
}

const TYPE_CODES: Record<string, string> = { integer: 'i', float: 'f', double: 'd', string: 's' };

/** UDP ports free right now, bound together so they differ (tests in parallel each get their own). */
export async function freePorts(count: number): Promise<number[]> {
  const sockets = Array.from({ length: count }, () => createSocket('udp4'));
  const ports = await Promise.all(sockets.map((s) => new Promise<number>((resolve) => s.bind(0, '127.0.0.1', () => resolve(s.address().port)))));
  await Promise.all(sockets.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  return ports;
}

/** A patch's end of the conversation: sends OSC to a port and keeps what comes back to its own. */
export class OscPeer {
  readonly received: Received[] = [];
  private waiters: Array<() => void> = [];

  private constructor(private readonly socket: Socket) {
    socket.on('message', (packet) => {
      const message = fromBuffer(packet);
      if (message.oscType !== 'message') throw new Error('the server sent a bundle');
      this.received.push({ address: message.address, types: message.args.map((a) => TYPE_CODES[a.type] ?? a.type).join(''), values: message.args.map(plain) });
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async open(): Promise<OscPeer> {
    const socket = createSocket({ type: 'udp4', recvBufferSize: 8 << 20 });
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return new OscPeer(socket);
  }

  get port(): number {
    return this.socket.address().port;
  }

  /** Sends a message or bundle (or raw bytes) and resolves once the datagram has left. */
  send(port: number, message: OscPacketInput | Uint8Array): Promise<void> {
    const bytes = message instanceof Uint8Array ? message : toBuffer(message);
    return new Promise((resolve, reject) => this.socket.send(bytes, port, '127.0.0.1', (error) => (error ? reject(error) : resolve())));
  }

  /** The first message received from `from` on that matches, waiting up to `ms`. */
  async next(match: (m: Received) => boolean, from = 0, ms = 10_000): Promise<Received> {
    const deadline = Date.now() + ms;
    for (let i = from; ; ) {
      for (; i < this.received.length; i++) if (match(this.received[i])) return this.received[i];
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`nothing matching arrived in ${ms} ms; got ${this.received.slice(from, from + 20).map((m) => m.address).join(', ') || 'nothing'}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The answer to a control message sent after `from` messages had arrived. */
  reply(command: string, from: number): Promise<Received> {
    return this.next((m) => m.address === `/oscine/status/${command}`, from);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}

function plain(arg: OscArgOutputOrArray): unknown {
  return arg.type === 'array' ? arg.value.map(plain) : arg.value;
}

/** `oscine …` running as a separate process, as on stage. */
export class OscineProcess {
  stdout = '';
  stderr = '';
  private readonly exited: Promise<number | null>;

  readonly child: ChildProcess;

  constructor(args: string[], cwd?: string, env: NodeJS.ProcessEnv = {}) {
    const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, OSCINE_DEBUG: '', ...env } });
    this.child = child;
    child.stdout!.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Waits until stdout matches (e.g. the start-up lines), or fails with what the process said. */
  async waitFor(pattern: RegExp, ms = 20_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const match = this.stdout.match(pattern);
      if (match) return match;
      if (this.child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`oscine never printed ${pattern}\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`);
  }

  /** Ctrl+C, as a performer would; resolves with the exit code once it has closed (or how it was killed). */
  async stop(signal: NodeJS.Signals = 'SIGINT'): Promise<number | string | null> {
    if (this.child.exitCode === null) this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    const code = await this.exited;
    clearTimeout(timer);
    return code ?? this.child.signalCode;
  }

  /** Resolves with the exit code when the process ends by itself. */
  ended(): Promise<number | null> {
    return this.exited;
  }
}
