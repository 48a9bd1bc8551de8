import { INSTRUMENT_COUNT, type Pattern } from '../pattern.ts';

/** Tempi the transport accepts, in quarter notes per minute; others are clamped to these. */
export const TEMPO_RANGE = { min: 20, max: 400 } as const;

interface Timed {
  /** Where in the music, in ticks counted from the start (not wrapped to the loop). */
  position: number;
  /** When to send it, in the clock's milliseconds. */
  at: number;
  /** The tick of the loop it belongs to, from 0. */
  readonly tick: number;
}

/** A tick of the loop where at least one drum is struck. */
export interface StepEvent extends Timed {
  readonly kind: 'step';
  /** How many drums are struck on it. */
  readonly hits: number;
}

/** One drum struck, at its tick moved by its micro-timing offset. */
export interface HitEvent extends Timed {
  readonly kind: 'hit';
  /** The drum's row in the pattern (see DRUMS). */
  readonly drum: number;
  /** 0..1 */
  readonly velocity: number;
}

export type PlayEvent = StepEvent | HitEvent;

export interface TransportOptions {
  /** Quarter notes per minute (default 120). */
  readonly bpm?: number;
  /** Events due this soon are sent now: timers count whole milliseconds and may wake a little early (default 1 ms). */
  readonly lookAheadMs?: number;
  /** After a stall, events later than this are dropped instead of being sent in one burst (default 30 ms). */
  readonly latestMs?: number;
}

/**
 * Plays a loop against a clock it is given: `due(now)` says what to send now, `wakeAt()` when
 * to ask next. Times are computed from one anchor (the last start or tempo change), never by
 * adding up timer intervals, so a late timer makes one event late, not the rest of the bar.
 * Each tick is planned half a tick before it falls, when its earliest micro-timed hit may be
 * due; the loop is read then, so an edit is heard from the next tick not yet planned. After a
 * stall (a busy machine, a suspended process), what is too late is dropped and counted, and
 * the loop goes on where the clock is, instead of catching up in a burst.
 */
export class Transport {
  private tempo: number;
  private running = false;
  private anchorTime = 0;
  private anchorPosition = 0;
  private startedAt = 0;
  /** The next tick (counted from the start) to plan. */
  private nextTick = 0;
  private readonly queue: PlayEvent[] = [];
  private readonly lookAheadMs: number;
  private readonly latestMs: number;
  /** Steps and hits never sent because they were more than `latestMs` late. */
  dropped = 0;

  /** `loop` is read as it is whenever a tick is planned: edit it in place to change what plays. */
  constructor(
    readonly loop: Pattern,
    options: TransportOptions = {},
  ) {
    this.tempo = clampTempo(options.bpm ?? 120);
    this.lookAheadMs = options.lookAheadMs ?? 1;
    this.latestMs = options.latestMs ?? 30;
  }

  get bpm(): number {
    return this.tempo;
  }

  get playing(): boolean {
    return this.running;
  }

  /** Plays from the top of the loop, from `now`. */
  start(now: number): void {
    this.running = true;
    this.anchorTime = this.startedAt = now;
    this.anchorPosition = 0;
    this.nextTick = 0;
    this.queue.length = 0;
  }

  stop(): void {
    this.running = false;
    this.queue.length = 0;
  }

  /** Changes the tempo from `now` on, keeping the place in the loop; returns the tempo taken (clamped; a non-number changes nothing). */
  setTempo(bpm: number, now: number): number {
    if (Number.isNaN(bpm)) return this.tempo;
    this.anchorPosition = this.positionAt(now);
    this.anchorTime = now;
    this.tempo = clampTempo(bpm);
    for (const event of this.queue) event.at = this.timeOf(event.position);
    return this.tempo;
  }

  /** The events to send now, in time order, into `out` (emptied first). */
  due(now: number, out: PlayEvent[] = []): PlayEvent[] {
    out.length = 0;
    if (!this.running) return out;
    this.dropLate(now - this.latestMs);
    const horizon = now + this.lookAheadMs;
    while (this.timeOf(this.nextTick - 0.5) <= horizon) this.plan(this.nextTick++);
    let count = 0;
    while (count < this.queue.length && this.queue[count].at <= horizon) count++;
    for (const event of this.queue.splice(0, count)) out.push(event);
    return out;
  }

  /** When `due` has something next, or undefined when stopped. */
  wakeAt(): number | undefined {
    if (!this.running) return undefined;
    const nextPlan = this.timeOf(this.nextTick - 0.5);
    return this.queue.length > 0 ? Math.min(this.queue[0].at, nextPlan) : nextPlan;
  }

  /** Where in the music the clock is at `time`, in ticks from the start. */
  positionAt(time: number): number {
    return this.anchorPosition + (time - this.anchorTime) * this.ticksPerMs();
  }

  private ticksPerMs(): number {
    return (this.tempo * this.loop.ticksPerQuarter) / 60_000;
  }

  /** When a position falls; nothing is due before the start (a hit pushed early on the first downbeat waits for it). */
  private timeOf(position: number): number {
    return Math.max(this.startedAt, this.anchorTime + (position - this.anchorPosition) / this.ticksPerMs());
  }

  private dropLate(late: number): void {
    let count = 0;
    while (count < this.queue.length && this.queue[count].at < late) count++;
    this.queue.splice(0, count);
    this.dropped += count;
    if (this.timeOf(this.nextTick + 0.5) >= late) return;
    // Every event of the ticks before `first` is too late.
    const first = Math.ceil(this.positionAt(late) - 0.5);
    this.dropped += this.eventsBetween(this.nextTick, first);
    this.nextTick = first;
  }

  private plan(tick: number): void {
    const { ticks, onset, velocity, offset } = this.loop;
    const inLoop = wrap(tick, ticks);
    let hits = 0;
    for (let drum = 0; drum < INSTRUMENT_COUNT; drum++) hits += onset[drum * ticks + inLoop];
    if (hits === 0) return;
    this.enqueue({ kind: 'step', tick: inLoop, hits, position: tick, at: this.timeOf(tick) });
    for (let drum = 0; drum < INSTRUMENT_COUNT; drum++) {
      const cell = drum * ticks + inLoop;
      if (!onset[cell]) continue;
      const position = tick + offset[cell];
      this.enqueue({ kind: 'hit', tick: inLoop, drum, velocity: velocity[cell], position, at: this.timeOf(position) });
    }
  }

  /** Keeps the queue in time order; an event goes after those at the same time (a step before its hits). */
  private enqueue(event: PlayEvent): void {
    let at = this.queue.length;
    while (at > 0 && this.queue[at - 1].at > event.at) at--;
    this.queue.splice(at, 0, event);
  }

  /** Steps and hits on the ticks from `from` up to (not including) `to`. */
  private eventsBetween(from: number, to: number): number {
    const { ticks, onset } = this.loop;
    const perTick = new Array<number>(ticks).fill(0);
    for (let cell = 0; cell < onset.length; cell++) perTick[cell % ticks] += onset[cell];
    const events = perTick.map((hits) => (hits > 0 ? hits + 1 : 0));
    const perLoop = events.reduce((sum, n) => sum + n, 0);
    const loops = Math.floor((to - from) / ticks);
    let count = loops * perLoop;
    for (let tick = from + loops * ticks; tick < to; tick++) count += events[wrap(tick, ticks)];
    return count;
  }
}

function wrap(tick: number, ticks: number): number {
  return ((tick % ticks) + ticks) % ticks;
}

function clampTempo(bpm: number): number {
  return Math.min(TEMPO_RANGE.max, Math.max(TEMPO_RANGE.min, bpm));
}
