// The load generator, run as its own process: sends /wek/inputs from S senders at R Hz each
// and times every reply that comes back to the reply port.
//
// Matching replies to requests: a reply carries no id, but the peer is deterministic, so
// each sender cycles through K fixed input frames and, before the timed run, a lock-step
// warm-up records the exact bytes of the reply to each frame (the frames must get S×K
// different replies, which is checked). At full rate a reply is then matched to the oldest
// unanswered packet of its sender that carried its frame: replies of one sender come back in
// order over loopback, so packets passed over were lost, and a lost reply can neither hide
// nor shift the timing of the others. Against the echo the reply is the request itself.
//
// Prints one JSON object (see `ClientReport`). Times are milliseconds.
// Run: node --import tsx bench/osc/client.ts --target-port P --reply-port Q [--senders 1]
//      [--rate 1000] [--seconds 30] [--warmup 1] [--window 10] [--raw] [--reply-address /wek/outputs]
//      [--priority high|realtime|normal --peer-pid PID]
// Packets at other addresses (e.g. Oscine's /oscine/status/state) are ignored.
//
// --priority (see priority.ts) applies to this process and the peer for the timed run only,
// once both are loaded and warm: not from the start, because a real-time thread that spins
// (Node's module loader does, briefly) never yields to one of equal priority, and on two cores
// that can hang both.
import { createSocket } from 'node:dgram';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { type Priority, applyPriority, readPriority } from './priority.ts';
import { inputFrame } from './project.ts';
import type { PacerData } from './pacer.ts';
import { type Spread, spread } from './stats.ts';
import { floatMessage, readFloatMessage } from './wire.ts';

export interface ClientReport {
  readonly senders: number;
  readonly ratePerSender: number;
  /** The rate the pacer really achieved, per sender (Hz). */
  readonly achievedRate: number;
  /** How late packets left against their schedule. */
  readonly lateness: Spread;
  readonly sent: number;
  readonly replies: number;
  readonly lost: number;
  /** Replies that matched no packet sent (should be 0). */
  readonly unmatched: number;
  /** Over the packets sent after the warm-up seconds. */
  readonly latency: Spread;
  /** How many measured replies took longer than 0.5 ms and 5 ms (the goals' limits). */
  readonly over: { readonly '0.5': number; readonly '5': number };
  /** When the timed run began (Date.now() clock), to line other records up with `windows`. */
  readonly startedAt: number;
  readonly windows: readonly { readonly from: number; readonly replies: number; readonly lost: number; readonly p99: number; readonly max: number }[];
  /** The peer's reply to the first frame, decoded, to show what it sends. */
  readonly sampleReply: { address: string; values: number[] } | string;
  /** Every measured latency, with --raw. */
  readonly raw?: number[];
}

const { values: flags } = parseArgs({
  options: {
    'target-port': { type: 'string' },
    'reply-port': { type: 'string' },
    senders: { type: 'string', default: '1' },
    rate: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '1' },
    window: { type: 'string', default: '10' },
    frames: { type: 'string', default: '64' },
    'ready-timeout': { type: 'string', default: '60' },
    raw: { type: 'boolean', default: false },
    'reply-address': { type: 'string', default: '/wek/outputs' },
    priority: { type: 'string', default: 'normal' },
    'peer-pid': { type: 'string' },
  },
});
const targetPort = Number(flags['target-port']);
const replyPort = Number(flags['reply-port']);
const replyAddress = flags['reply-address'];
const asked = readPriority(flags.priority);
const S = Number(flags.senders);
const rate = Number(flags.rate);
const K = Number(flags.frames);
const total = Math.round(Number(flags.seconds) * rate * S);
const warmupPackets = Math.round(Number(flags.warmup) * rate * S);
const intervalNs = 1e9 / (rate * S);
if (!(targetPort > 0 && replyPort > 0 && S >= 1 && rate > 0 && total > warmupPackets)) {
  throw new Error('usage: client.ts --target-port P --reply-port Q [--senders S] [--rate R] [--seconds T] [--warmup W]');
}

const base = process.hrtime.bigint();
const now = () => Number(process.hrtime.bigint() - base);

const frames = Array.from({ length: S * K }, (_, id) => floatMessage('/wek/inputs', inputFrame(Math.floor(id / K), id % K, K)));

// As much room as Oscine's own listening socket, so a burst of replies after a stall is not
// dropped here and counted against the peer.
const replies = createSocket({ type: 'udp4', recvBufferSize: 4 << 20 });
let onReply: (packet: Buffer, at: number) => void = () => {};
replies.on('message', (packet) => onReply(packet, now()));
await new Promise<void>((resolve) => replies.bind(replyPort, '127.0.0.1', resolve));

const fingerprints = await learnReplies();
const report = await timedRun(fingerprints.map);
console.log(JSON.stringify({ ...report, sampleReply: fingerprints.sample }));
replies.close();

/** Lock-step: each frame alone, waiting for its reply. Also waits for the peer to be ready. */
async function learnReplies(): Promise<{ map: Map<string, number>; sample: ClientReport['sampleReply'] }> {
  const out = createSocket('udp4');
  const ask = (id: number, timeoutMs: number) =>
    new Promise<Buffer | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      onReply = (packet) => {
        if (!isReply(packet)) return;
        clearTimeout(timer);
        resolve(packet);
      };
      out.send(frames[id], targetPort, '127.0.0.1');
    });
  const deadline = Date.now() + Number(flags['ready-timeout']) * 1000;
  let first: Buffer | undefined;
  while (!first) {
    if (Date.now() > deadline) throw new Error(`no reply on port ${replyPort} from the peer on port ${targetPort}`);
    first = await ask(0, 200);
  }
  onReply = () => {};
  await new Promise((resolve) => setTimeout(resolve, 300)); // let replies to earlier tries drain
  const map = new Map<string, number>();
  for (let id = 0; id < frames.length; id++) {
    let reply: Buffer | undefined;
    for (let attempt = 0; attempt < 3 && !reply; attempt++) reply = await ask(id, 1000);
    if (!reply) throw new Error(`no reply to frame ${id} in lock-step`);
    const key = reply.toString('latin1');
    if (map.has(key)) throw new Error(`frames ${map.get(key)} and ${id} get the same reply; the client cannot tell them apart`);
    map.set(key, id);
  }
  onReply = () => {};
  out.close();
  return { map, sample: readFloatMessage(first) ?? first.toString('hex') };
}

/** Gives this process and the peer a priority; nothing to do (or undo) when none was asked for. */
function prioritise(priority: Priority): void {
  if (asked === 'normal') return;
  const peer = Number(flags['peer-pid']);
  if (!(peer > 0)) throw new Error('--priority needs --peer-pid');
  applyPriority([process.pid, peer], priority);
}

/** Whether a packet is sent to the reply address (checked on its first bytes, not decoded). */
function isReply(packet: Buffer): boolean {
  return packet.length > replyAddress.length && packet.toString('latin1', 0, replyAddress.length + 1) === `${replyAddress}\0`;
}

async function timedRun(map: Map<string, number>): Promise<Omit<ClientReport, 'sampleReply'>> {
  const sendTimes = new Float64Array(new SharedArrayBuffer(8 * total));
  const sent = new Int32Array(new SharedArrayBuffer(4));
  const replyTimes = new Float64Array(total).fill(Number.NaN);
  const next = Int32Array.from({ length: S }, (_, s) => s);
  let matched = 0;
  let unmatched = 0;
  onReply = (packet, at) => {
    const id = map.get(packet.toString('latin1'));
    if (id === undefined) {
      if (isReply(packet)) unmatched++;
      return;
    }
    const s = Math.floor(id / K);
    const frame = id % K;
    const sentSoFar = Atomics.load(sent, 0);
    let i = next[s];
    while (i < sentSoFar && Math.floor(i / S) % K !== frame) i += S;
    if (i >= sentSoFar) return void unmatched++;
    replyTimes[i] = at;
    next[s] = i + S;
    matched++;
  };

  const data: PacerData = { targetPort, senders: S, intervalNs, total, frames, framesPerSender: K, sendTimes: sendTimes.buffer as SharedArrayBuffer, sent: sent.buffer as SharedArrayBuffer, base: base.toString() };
  // A worker cannot load a .ts file by itself, even under tsx: it registers tsx first.
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(import.meta.resolve('./pacer.ts'));
  const pacer = new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${entry}); })`, { eval: true, workerData: data });
  let start = 0;
  let startedAt = 0;
  await new Promise<void>((resolve, reject) => {
    pacer.on('message', (m: { ready?: boolean; start?: number; done?: boolean }) => {
      if (m.ready) {
        prioritise(asked);
        pacer.postMessage('go');
      }
      if (m.start !== undefined) {
        start = m.start;
        startedAt = Date.now() + (start - now()) / 1e6;
      }
      if (m.done) resolve();
    });
    pacer.on('error', reject);
  });
  const grace = Date.now() + 1000;
  while (matched < total && Date.now() < grace) await new Promise((resolve) => setTimeout(resolve, 20));
  await pacer.terminate();
  prioritise('normal');

  const ms = (ns: number) => ns / 1e6;
  const latencies: number[] = [];
  for (let i = warmupPackets; i < total; i++) if (!Number.isNaN(replyTimes[i])) latencies.push(ms(replyTimes[i] - sendTimes[i]));
  const windowPackets = Math.round(Number(flags.window) * rate * S);
  const windows = [];
  for (let from = 0; from < total; from += windowPackets) {
    const inWindow: number[] = [];
    let lost = 0;
    for (let i = from; i < Math.min(total, from + windowPackets); i++) {
      if (Number.isNaN(replyTimes[i])) lost++;
      else inWindow.push(ms(replyTimes[i] - sendTimes[i]));
    }
    const { p99, max } = spread(inWindow);
    windows.push({ from: ms(from * intervalNs) / 1000, replies: inWindow.length, lost, p99, max });
  }
  const count = (limit: number) => latencies.filter((l) => l > limit).length;
  return {
    senders: S,
    ratePerSender: rate,
    achievedRate: ((total - 1) / (sendTimes[total - 1] - sendTimes[0])) * 1e9 / S,
    lateness: spread(Array.from(sendTimes, (t, i) => ms(t - (start + i * intervalNs)))),
    sent: total,
    replies: matched,
    lost: total - matched,
    unmatched,
    latency: spread(latencies),
    over: { '0.5': count(0.5), '5': count(5) },
    startedAt,
    windows,
    ...(flags.raw ? { raw: latencies.map((l) => Math.round(l * 1e4) / 1e4) } : {}),
  };
}
