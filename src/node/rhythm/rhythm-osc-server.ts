import type { IncomingMessage, OutgoingMessage } from '../../core/osc/message.ts';
import { type RhythmCounts, RhythmOscFace } from '../../generative/rhythm/playback/rhythm-osc-face.ts';
import { type PlayEvent, Transport } from '../../generative/rhythm/playback/transport.ts';
import type { RhythmPlayer } from '../../generative/rhythm/vae/rhythm-player.ts';
import { OscLink } from '../osc/osc-link.ts';
import { RateLimitedWarnings } from '../osc/rate-limited-warnings.ts';

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
  private timer: NodeJS.Timeout | undefined;
  private readonly due: PlayEvent[] = [];
  private readonly warnings: RateLimitedWarnings;
  private readonly transport: Transport;
  readonly face: RhythmOscFace;

  private constructor(
    player: RhythmPlayer,
    private readonly link: OscLink,
    options: RhythmServerOptions,
  ) {
    this.warnings = new RateLimitedWarnings(options.printWarning);
    this.transport = new Transport(player.loop, { bpm: options.bpm });
    this.face = new RhythmOscFace(player, this.transport, { ...options, send: this.send, warn: this.warn, now: () => performance.now() });
  }

  /** Listens, sends the loop and the transport's state, and starts playing if asked to. */
  static async start(player: RhythmPlayer, options: RhythmServerOptions): Promise<RhythmOscServer> {
    // The link is open before the server exists; nothing arrives until this function returns.
    let server: RhythmOscServer | undefined;
    const link = await OscLink.open({
      host: options.host,
      port: options.port,
      outputHost: options.outputHost,
      outputPort: () => options.outputPort,
      deliver: (message) => server?.deliver(message),
      warn: (kind, message) => server?.warn(kind, message),
    });
    try {
      server = new RhythmOscServer(player, link, options);
    } catch (error) {
      await link.close();
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
    return this.link.listening();
  }

  counts(): RhythmServerCounts {
    return { packets: this.link.packets, malformed: this.link.malformed, ...this.face.counts, late: this.transport.dropped };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.warnings.flush();
    await this.link.close();
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

  private readonly deliver = (message: IncomingMessage): void => {
    this.face.receive(message);
    // A start, a tempo change or a new loop may bring the next event closer.
    this.play();
  };

  private readonly warn = (kind: string, message: string): void => {
    this.warnings.warn(kind, message);
  };

  private readonly send = (message: OutgoingMessage): void => {
    this.link.send(message);
  };
}
