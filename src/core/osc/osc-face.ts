import { type Result, refused } from '../project/result.ts';
import type { Session } from '../project/session.ts';
import { type ModelFiles, findControl } from './control-commands.ts';
import { findGestureControl, findOscineControl } from './gesture-controls.ts';
import { type IncomingMessage, type OscArgument, type OutgoingMessage, describeArgument, integer, quote, text } from './message.ts';
import { OutputMessages } from './output-messages.ts';
import { isArgumentProblem } from './read-arguments.ts';

export const CONTROL_PREFIX = '/wekinator/control/';
/** Oscine's own control messages (per-gesture settings), answered like Wekinator's. */
export const OSCINE_CONTROL_PREFIX = '/oscine/control/';
export const STATUS_PREFIX = '/oscine/status/';
/** Wekinator's signal that a training run ended, sent to the output port. */
export const DONE_TRAINING = '/wekinator/status/done-training';

/** Messages received, by what became of them. */
export interface MessageCounts {
  /** Frames at the input address (the engine counts those with the wrong count or a non-number). */
  inputs: number;
  /** Control messages carried out. */
  controls: number;
  /** Control messages the engine turned down (e.g. running with nothing trained). */
  refused: number;
  /** Messages whose arguments were of the wrong kind or number. */
  badArguments: number;
  /** Messages to an address Oscine does not know. */
  unknown: number;
}

export type WarningKind = 'input' | 'control' | 'unknown';

export interface OscFaceOptions {
  /** Sends one message to the output host and port. */
  readonly send: (message: OutgoingMessage) => void;
  /** Something a patch sent was dropped or refused; the edge decides how loudly to say so. */
  readonly warn: (kind: WarningKind, message: string) => void;
  readonly modelFiles: ModelFiles;
}

/**
 * Wekinator's OSC protocol as a face of the engine: each received message becomes session
 * commands, and what the session does becomes messages out. No sockets here, so the whole
 * protocol is tested with plain objects; src/node/osc puts it on UDP.
 *
 * Beyond Wekinator, every control message is answered on `/oscine/status/<command>` with
 * `1 "what it did"` or `0 "why not"`, and `/oscine/status/state` follows recording, training
 * and running. A matched gesture sends its address (`/output_k`) with no arguments.
 */
export class OscFace {
  readonly counts: MessageCounts = { inputs: 0, controls: 0, refused: 0, badArguments: 0, unknown: 0 };
  private outputs: OutputMessages;
  private readonly stopListening: (() => void)[];
  private readonly doneTraining: OutgoingMessage = { address: DONE_TRAINING, args: [] };

  constructor(
    private readonly session: Session,
    private readonly options: OscFaceOptions,
  ) {
    this.outputs = new OutputMessages(session.settings);
    const { events } = session;
    this.stopListening = [
      events.on('outputs', ({ values, computed, following }) => {
        // Values a patch or the studio set are for recording; only computed ones go out, as in Wekinator.
        if (!computed) return;
        options.send(this.outputs.values(values, session.gestures.distances()));
        this.outputs.sendDistributions(options.send);
        this.outputs.sendFollowing(following, options.send);
      }),
      events.on('gestureTriggered', ({ address }) => options.send({ address, args: [] })),
      events.on('probabilities', ({ output, values }) => this.outputs.holdDistribution(output, values)),
      events.on('trained', () => options.send(this.doneTraining)),
      events.on('state', ({ state }) => this.sendState(state)),
      events.on('project', ({ settings }) => (this.outputs = new OutputMessages(settings))),
      events.on('rejected', ({ reason }) => options.warn('input', `${session.settings.osc.inputAddress}: ${reason}; frame dropped`)),
    ];
  }

  /** Tells the patch where the session stands, e.g. when the server starts. */
  sendState(state = this.session.state): void {
    this.options.send({ address: `${STATUS_PREFIX}state`, args: [text(state)] });
  }

  receive(message: IncomingMessage): void {
    const { address, args } = message;
    if (address === this.session.settings.osc.inputAddress) this.input(args);
    else if (address.startsWith(CONTROL_PREFIX)) this.control(CONTROL_PREFIX, address.slice(CONTROL_PREFIX.length), args);
    else if (address.startsWith(OSCINE_CONTROL_PREFIX)) this.control(OSCINE_CONTROL_PREFIX, address.slice(OSCINE_CONTROL_PREFIX.length), args);
    else {
      this.counts.unknown++;
      const { inputAddress } = this.session.settings.osc;
      this.reply('unknown', refused(`${quote(address)} is not an address Oscine knows: inputs go to ${inputAddress}, control messages to ${CONTROL_PREFIX}… or ${OSCINE_CONTROL_PREFIX}…`));
    }
  }

  /** Stops following the session. */
  close(): void {
    for (const stop of this.stopListening) stop();
  }

  private input(args: readonly OscArgument[]): void {
    this.counts.inputs++;
    for (let i = 0; i < args.length; i++) {
      if (typeof args[i] === 'number') continue;
      this.counts.badArguments++;
      this.options.warn('input', `${this.session.settings.osc.inputAddress}: input ${i + 1} is ${describeArgument(args[i])}, not a number; frame dropped`);
      return;
    }
    // Every argument is a number: the frame goes to the engine as it came, with no copy.
    this.session.input(args as readonly number[]);
  }

  private control(prefix: string, name: string, args: readonly OscArgument[]): void {
    const wekinator = prefix === CONTROL_PREFIX;
    const command = wekinator ? (findControl(name) ?? findGestureControl(name)) : findOscineControl(name);
    if (!command) {
      this.counts.unknown++;
      this.reply('unknown', refused(`${prefix}${quote(name)} is not ${wekinator ? 'a Wekinator' : 'an Oscine'} control message`));
      return;
    }
    let outcome: Result<string> | Promise<Result<string>>;
    try {
      outcome = command(args, { session: this.session, modelFiles: this.options.modelFiles });
    } catch (error) {
      outcome = failure(error);
    }
    if (outcome instanceof Promise) {
      outcome.then(
        (result) => this.answer(prefix, name, result),
        (error: unknown) => this.answer(prefix, name, failure(error)),
      );
    } else this.answer(prefix, name, outcome);
  }

  private answer(prefix: string, name: string, result: Result<string>): void {
    if (result.ok) this.counts.controls++;
    else if (isArgumentProblem(result)) this.counts.badArguments++;
    else this.counts.refused++;
    this.reply(name, result, prefix);
  }

  private reply(name: string, result: Result<string>, prefix = CONTROL_PREFIX): void {
    if (!result.ok) this.options.warn(name === 'unknown' ? 'unknown' : 'control', name === 'unknown' ? result.reason : `${prefix}${name}: ${result.reason}`);
    const words = result.ok ? (result.warning ? `${result.value} (${result.warning})` : result.value) : result.reason;
    this.options.send({ address: `${STATUS_PREFIX}${name}`, args: [integer(result.ok ? 1 : 0), text(words)] });
  }
}

/** A fault inside Oscine while carrying out a command: reported like a refusal, never thrown at the socket. */
function failure(error: unknown): Result<string> {
  return refused(`internal error: ${error instanceof Error ? error.message : String(error)}. This is a bug in Oscine`);
}
