import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OscineProcess, freePorts } from './udp.ts';

/**
 * `oscine serve` on a project with liblo's tools as the patch: oscsend and oscsendfile send, and
 * oscdump prints everything that comes back. (oscsendfile is oscsend for many messages: one
 * oscsend per frame would take a minute.)
 */
export interface LibloPatch {
  /** Everything oscdump printed so far. */
  dumped(): string;
  /** Waits until `pattern` (global) has matched `times` times in what oscdump printed; fails after 10 s. */
  until(pattern: RegExp, times?: number): Promise<void>;
  /** Sends one message: address, type tags and arguments, as oscsend takes them. */
  send(...args: string[]): void;
  /** Sends the lines (`/address types args…`) from a file in `dir`, in order. */
  sendLines(name: string, lines: readonly string[]): void;
  /**
   * Sends input frames ten at a time, each ten once `reply` has come back for every frame so far:
   * oscdump's small socket buffer overflows when hundreds of replies arrive at once.
   */
  perform(frames: readonly (readonly number[])[], reply: RegExp): Promise<void>;
  /** Stops oscdump and the server, which must exit cleanly. */
  stop(): Promise<void>;
}

export async function servePatch(project: string, dir: string): Promise<LibloPatch> {
  const [oscPort, outPort] = await freePorts(2);
  const server = new OscineProcess(['serve', project, '--osc-port', String(oscPort), '--out-port', String(outPort), '--no-studio']);
  await server.waitFor(/Ctrl\+C stops/);
  const dump = spawn('oscdump', ['-L', String(outPort)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let dumped = '';
  dump.stdout.on('data', (chunk: Buffer) => (dumped += chunk.toString()));
  await new Promise((resolve) => setTimeout(resolve, 300)); // oscdump binds its port
  const count = (pattern: RegExp) => [...dumped.matchAll(pattern)].length;
  const until = async (pattern: RegExp, times = 1) => {
    for (let i = 0; i < 1000 && count(pattern) < times; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(count(pattern) >= times, `${pattern} arrived ${count(pattern)} times, not ${times}:\n${dumped.slice(-2000)}`);
  };
  const sendLines = (name: string, lines: readonly string[]) => {
    const path = join(dir, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    const run = spawnSync('oscsendfile', ['127.0.0.1', String(oscPort), path], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  };
  return {
    dumped: () => dumped,
    until,
    send: (...args) => {
      const run = spawnSync('oscsend', ['127.0.0.1', String(oscPort), ...args], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
    },
    sendLines,
    perform: async (frames, reply) => {
      const before = count(reply);
      for (let from = 0; from < frames.length; from += 10) {
        sendLines('perform.txt', frames.slice(from, from + 10).map(frameLine));
        await until(reply, before + Math.min(from + 10, frames.length));
      }
    },
    stop: async () => {
      dump.kill();
      assert.equal(await server.stop(), 0, server.stderr);
    },
  };
}

/** A frame of two inputs as an oscsendfile line. */
export const frameLine = ([x, y]: readonly number[]) => `/wek/inputs ff ${x.toFixed(6)} ${y.toFixed(6)}`;
