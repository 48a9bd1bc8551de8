import type { RemoteInfo, Socket } from 'node:dgram';
import type { OutgoingMessage } from '../../core/osc/message.ts';
import { type RhythmCounts, RhythmOscFace } from '../../generative/rhythm/playback/rhythm-osc-face.ts';
import { type PlayEvent, Transport } from '../../generative/rhythm/playback/transport.ts';
import type { RhythmPlayer } from '../../generative/rhythm/vae/rhythm-player.ts';
import { decodePacket, encodeOrWarn } from '../osc/packet.ts';
import { RateLimitedWarnings } from '../osc/rate-limited-warnings.ts';
import { openUdpEnds } from '../osc/udp-ends.ts';

export interface RhythmServerOptions {
  readonly host: string;
  readonly port: number;
  readonly outputHost: string;
  readonly outputPort: number;
  readonly inputAddress: string;
  /** The controls the input address drives, in order. */
  readonly controls: readonly string[];
  readonly unitRange: boolean;
  readonly bpm: number;
  /** Start playing at once (else on /oscine/rhythm/start). */
  readonly play: boolean;
  readonly printWarning: (line: string) => void;
}

export interface RhythmServerCounts extends RhythmCounts {
  packets: number;
  malformed: number;
  /** Steps and hits dropped because the process was held up past their time. */
  late: number;
}

/**
 * A rhythm model played over UDP: OSC in moves the player and the transport (RhythmOscFace),
 * the loop goes out whenever it changes, and a timer armed for the transport's next event
 * sends each step and hit when it falls, against the monotonic clock (performance.now()).
 */
export class RhythmOscServer {
  private closed = false;
  private packets = 0;
  private malformed = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly due: PlayEvent[] = [];
  private readonly warnings: RateLimitedWarnings;
  private readonly transport: Transport;
  readonly face: RhythmOscFace;

  private constructor(
    player: RhythmPlayer,
    private readonly listener: Socket,
    private readonly sender: Socket,
    private readonly destination: string,
    private readonly options: RhythmServerOptions,
  ) {
    this.warnings = new RateLimitedWarnings(options.printWarning);
    this.transport = new Transport(player.loop, { bpm: options.bpm });
    this.face = new RhythmOscFace(player, this.transport, { ...options, send: this.send, warn: this.warn, now: () => performance.now() });
    listener.on('message', this.receive);
    listener.on('error', (error) => this.warn('socket', `receiving: ${error.message}`));
    sender.on('error', (error) => this.warn('send', `sending: ${error.message}`));
  }

  /** Listens, sends the loop and the transport's state, and starts playing if asked to. */
  static async start(player: RhythmPlayer, options: RhythmServerOptions): Promise<RhythmOscServer> {
    const { listener, sender, destination } = await openUdpEnds(options.host, options.port, options.outputHost);
    let server: RhythmOscServer;
    try {
      server = new RhythmOscServer(player, listener, sender, destination, options);
    } catch (error) {
      await Promise.all([listener, sender].map((socket) => new Promise<void>((resolve) => socket.close(() => resolve()))));
      throw error;
    }
    server.face.refresh(true);
    if (options.play) server.transport.start(performance.now());
    server.face.sendTransport();
    server.play();
    return server;
  }

  /** Where it listens: the real port when any free one (0) was asked for. */
  listening(): { host: string; port: number } {
    const { address, port } = this.listener.address();
    return { host: address, port };
  }

  counts(): RhythmServerCounts {
    return { packets: this.packets, malformed: this.malformed, ...this.face.counts, late: this.transport.dropped };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.warnings.flush();
    await Promise.all([this.listener, this.sender].map((socket) => new Promise<void>((resolve) => socket.close(() => resolve()))));
  }

  /** Sends what is due (a loop held back, steps and hits) and arms the timer for what comes next. */
  private readonly play = (): void => {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed) return;
    this.face.flush();
    for (const event of this.transport.due(performance.now(), this.due)) this.send(this.face.message(event));
    const next = Math.min(this.transport.wakeAt() ?? Infinity, this.face.loopDueAt() ?? Infinity);
    if (next !== Infinity) this.timer = setTimeout(this.play, Math.max(0, next - performance.now()));
  };

  private readonly receive = (packet: Buffer, from: RemoteInfo): void => {
    this.packets++;
    const malformed = decodePacket(packet, (message) => this.face.receive(message));
    if (malformed > 0) {
      this.malformed += malformed;
      this.warn('packet', `a malformed OSC packet from ${from.address}:${from.port} was dropped (${packet.length} bytes)`);
    }
    // A start, a tempo change or a new loop may bring the next event closer.
    this.play();
  };

  private readonly warn = (kind: string, message: string): void => {
    this.warnings.warn(kind, message);
  };

  private readonly send = (message: OutgoingMessage): void => {
    if (this.closed) return;
    const bytes = encodeOrWarn(message, this.warn);
    if (!bytes) return;
    this.sender.send(bytes, this.options.outputPort, this.destination, this.sent);
  };

  private readonly sent = (error: Error | null): void => {
    if (error) this.warn('send', `could not send to ${this.options.outputHost}:${this.options.outputPort}: ${error.message}`);
  };
}
