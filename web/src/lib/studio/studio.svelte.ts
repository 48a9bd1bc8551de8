import type { ModelStatus } from '../../../../src/core/project/store.ts';
import type { MonitorLine, OscListening, RequestBody, ServerMessage, Snapshot, StudioAddress, Toggles, Undoable } from '../../../../src/core/studio/protocol.ts';
import { Connection, type LinkStatus, type Reply } from './connection.ts';
import { GestureLive } from './gestures.svelte.ts';
import { LiveTrace } from './live-trace.ts';

/** About five seconds of frames at 100 a second, for the live plots. */
const TRACE_FRAMES = 500;
const MONITOR_LINES = 300;

export interface Notice {
  readonly id: number;
  readonly text: string;
  readonly kind: 'error' | 'info';
}

/**
 * What the page knows of the engine, kept in step by the server's messages. Live values (up to
 * hundreds a second) land in plain arrays and traces first, and reach the reactive state once
 * per screen refresh, so the page never does more work than it can show.
 */
export class Studio {
  link = $state<LinkStatus>('connecting');
  snapshot = $state<Snapshot | undefined>(undefined);
  address = $state<StudioAddress | undefined>(undefined);
  state = $state<Snapshot['state']>('idle');
  playing = $state(false);
  values = $state<number[]>([]);
  /** Whether the values were last computed by the models (rather than set by hand). */
  computed = $state(false);
  counts = $state<readonly number[]>([]);
  models = $state<ModelStatus[]>([]);
  /** Training progress per output, 0..1, while it trains. */
  progress = $state<number[]>([]);
  toggles = $state<Toggles>({ record: [], run: [], train: [] });
  undoable = $state<Undoable>({});
  /** Bumped whenever the examples change, so views that list them read them again. */
  examplesVersion = $state(0);
  notices = $state<Notice[]>([]);
  /** The latest state change in words, for the screen reader's live region. */
  announcement = $state('');
  monitor = $state<MonitorLine[]>([]);
  listening = $state<OscListening | undefined>(undefined);

  inputs = new LiveTrace(TRACE_FRAMES, 1);
  outputs = new LiveTrace(TRACE_FRAMES, 1);
  readonly gestures = new GestureLive();
  private latestValues: Float64Array = new Float64Array(0);
  private latestComputed = false;
  private valuesPending = false;
  private nextNotice = 1;
  private readonly connection: Connection;
  /** Told of every output change, at full rate (the sound follows the outputs without waiting for a redraw). */
  onOutputs: (values: Float64Array) => void = () => {};
  private readonly outputWatchers = new Set<(values: Float64Array) => void>();

  constructor(url: string) {
    this.connection = new Connection(url, (message) => this.receive(message), (status) => {
      this.link = status;
      if (status === 'closed') this.announce('Connection to Oscine lost; trying again');
    });
  }

  get settings() {
    return this.snapshot?.settings;
  }

  /** Carries out a request; a refusal is shown and announced, and comes back as undefined. */
  async ask<T = unknown>(body: RequestBody): Promise<T | undefined> {
    const reply: Reply = await this.connection.request(body);
    if (!reply.ok) {
      this.notify(reply.reason, 'error');
      return undefined;
    }
    if (reply.warning) this.notify(reply.warning, 'info');
    return (reply.value ?? null) as T;
  }

  /** Another listener to every output change at full rate, as onOutputs; returns how to stop listening. */
  watchOutputs(watcher: (values: Float64Array) => void): () => void {
    this.outputWatchers.add(watcher);
    return () => this.outputWatchers.delete(watcher);
  }

  sendFrame(frame: Float64Array): void {
    this.connection.sendFrame(frame);
    this.inputs.push(frame);
  }

  /** Shows a notice for a while; one already showing the same words is not shown twice. */
  notify(text: string, kind: Notice['kind'] = 'info'): void {
    if (this.notices.some((n) => n.text === text)) return;
    const notice = { id: this.nextNotice++, text, kind };
    this.notices = [...this.notices.slice(-4), notice];
    this.announce(text);
    setTimeout(() => this.dismiss(notice.id), kind === 'error' ? 9000 : 5000);
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  announce(text: string): void {
    this.announcement = text;
  }

  private receive(message: ServerMessage): void {
    switch (message.type) {
      case 'welcome':
        this.address = message.studio;
        this.take(message.snapshot);
        break;
      case 'snapshot':
        this.take(message.snapshot);
        if (message.warning) this.notify(message.warning);
        break;
      case 'error':
        this.notify(message.reason, 'error');
        break;
      case 'state':
        this.state = message.state;
        this.playing = message.playing;
        this.announce(describeState(message.state, message.playing));
        break;
      case 'outputs':
        this.takeValues(message.values, message.computed);
        break;
      case 'inputs':
        this.inputs.push(message.values);
        break;
      case 'counts':
        this.counts = message.counts;
        this.undoable = message.undoable;
        if (message.reason !== 'recorded') this.examplesVersion++;
        break;
      case 'toggles':
        this.toggles = { record: message.record, run: message.run, train: message.train };
        break;
      case 'model':
        this.models[message.output] = message.status;
        if (message.status !== 'training') this.progress[message.output] = 0;
        break;
      case 'progress':
        this.progress[message.output] = message.fraction;
        break;
      case 'trained':
        this.examplesVersion++;
        this.announceTrained(message);
        break;
      case 'rejected':
        this.notify(`An input frame was turned away: ${message.reason}`, 'error');
        break;
      case 'monitor':
        this.listening = message.listening;
        if (message.lines.length > 0) this.monitor = [...this.monitor, ...message.lines].slice(-MONITOR_LINES);
        break;
      case 'templates':
      case 'gestureRecording':
      case 'gestureMatch':
      case 'gestureFired': {
        const said = this.gestures.receive(message, (j, k) => this.settings?.gestureOutputs[j]?.gestures[k]?.name ?? `gesture ${k + 1}`);
        if (message.type === 'templates') this.undoable = message.undoable;
        if (said) this.announce(said);
        break;
      }
      case 'reply':
        break;
    }
  }

  private take(snapshot: Snapshot): void {
    const changedShape = snapshot.settings.inputs.length !== this.inputs.width || snapshot.settings.outputs.length !== this.outputs.width;
    if (changedShape) {
      this.inputs = new LiveTrace(TRACE_FRAMES, snapshot.settings.inputs.length);
      this.outputs = new LiveTrace(TRACE_FRAMES, snapshot.settings.outputs.length);
    }
    this.snapshot = snapshot;
    this.state = snapshot.state;
    this.playing = snapshot.playing;
    this.counts = snapshot.counts;
    this.models = [...snapshot.models];
    this.progress = snapshot.models.map(() => 0);
    this.toggles = snapshot.toggles;
    this.undoable = snapshot.undoable;
    this.gestures.take(snapshot.gestures, snapshot.settings.gestureOutputs);
    this.examplesVersion++;
    this.takeValues(snapshot.values, false);
  }

  private takeValues(values: readonly number[], computed: boolean): void {
    if (this.latestValues.length !== values.length) this.latestValues = new Float64Array(values.length);
    this.latestValues.set(values);
    this.latestComputed = computed;
    this.outputs.push(this.latestValues);
    this.onOutputs(this.latestValues);
    for (const watcher of this.outputWatchers) watcher(this.latestValues);
    if (this.valuesPending) return;
    this.valuesPending = true;
    requestAnimationFrame(() => {
      this.valuesPending = false;
      this.values = Array.from(this.latestValues);
      this.computed = this.latestComputed;
    });
  }

  private announceTrained({ trained, failed, cancelled }: { trained: readonly number[]; failed: readonly { reason: string }[]; cancelled: boolean }): void {
    const names = this.settings?.outputs.map((o) => o.name) ?? [];
    if (cancelled) this.notify('Training cancelled; the previous models are kept');
    else if (trained.length > 0) this.notify(`Trained ${trained.map((j) => names[j]).join(', ')}`);
    for (const { reason } of failed) this.notify(`Not trained: ${reason}`, 'error');
  }
}

export function describeState(state: Snapshot['state'], playing: boolean): string {
  if (state === 'recording') return 'Recording';
  if (state === 'training') return playing ? 'Training, still running the previous models' : 'Training';
  if (state === 'running') return 'Running';
  return 'Stopped';
}
