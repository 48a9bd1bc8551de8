import { InputError } from '../errors.ts';
import { type Result, done } from '../project/result.ts';
import { type OscArgument, describeArgument } from './message.ts';

/**
 * Reading a control message's arguments, with a reason a patch author can act on when they
 * are wrong. Numbers may come as int32, float32 or double (Pure Data sends only floats, ChucK
 * sends ints); Wekinator took only some of these and silently read the others as 0.
 */

/** A refusal because of what a message carried, not because of where the session stands. */
export interface ArgumentProblem {
  readonly ok: false;
  readonly reason: string;
  readonly argumentProblem: true;
}

export const argumentProblem = (reason: string): ArgumentProblem => ({ ok: false, reason, argumentProblem: true });

export const isArgumentProblem = (result: Result<unknown>): result is ArgumentProblem => !result.ok && 'argumentProblem' in result;

/** Runs a reader of the engine's (features, options) that throws InputError at a mistake: the mistake becomes the message's problem. */
export function readThrough<T>(read: () => T): Result<T> {
  try {
    return done(read());
  } catch (error) {
    if (error instanceof InputError) return argumentProblem(error.message);
    throw error;
  }
}

export function readNumbers(args: readonly OscArgument[], what: string): Result<number[]> {
  const values: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (typeof arg !== 'number') return argumentProblem(`${what}: argument ${i + 1} is ${describeArgument(arg)}, not a number`);
    values.push(arg);
  }
  return done(values);
}

/** Wekinator's numbers for outputs and inputs: whole numbers counted from 1. */
export function readPositions(args: readonly OscArgument[], what: string): Result<number[]> {
  const numbers = readNumbers(args, what);
  if (!numbers.ok) return numbers;
  const bad = numbers.value.findIndex((n) => !Number.isInteger(n) || n < 1);
  if (bad >= 0) return argumentProblem(`${what}: argument ${bad + 1} is ${numbers.value[bad]}, not a whole number counted from 1`);
  return numbers;
}

export function readStrings(args: readonly OscArgument[], what: string): Result<string[]> {
  const values: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (typeof arg !== 'string') return argumentProblem(`${what}: argument ${i + 1} is ${describeArgument(arg)}, not a string`);
    values.push(arg);
  }
  return done(values);
}

/** Exactly `count` arguments, or a reason that says how many the message takes. */
export function expectCount(args: readonly OscArgument[], count: number, takes: string): Result {
  return args.length === count ? done() : argumentProblem(`takes ${takes}, not ${args.length} argument${args.length === 1 ? '' : 's'}`);
}
