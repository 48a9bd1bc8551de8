import type { ModelFiles } from '../../core/osc/control-commands.ts';
import type { IncomingMessage, OutgoingMessage } from '../../core/osc/message.ts';
import { type MessageCounts, OscFace } from '../../core/osc/osc-face.ts';
import { Emitter } from '../../core/project/events.ts';
import type { Session } from '../../core/project/session.ts';
import type { Rejections } from '../../core/project/session-events.ts';
import { OscLink } from './osc-link.ts';
import { RateLimitedWarnings } from './rate-limited-warnings.ts';

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
  private readonly warnings: RateLimitedWarnings;
  readonly face: OscFace;
  readonly traffic = new Emitter<OscTraffic>();

  private constructor(
    private readonly session: Session,
    private readonly link: OscLink,
    options: OscServerOptions,
  ) {
    this.warnings = new RateLimitedWarnings(options.printWarning);
    this.face = new OscFace(session, { send: this.send, warn: this.warn, modelFiles: options.modelFiles });
  }

  /** Binds the project's OSC port and starts answering; refuses with a clear message if the port is taken. */
  static async start(session: Session, options: OscServerOptions): Promise<OscServer> {
    const { host, port, outputHost } = session.settings.osc;
    const link = await OscLink.open({
      host,
      port,
      outputHost,
      outputPort: () => session.settings.osc.outputPort,
      // Nothing arrives before the server below exists: the socket delivers on a later turn.
      deliver: (message) => server.deliver(message),
      warn: (kind, message) => server.warn(kind, message),
    });
    const server = new OscServer(session, link, options);
    server.face.sendState();
    return server;
  }

  /** Where it listens: the real port when the project asked for any free one (0). */
  listening(): { host: string; port: number } {
    return this.link.listening();
  }

  counts(): ServerCounts {
    return { packets: this.link.packets, malformed: this.link.malformed, ...this.face.counts, ...this.session.rejections };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.face.close();
    this.warnings.flush();
    await this.link.close();
  }

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
    if (this.link.send(message)) this.traffic.emit('sent', message);
  };
}
