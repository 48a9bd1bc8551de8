import type { RemoteInfo, Socket } from 'node:dgram';
import type { ModelFiles } from '../../core/osc/control-commands.ts';
import type { IncomingMessage, OutgoingMessage } from '../../core/osc/message.ts';
import { type MessageCounts, OscFace } from '../../core/osc/osc-face.ts';
import { Emitter } from '../../core/project/events.ts';
import type { Session } from '../../core/project/session.ts';
import type { Rejections } from '../../core/project/session-events.ts';
import { decodePacket, encodeOrWarn } from './packet.ts';
import { RateLimitedWarnings } from './rate-limited-warnings.ts';
import { openUdpEnds } from './udp-ends.ts';

export interface OscServerOptions {
  readonly modelFiles: ModelFiles;
  /** Prints one warning line (the server limits how often). */
  readonly printWarning: (line: string) => void;
}

/** Everything the server received, by what became of it. */
export interface ServerCounts extends MessageCounts, Rejections {
  packets: number;
  malformed: number;
}

/** What passes through the server, for a monitor to show. */
export interface OscTraffic {
  received: IncomingMessage;
  sent: OutgoingMessage;
  /** Something received was dropped or refused, and why (every one, before rate limiting). */
  problem: { readonly kind: string; readonly message: string };
}

/**
 * The engine on UDP, speaking Wekinator's protocol: listens on the project's OSC host and port
 * for inputs and control messages, and sends outputs and answers to its output host and port
 * from a second socket, as Wekinator does. Nothing a peer sends can stop it: malformed packets,
 * unknown addresses and bad arguments are counted and warned about, at a rate a terminal can
 * take.
 */
export class OscServer {
  private closed = false;
  private packets = 0;
  private malformed = 0;
  private readonly warnings: RateLimitedWarnings;
  readonly face: OscFace;
  readonly traffic = new Emitter<OscTraffic>();

  private constructor(
    private readonly session: Session,
    private readonly listener: Socket,
    private readonly sender: Socket,
    /** The output host's address, looked up once: a name would be looked up again on every frame. */
    private readonly destination: string,
    options: OscServerOptions,
  ) {
    this.warnings = new RateLimitedWarnings(options.printWarning);
    this.face = new OscFace(session, { send: this.send, warn: this.warn, modelFiles: options.modelFiles });
    listener.on('message', this.receive);
    listener.on('error', (error) => this.warn('socket', `receiving: ${error.message}`));
    sender.on('error', (error) => this.warn('send', `sending: ${error.message}`));
  }

  /** Binds the project's OSC port and starts answering; refuses with a clear message if the port is taken. */
  static async start(session: Session, options: OscServerOptions): Promise<OscServer> {
    const { host, port, outputHost } = session.settings.osc;
    const { listener, sender, destination } = await openUdpEnds(host, port, outputHost);
    const server = new OscServer(session, listener, sender, destination, options);
    server.face.sendState();
    return server;
  }

  /** Where it listens: the real port when the project asked for any free one (0). */
  listening(): { host: string; port: number } {
    const { address, port } = this.listener.address();
    return { host: address, port };
  }

  counts(): ServerCounts {
    return { packets: this.packets, malformed: this.malformed, ...this.face.counts, ...this.session.rejections };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.face.close();
    this.warnings.flush();
    await Promise.all([this.listener, this.sender].map((socket) => new Promise<void>((resolve) => socket.close(() => resolve()))));
  }

  private readonly receive = (packet: Buffer, from: RemoteInfo): void => {
    this.packets++;
    const malformed = decodePacket(packet, this.deliver);
    if (malformed === 0) return;
    this.malformed += malformed;
    this.warn('packet', `a malformed OSC packet from ${from.address}:${from.port} was dropped (${packet.length} bytes)`);
  };

  private readonly deliver = (message: IncomingMessage): void => {
    if (this.closed) return;
    this.traffic.emit('received', message);
    this.face.receive(message);
  };

  private readonly warn = (kind: string, message: string): void => {
    this.traffic.emit('problem', { kind, message });
    this.warnings.warn(kind, message);
  };

  private readonly send = (message: OutgoingMessage): void => {
    if (this.closed) return;
    const bytes = encodeOrWarn(message, this.warn);
    if (!bytes) return;
    this.traffic.emit('sent', message);
    this.sender.send(bytes, this.session.settings.osc.outputPort, this.destination, this.sent);
  };

  private readonly sent = (error: Error | null): void => {
    if (error) this.warn('send', `could not send to ${this.session.settings.osc.outputHost}:${this.session.settings.osc.outputPort}: ${error.message}`);
  };
}
