/**
 * One argument of a received OSC message. Every OSC number type (int32, float32, double,
 * int64) arrives as a number and text (string, symbol, char) as a string; anything else
 * (blobs, booleans, nil, arrays…) only says what it was, since Wekinator's protocol has no use
 * for it.
 */
export type OscArgument = number | string | { readonly unsupported: string };

export interface IncomingMessage {
  readonly address: string;
  readonly args: readonly OscArgument[];
}

/**
 * What Oscine sends. The shapes are those OSC codecs take (osc-min's typed arguments), so a
 * message can be encoded as it is; `value` is writable so a message sent on every frame can be
 * built once and refilled.
 */
export type OutgoingArgument = { readonly type: 'float'; value: number } | { readonly type: 'integer'; value: number } | { readonly type: 'string'; value: string };

export interface OutgoingMessage {
  readonly address: string;
  readonly args: OutgoingArgument[];
}

export const float = (value: number): OutgoingArgument => ({ type: 'float', value });
export const integer = (value: number): OutgoingArgument => ({ type: 'integer', value });
export const text = (value: string): OutgoingArgument => ({ type: 'string', value });

/** How an argument reads in a message to a person: `a string ("abc")`, `a blob`. */
export function describeArgument(arg: OscArgument): string {
  if (typeof arg === 'number') return `the number ${arg}`;
  if (typeof arg === 'string') return `a string (${quote(arg)})`;
  return `${/^[aeiou]/.test(arg.unsupported) ? 'an' : 'a'} ${arg.unsupported}`;
}

/** Text from outside, quoted and cut short so a huge string cannot fill a log line. */
export function quote(value: string, limit = 60): string {
  return JSON.stringify(value.length > limit ? `${value.slice(0, limit)}…` : value);
}
