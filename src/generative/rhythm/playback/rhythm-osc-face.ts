import { InputError } from '../../../core/errors.ts';
import { type IncomingMessage, type OscArgument, type OutgoingMessage, describeArgument, float, integer, quote, text } from '../../../core/osc/message.ts';
import { DRUMS, INSTRUMENT_COUNT, type Pattern } from '../pattern.ts';
import type { Control, RhythmPlayer } from '../vae/rhythm-player.ts';
import type { PlayEvent, Transport } from './transport.ts';

/** Where the rhythm's own messages live, in and out. */
export const RHYTHM_PREFIX = '/oscine/rhythm/';

export interface RhythmFaceOptions {
  /** The address whose numbers drive `controls` in order (Wekinator's outputs: /wek/outputs). */
  readonly inputAddress: string;
  readonly controls: readonly string[];
  /** True: those numbers run 0..1 across each control's range, as Wekinator's outputs do; false: the controls' own units. */
  readonly unitRange: boolean;
  readonly send: (message: OutgoingMessage) => void;
  /** One warning of a kind; the caller limits how often they are printed. */
  readonly warn: (kind: string, message: string) => void;
  /** The transport's clock, in milliseconds. */
  readonly now: () => number;
  /** The loop goes out at most this often (default 20 ms); what changes faster goes out as it is then. */
  readonly loopIntervalMs?: number;
}

/** What became of the messages received. */
export interface RhythmCounts {
  /** Messages at the input address that moved the controls. */
  frames: number;
  /** Single controls set, tempo changes, starts and stops. */
  controls: number;
  wrongCount: number;
  notANumber: number;
  unknown: number;
  /** Times the decoded loop changed and was sent. */
  patterns: number;
}

/**
 * Sending a loop (19 messages, 96 numbers a row for two bars) costs about 100 times decoding it,
 * and a mapping may send 100 frames a second, so loops are sent at most this often.
 */
const LOOP_INTERVAL_MS = 20;
/** Changes smaller than these are not a new loop: a velocity step of MIDI, a hundredth of a tick. */
const VELOCITY_STEPS = 127;
const OFFSET_STEPS = 100;

/**
 * A rhythm model's OSC face: numbers from a mapping (e.g. `/wek/outputs x y`) and
 * `/oscine/rhythm/<control> f`, `/tempo f`, `/start`, `/stop` move a RhythmPlayer and a
 * Transport; whenever the decoded loop changes it goes out (at most every 20 ms) as
 * `/oscine/rhythm/loop` and one `/pattern` and `/timing` row per drum, and `message(event)` makes the step and hit messages
 * the transport plays. Bad messages are counted and warned about, never thrown.
 */
export class RhythmOscFace {
  readonly counts: RhythmCounts = { frames: 0, controls: 0, wrongCount: 0, notANumber: 0, unknown: 0, patterns: 0 };
  private readonly driven: readonly Control[];
  private readonly byName: Map<string, Control>;
  /** The loop last decoded, in the steps above, to tell a real change from noise. */
  private readonly sent: Int16Array;
  /** A change not sent yet, and when the next loop may go. */
  private changed = false;
  private nextLoopAt = -Infinity;

  constructor(
    private readonly player: RhythmPlayer,
    private readonly transport: Transport,
    private readonly options: RhythmFaceOptions,
  ) {
    this.byName = new Map(player.controls().map((control) => [control.name, control]));
    this.driven = options.controls.map((name) => {
      const control = this.byName.get(name);
      if (!control) throw new InputError(`--controls: this model has no control '${name}'; it has ${[...this.byName.keys()].join(', ')}.`);
      return control;
    });
    this.sent = new Int16Array(3 * player.loop.onset.length).fill(-1);
  }

  /** Decodes the loop for the controls as they are, and sends it if it changed (always with `force`), as soon as the interval allows. */
  refresh(force = false): void {
    this.changed = this.remember(this.player.update()) || force || this.changed;
    this.flush();
  }

  /** When a change held back by the interval is due to go out (call flush() then), or undefined. */
  loopDueAt(): number | undefined {
    return this.changed ? this.nextLoopAt : undefined;
  }

  /** Sends the loop if it changed and the interval allows. */
  flush(): void {
    const now = this.options.now();
    if (!this.changed || now < this.nextLoopAt) return;
    this.changed = false;
    this.nextLoopAt = now + (this.options.loopIntervalMs ?? LOOP_INTERVAL_MS);
    this.counts.patterns++;
    const { ticks, ticksPerQuarter, meter, onset, velocity, offset } = this.player.loop;
    const hits = onset.reduce((sum, on) => sum + on, 0);
    this.options.send({ address: `${RHYTHM_PREFIX}loop`, args: [integer(ticks), integer(ticksPerQuarter), integer(meter.beats), integer(meter.beatUnit), integer(hits)] });
    for (let drum = 0; drum < INSTRUMENT_COUNT; drum++) {
      const row = (values: ArrayLike<number>) => Array.from({ length: ticks }, (_, tick) => float(onset[drum * ticks + tick] ? values[drum * ticks + tick] : 0));
      const { name, notes } = DRUMS[drum];
      this.options.send({ address: `${RHYTHM_PREFIX}pattern`, args: [text(name), integer(notes[0]), ...row(velocity)] });
      this.options.send({ address: `${RHYTHM_PREFIX}timing`, args: [text(name), ...row(offset)] });
    }
  }

  /** Tells patches whether the loop is playing, and at what tempo. */
  sendTransport(): void {
    this.options.send({ address: `${RHYTHM_PREFIX}transport`, args: [integer(this.transport.playing ? 1 : 0), float(this.transport.bpm)] });
  }

  /** The message for a step or hit the transport says is due. */
  message(event: PlayEvent): OutgoingMessage {
    if (event.kind === 'step') return { address: `${RHYTHM_PREFIX}step`, args: [integer(event.tick), integer(event.hits)] };
    const { name, notes } = DRUMS[event.drum];
    return { address: `${RHYTHM_PREFIX}hit`, args: [text(name), integer(notes[0]), float(event.velocity)] };
  }

  receive(message: IncomingMessage): void {
    const { address, args } = message;
    if (address === this.options.inputAddress) return this.frame(args);
    if (!address.startsWith(RHYTHM_PREFIX)) return this.unknown(address);
    const name = address.slice(RHYTHM_PREFIX.length);
    if (name === 'start' || name === 'stop') {
      if (name === 'start') this.transport.start(this.options.now());
      else this.transport.stop();
      this.counts.controls++;
      return this.sendTransport();
    }
    const control = this.byName.get(name);
    if (name !== 'tempo' && !control) return this.unknown(address);
    if (args.length !== 1) return this.wrongCount(`${address} takes one number, not ${args.length} arguments`);
    const value = args[0];
    if (!isNumber(value)) return this.notANumber(address, value);
    this.counts.controls++;
    if (!control) {
      this.transport.setTempo(value, this.options.now());
      return this.sendTransport();
    }
    this.player.set(control.name, clamp(value, control.min, control.max));
    this.refresh();
  }

  private frame(args: readonly OscArgument[]): void {
    const { inputAddress, unitRange } = this.options;
    if (args.length === 0 || args.length > this.driven.length) {
      const names = this.driven.map((control) => control.name).join(', ');
      return this.wrongCount(`${inputAddress} came with ${args.length} numbers; it drives ${names}, so send 1 to ${this.driven.length} (or name more with --controls)`);
    }
    const bad = args.find((arg) => !isNumber(arg));
    if (bad !== undefined) return this.notANumber(inputAddress, bad);
    this.counts.frames++;
    for (let i = 0; i < args.length; i++) {
      const { name, min, max } = this.driven[i];
      const value = args[i] as number;
      this.player.set(name, unitRange ? min + clamp(value, 0, 1) * (max - min) : clamp(value, min, max));
    }
    this.refresh();
  }

  private remember(loop: Pattern): boolean {
    const cells = loop.onset.length;
    let changed = false;
    for (let cell = 0; cell < cells; cell++) {
      const on = loop.onset[cell];
      changed = this.keep(cell, on) || changed;
      changed = this.keep(cells + cell, on ? Math.round(loop.velocity[cell] * VELOCITY_STEPS) : 0) || changed;
      changed = this.keep(2 * cells + cell, on ? Math.round(loop.offset[cell] * OFFSET_STEPS) : 0) || changed;
    }
    return changed;
  }

  private keep(at: number, value: number): boolean {
    if (this.sent[at] === value) return false;
    this.sent[at] = value;
    return true;
  }

  private unknown(address: string): void {
    this.counts.unknown++;
    this.options.warn('address', `nothing answers ${quote(address)}: send ${this.options.inputAddress}, or ${RHYTHM_PREFIX} followed by start, stop, tempo or a control (${[...this.byName.keys()].join(', ')})`);
  }

  private wrongCount(message: string): void {
    this.counts.wrongCount++;
    this.options.warn('count', message);
  }

  private notANumber(address: string, arg: OscArgument): void {
    this.counts.notANumber++;
    const what = typeof arg === 'number' ? String(arg) : describeArgument(arg);
    this.options.warn('number', `${address} came with ${what} where a number goes; ignored`);
  }
}

function isNumber(arg: OscArgument): arg is number {
  return typeof arg === 'number' && Number.isFinite(arg);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
