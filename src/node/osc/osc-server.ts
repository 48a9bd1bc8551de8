import { type RemoteInfo, type Socket, createSocket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { isIPv6 } from 'node:net';
import { InputError } from '../../core/errors.ts';
import type { ModelFiles } from '../../core/osc/control-commands.ts';
import type { IncomingMessage, OutgoingMessage } from '../../core/osc/message.ts';
import { type MessageCounts, OscFace } from '../../core/osc/osc-face.ts';
import { Emitter } from '../../core/project/events.ts';
import type { Session } from '../../core/project/session.ts';
import type { Rejections } from '../../core/project/session-events.ts';
import { decodePacket, encodeMessage } from './packet.ts';
import { RateLimitedWarnings } from './rate-limited-warnings.ts';

/** Room for bursts: a sensor patch may send hundreds of frames while a model loads. */
const RECEIVE_BUFFER_BYTES = 4 << 20;

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
    // IPv4 first: most patches listen on IPv4 only, and 'localhost' may resolve to ::1 before 127.0.0.1.
    const destination = await lookup(outputHost, { family: 4 })
      .catch(() => lookup(outputHost))
      .catch(() => {
        throw new InputError(`cannot find the output host '${outputHost}'; give its address, e.g. --out-host 127.0.0.1`);
      });
    const listener = createSocket({ type: isIPv6(host) ? 'udp6' : 'udp4', recvBufferSize: RECEIVE_BUFFER_BYTES });
    const sender = createSocket(destination.family === 6 ? 'udp6' : 'udp4');
    try {
      await new Promise<void>((resolve, reject) => {
        listener.once('error', reject);
        listener.bind(port, host, () => {
          listener.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      sender.close();
      listener.close();
      throw bindProblem(error as NodeJS.ErrnoException, host, port);
    }
    const server = new OscServer(session, listener, sender, destination.address, options);
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
    let bytes: Uint8Array;
    try {
      bytes = encodeMessage(message);
    } catch (error) {
      this.warn('send', `could not encode ${message.address}: ${(error as Error).message}`);
      return;
    }
    this.traffic.emit('sent', message);
    this.sender.send(bytes, this.session.settings.osc.outputPort, this.destination, this.sent);
  };

  private readonly sent = (error: Error | null): void => {
    if (error) this.warn('send', `could not send to ${this.session.settings.osc.outputHost}:${this.session.settings.osc.outputPort}: ${error.message}`);
  };
}

function bindProblem(error: NodeJS.ErrnoException, host: string, port: number): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new InputError(`UDP port ${port} on ${host} is in use (Wekinator, or another Oscine?); stop it or choose another port with --osc-port`);
    case 'EACCES':
      return new InputError(`this user may not listen on port ${port}; choose one above 1023 with --osc-port`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new InputError(`cannot listen on ${host}: it is not an address of this computer; use --host 127.0.0.1 (this computer only) or 0.0.0.0 (every network)`);
    default:
      return error;
  }
}
