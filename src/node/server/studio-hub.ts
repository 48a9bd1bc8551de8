import { basename } from 'node:path';
import { type RawData, WebSocket } from 'ws';
import { type Result, done, refused } from '../../core/project/result.ts';
import { type Request, type ServerMessage, type StudioAddress, readRequest } from '../../core/studio/protocol.ts';
import { carryOut, isSessionRequest } from '../../core/studio/studio-commands.ts';
import { StudioFace } from '../../core/studio/studio-face.ts';
import type { Live } from '../cli/live.ts';
import { OscMonitor } from './osc-monitor.ts';
import { carryOutFileRequest } from './project-files.ts';
import type { Stage } from './stage.ts';

/** A page that falls this far behind misses live values (never answers or project changes) until it catches up. */
const SLOW_PAGE_BYTES = 1 << 20;
const BYTES_PER_NUMBER = Float64Array.BYTES_PER_ELEMENT;

/**
 * Every open studio page, connected to the project on stage through one StudioFace: requests
 * go to the engine (or the File menu), every change goes back to every page. Nothing a page
 * sends can stop the server: unreadable messages get an error reply, and faults are reported
 * to the page that caused them.
 */
export class StudioHub {
  private readonly pages = new Set<WebSocket>();
  private readonly watchers = new Set<WebSocket>();
  private readonly monitor = new OscMonitor((message) => this.sendTo(this.watchers, message));
  private face!: StudioFace;
  private stopFollowing: (() => void)[] = [];
  private readonly stopSwitching: () => void;

  constructor(
    private readonly stage: Stage,
    private readonly address: StudioAddress,
  ) {
    this.follow(stage.live, stage.path);
    this.stopSwitching = stage.events.on('switched', ({ live, path }) => {
      this.follow(live, path);
      this.broadcast({ type: 'snapshot', snapshot: this.face.snapshot() });
    });
  }

  connect(page: WebSocket): void {
    this.pages.add(page);
    page.on('message', (data, isBinary) => this.receive(page, data, isBinary));
    page.on('close', () => {
      this.pages.delete(page);
      if (this.watchers.delete(page)) this.watchMonitor();
    });
    page.on('error', () => page.terminate());
    this.sendTo([page], { type: 'welcome', snapshot: this.face.snapshot(), studio: this.address });
  }

  close(): void {
    this.stopSwitching();
    this.unfollow();
    this.monitor.close();
    for (const page of this.pages) page.close(1001, 'the server is stopping');
  }

  private follow(live: Live, path: string): void {
    this.unfollow();
    this.face = new StudioFace(live.session, basename(path), { broadcast: (message) => this.broadcast(message), now: () => performance.now() });
    const stopInputs = live.server.traffic.on('received', ({ address, args }) => {
      if (address === live.session.settings.osc.inputAddress && args.every((a) => typeof a === 'number')) this.broadcast({ type: 'inputs', values: args as number[] });
    });
    this.stopFollowing = [() => this.face.close(), stopInputs];
    this.watchMonitor();
  }

  private unfollow(): void {
    for (const stop of this.stopFollowing) stop();
    this.stopFollowing = [];
  }

  private watchMonitor(): void {
    this.monitor.watch(this.stage.live, this.watchers.size > 0);
  }

  private receive(page: WebSocket, data: RawData, isBinary: boolean): void {
    try {
      if (isBinary) this.frame(page, Buffer.isBuffer(data) ? data : Buffer.concat(data as Buffer[]));
      else this.request(page, data.toString());
    } catch (error) {
      this.fault(page, error);
    }
  }

  /** An input frame from a page's sensors: to the engine like an OSC frame, and to the other pages' plots. */
  private frame(page: WebSocket, bytes: Buffer): void {
    if (bytes.length % BYTES_PER_NUMBER !== 0) {
      this.sendTo([page], { type: 'error', reason: `an input frame is a whole number of 64-bit floats; this one has ${bytes.length} bytes` });
      return;
    }
    if (this.stage.opening) return;
    const values = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    this.stage.live.session.input(values);
    const others = [...this.pages].filter((p) => p !== page);
    if (others.length > 0) this.sendTo(others, { type: 'inputs', values: Array.from(values) });
  }

  private request(page: WebSocket, text: string): void {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      this.sendTo([page], { type: 'error', reason: 'a request must be JSON, like {"id": 1, "do": "train"}' });
      return;
    }
    const read = readRequest(json);
    if (!read.ok) {
      this.sendTo([page], read.id === undefined ? { type: 'error', reason: read.reason } : { type: 'reply', id: read.id, ok: false, reason: read.reason });
      return;
    }
    this.carryOut(page, read.request).catch((error: unknown) => this.fault(page, error, read.request.id));
  }

  private async carryOut(page: WebSocket, request: Request): Promise<void> {
    const { id } = request;
    let result: Result<unknown>;
    if (request.do === 'monitor') {
      if (request.on) this.watchers.add(page);
      else this.watchers.delete(page);
      this.watchMonitor();
      result = done();
    } else if (this.stage.opening) {
      result = refused('another project is being opened; try again in a moment');
    } else if (isSessionRequest(request.do)) {
      result = await carryOut(this.stage.live.session, request as Parameters<typeof carryOut>[1]);
    } else {
      result = await carryOutFileRequest(this.stage, request as Parameters<typeof carryOutFileRequest>[1]);
    }
    this.sendTo([page], result.ok ? { type: 'reply', id, ok: true, value: result.value, ...(result.warning ? { warning: result.warning } : {}) } : { type: 'reply', id, ok: false, reason: result.reason });
  }

  /** A bug in Oscine while serving a page: said to that page and on the terminal; the server carries on. */
  private fault(page: WebSocket, error: unknown, id?: number): void {
    console.error(`oscine: studio: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    const reason = `internal error: ${error instanceof Error ? error.message : String(error)}. This is a bug in Oscine`;
    this.sendTo([page], id === undefined ? { type: 'error', reason } : { type: 'reply', id, ok: false, reason });
  }

  private broadcast(message: ServerMessage): void {
    this.sendTo(this.pages, message);
  }

  private sendTo(pages: Iterable<WebSocket>, message: ServerMessage): void {
    const live = message.type === 'outputs' || message.type === 'inputs' || message.type === 'gestureMatch';
    let text: string | undefined;
    for (const page of pages) {
      if (page.readyState !== WebSocket.OPEN || (live && page.bufferedAmount > SLOW_PAGE_BYTES)) continue;
      page.send((text ??= JSON.stringify(message)));
    }
  }
}
