import type { RequestBody, ServerMessage } from '../../../../src/core/studio/protocol.ts';

export type Reply = { ok: true; value: unknown; warning?: string } | { ok: false; reason: string };
export type LinkStatus = 'connecting' | 'open' | 'closed';

/** Waits this long before trying again after the server went away, doubling up to the maximum. */
const RETRY_MS = 500;
const RETRY_MAX_MS = 5000;

/**
 * The page's line to the engine: requests with replies, input frames as binary messages, and
 * every change the server announces. It reconnects by itself when the server restarts.
 */
export class Connection {
  private socket: WebSocket | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: Reply) => void>();
  private retryMs = RETRY_MS;
  private closedOnPurpose = false;

  constructor(
    private readonly url: string,
    private readonly onMessage: (message: ServerMessage) => void,
    private readonly onStatus: (status: LinkStatus) => void,
  ) {
    this.open();
  }

  /** The socket's address for the page at `location` (the pairing token travels in its cookie and here). */
  static urlFor(location: Location): string {
    const token = new URLSearchParams(location.search).get('token');
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${scheme}//${location.host}/socket${token ? `?token=${encodeURIComponent(token)}` : ''}`;
  }

  request(body: RequestBody): Promise<Reply> {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return Promise.resolve({ ok: false, reason: 'not connected to Oscine; is `oscine serve` still running?' });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      socket.send(JSON.stringify({ ...body, id }));
    });
  }

  /** One frame of input values; dropped when the line is down or backed up (a live frame is soon stale). */
  sendFrame(values: Float64Array): void {
    const socket = this.socket;
    if (socket?.readyState === WebSocket.OPEN && socket.bufferedAmount < 1 << 16) socket.send(values);
  }

  close(): void {
    this.closedOnPurpose = true;
    this.socket?.close();
  }

  private open(): void {
    this.onStatus('connecting');
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.retryMs = RETRY_MS;
      this.onStatus('open');
    };
    socket.onmessage = (event: MessageEvent<string>) => this.receive(JSON.parse(event.data) as ServerMessage);
    socket.onclose = () => {
      for (const resolve of this.waiting.values()) resolve({ ok: false, reason: 'the connection to Oscine was lost' });
      this.waiting.clear();
      this.onStatus('closed');
      if (this.closedOnPurpose) return;
      setTimeout(() => this.open(), this.retryMs);
      this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
    };
  }

  private receive(message: ServerMessage): void {
    if (message.type === 'reply') {
      const resolve = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      resolve?.(message.ok ? { ok: true, value: message.value, warning: message.warning } : { ok: false, reason: message.reason });
      return;
    }
    this.onMessage(message);
  }
}
