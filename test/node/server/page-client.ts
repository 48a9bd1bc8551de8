import WebSocket from 'ws';
import type { RequestBody, ServerMessage } from '../../../src/core/studio/protocol.ts';

type Reply = Extract<ServerMessage, { type: 'reply' }>;

/** A studio page's end of the WebSocket, for tests: sends requests and frames, keeps everything it hears. */
export class PageClient {
  readonly heard: ServerMessage[] = [];
  private nextId = 1;
  private wake: (() => void)[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.heard.push(JSON.parse(String(data)) as ServerMessage);
      for (const wake of this.wake.splice(0)) wake();
    });
  }

  /** `ca`: the certificate to trust, for a studio served over https (wss). */
  static open(url: string, headers: Record<string, string> = {}, ca?: string): Promise<PageClient> {
    const socket = new WebSocket(url, { headers, ca });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new PageClient(socket)));
      socket.once('error', reject);
    });
  }

  /** The first message (from `from` on) that matches, waiting for it if need be. */
  async next<T extends ServerMessage>(match: (m: ServerMessage) => m is T, from?: number, ms?: number): Promise<T>;
  async next(match: (m: ServerMessage) => boolean, from?: number, ms?: number): Promise<ServerMessage>;
  async next(match: (m: ServerMessage) => boolean, from = 0, ms = 10_000): Promise<ServerMessage> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.heard.slice(from).find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching message; heard ${JSON.stringify(this.heard.slice(from)).slice(0, 2000)}`);
      await new Promise<void>((resolve) => {
        this.wake.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** Sends a request and waits for its reply. */
  async ask(body: RequestBody | { readonly do: string; readonly [field: string]: unknown }): Promise<Reply> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ ...body, id }));
    return (await this.next((m) => m.type === 'reply' && m.id === id)) as Reply;
  }

  sendRaw(data: string | Buffer): void {
    this.socket.send(data);
  }

  close(): void {
    this.socket.close();
  }
}
