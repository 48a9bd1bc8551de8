import type { OscArgument, OutgoingArgument } from '../../core/osc/message.ts';
import type { MonitorLine, ServerMessage } from '../../core/studio/protocol.ts';
import type { Live } from '../cli/live.ts';

/** Lines are gathered and sent in batches: a sensor at 100 frames a second is one message per batch. */
const BATCH_MS = 200;
/** Lines kept per batch; beyond, the oldest are counted, not sent. */
const BATCH_LINES = 100;

/**
 * The OSC monitor: what the server received and sent, and what it turned away and why, in
 * batches for the pages that have the monitor open. It listens only while one is watching.
 */
export class OscMonitor {
  private lines: MonitorLine[] = [];
  private dropped = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopListening: (() => void)[] = [];
  private live: Live | undefined;

  constructor(private readonly send: (message: ServerMessage) => void) {}

  /** Follows the OSC server of the project on stage while `watching`. */
  watch(live: Live, watching: boolean): void {
    this.unwatch();
    if (!watching) return;
    this.live = live;
    const { traffic } = live.server;
    this.stopListening = [
      traffic.on('received', (m) => this.add('in', `${m.address} ${m.args.map(incoming).join(' ')}`)),
      traffic.on('sent', (m) => this.add('out', `${m.address} ${m.args.map(outgoing).join(' ')}`)),
      traffic.on('problem', ({ message }) => this.add('problem', message)),
    ];
    this.timer = setInterval(() => this.flush(), BATCH_MS);
    this.flush();
  }

  close(): void {
    this.unwatch();
  }

  private unwatch(): void {
    for (const stop of this.stopListening) stop();
    this.stopListening = [];
    clearInterval(this.timer);
    this.live = undefined;
  }

  private add(way: MonitorLine['way'], text: string): void {
    this.lines.push({ at: Date.now(), way, text: text.trimEnd() });
    if (this.lines.length > BATCH_LINES) {
      this.lines.shift();
      this.dropped++;
    }
  }

  private flush(): void {
    if (!this.live) return;
    const lines = this.lines;
    if (this.dropped > 0) lines.unshift({ at: Date.now(), way: 'problem', text: `… ${this.dropped} more messages not shown` });
    this.lines = [];
    this.dropped = 0;
    const { host, port } = this.live.server.listening();
    const { inputAddress, outputAddress, outputHost, outputPort } = this.live.session.settings.osc;
    this.send({ type: 'monitor', lines, listening: { host, port, inputAddress, outputAddress, outputHost, outputPort } });
  }
}

function incoming(arg: OscArgument): string {
  if (typeof arg === 'number') return String(Math.round(arg * 1e4) / 1e4);
  if (typeof arg === 'string') return JSON.stringify(arg);
  return `<${arg.unsupported}>`;
}

function outgoing(arg: OutgoingArgument): string {
  return arg.type === 'string' ? JSON.stringify(arg.value) : String(Math.round(arg.value * 1e4) / 1e4);
}
