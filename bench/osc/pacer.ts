// The client's sending thread. It sleeps until just before each packet is due, spins the
// rest of the way, stamps the send time into shared memory, then sends; the main thread,
// idle in its event loop, stamps the replies. Sleeping rather than spinning the whole time
// leaves the (two-core) machine's CPU to the server being measured. It connects its sockets,
// says it is ready, and starts when told.
import { createSocket, type Socket } from 'node:dgram';
import { parentPort, workerData } from 'node:worker_threads';

export interface PacerData {
  readonly targetPort: number;
  readonly senders: number;
  /** Nanoseconds between packets of all senders together. */
  readonly intervalNs: number;
  readonly total: number;
  /** Frame f of sender s is frames[s * framesPerSender + f]. */
  readonly frames: readonly Uint8Array[];
  readonly framesPerSender: number;
  /** Float64Array(total): when each packet was sent, ns after `base`. */
  readonly sendTimes: SharedArrayBuffer;
  /** Int32Array(1): how many packets have been sent. */
  readonly sent: SharedArrayBuffer;
  /** process.hrtime.bigint() at the client's start, as a string. */
  readonly base: string;
}

const data = workerData as PacerData;

/**
 * Wake this long before a packet is due: sleeping overshoots by ~0.1 ms on this kind of machine.
 * At high rates the margin is half an interval, so the pacer sleeps more than it spins (packets
 * then leave in twos or threes) instead of taking a whole core.
 */
const SPIN_NS = Math.min(250_000, data.intervalNs / 2);

const base = BigInt(data.base);
const now = () => Number(process.hrtime.bigint() - base);
const sendTimes = new Float64Array(data.sendTimes);
const sent = new Int32Array(data.sent);
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sockets: Socket[] = [];

/** Sequence number i goes from sender i mod S, frame (i div S) mod K: the senders take turns. */
function step(i: number, start: number): void {
  const due = start + i * data.intervalNs;
  const wait = due - now();
  if (wait > SPIN_NS) Atomics.wait(sleeper, 0, 0, (wait - SPIN_NS) / 1e6);
  let t = now();
  while (t < due) t = now();
  const sender = i % data.senders;
  const frame = Math.floor(i / data.senders) % data.framesPerSender;
  sendTimes[i] = t;
  Atomics.store(sent, 0, i + 1);
  sockets[sender].send(data.frames[sender * data.framesPerSender + frame]);
  if (i + 1 < data.total) setImmediate(step, i + 1, start);
  else finish();
}

function finish(): void {
  parentPort?.postMessage({ done: true });
  setTimeout(() => sockets.forEach((s) => s.close()), 100);
}

let connected = 0;
for (let s = 0; s < data.senders; s++) {
  const socket = createSocket('udp4');
  sockets.push(socket);
  // A connected socket hears when the peer's port is closed; the packets show up as lost.
  socket.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNREFUSED') throw error;
  });
  socket.connect(data.targetPort, '127.0.0.1', () => {
    if (++connected === data.senders) parentPort?.postMessage({ ready: true });
  });
}

// Loaded and connected; the main thread says when to go (after raising priorities, if asked).
parentPort?.once('message', () => {
  const start = now() + 10e6;
  parentPort?.postMessage({ start });
  step(0, start);
});
