import type { RemoteInfo } from 'node:dgram';
import type { IncomingMessage, OutgoingMessage } from '../../core/osc/message.ts';
import { decodePacket, encodeOrWarn } from './packet.ts';
import { type UdpEnds, openUdpEnds } from './udp-ends.ts';

export interface OscLinkOptions {
  readonly host: string;
  readonly port: number;
  readonly outputHost: string;
  /** The output port, read at every send (a project may change it while serving). */
  readonly outputPort: () => number;
  /** Every message of every well-formed packet, in order. */
  readonly deliver: (message: IncomingMessage) => void;
  readonly warn: (kind: string, message: string) => void;
}

/**
 * Both ends of an OSC conversation over UDP, as the OSC server and `rhythm play` hold one:
 * packets in are unpacked into messages (malformed ones counted and warned about, never fatal),
 * messages out are encoded and sent to the output host and port.
 */
export class OscLink {
  packets = 0;
  malformed = 0;
  private closed = false;

  private constructor(
    private readonly ends: UdpEnds,
    private readonly options: OscLinkOptions,
  ) {
    ends.listener.on('message', this.receive);
    ends.listener.on('error', (error) => options.warn('socket', `receiving: ${error.message}`));
    ends.sender.on('error', (error) => options.warn('send', `sending: ${error.message}`));
  }

  /** Binds `host:port` and looks up the output host; a taken port or an unknown host is an InputError. */
  static async open(options: OscLinkOptions): Promise<OscLink> {
    return new OscLink(await openUdpEnds(options.host, options.port, options.outputHost), options);
  }

  /** Where it listens: the real port when any free one (0) was asked for. */
  listening(): { host: string; port: number } {
    const { address, port } = this.ends.listener.address();
    return { host: address, port };
  }

  /** Encodes and sends a message; false when it could not be encoded (and was warned about) or the link is closed. */
  send(message: OutgoingMessage): boolean {
    if (this.closed) return false;
    const bytes = encodeOrWarn(message, this.options.warn);
    if (!bytes) return false;
    this.ends.sender.send(bytes, this.options.outputPort(), this.ends.destination, this.sent);
    return true;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const { listener, sender } = this.ends;
    await Promise.all([listener, sender].map((socket) => new Promise<void>((resolve) => socket.close(() => resolve()))));
  }

  private readonly receive = (packet: Buffer, from: RemoteInfo): void => {
    this.packets++;
    const malformed = decodePacket(packet, this.options.deliver);
    if (malformed === 0) return;
    this.malformed += malformed;
    this.options.warn('packet', `a malformed OSC packet from ${from.address}:${from.port} was dropped (${packet.length} bytes)`);
  };

  private readonly sent = (error: Error | null): void => {
    if (error) this.options.warn('send', `could not send to ${this.options.outputHost}:${this.options.outputPort()}: ${error.message}`);
  };
}
