import { InputError } from '../errors.ts';
import { type MatchOptions, matchOptions, matchOptionsSchema } from './match-options.ts';

/**
 * Matcher options as a person types them, on the command line or in a patch: a key and a value,
 * `radius=3`, `pattern=symmetric`, `derivatives=off`; `radius=none` for no band.
 */
export const MATCH_OPTION_KEYS = Object.keys(matchOptionsSchema.shape) as (keyof MatchOptions)[];

const CHOICES: Partial<Record<keyof MatchOptions, readonly string[]>> = Object.fromEntries(
  MATCH_OPTION_KEYS.flatMap((key) => {
    const inner = matchOptionsSchema.shape[key].unwrap();
    return 'options' in inner ? [[key, inner.options as readonly string[]]] : [];
  }),
);

/** One option from its key and value (a word or a number); checked against the matcher's own rules. */
export function readMatchOption(key: string, value: string | number): Partial<MatchOptions> {
  if (!(MATCH_OPTION_KEYS as string[]).includes(key)) throw new InputError(`'${key}' is not a gesture option; choose ${MATCH_OPTION_KEYS.join(', ')}`);
  const option = key as keyof MatchOptions;
  const text = String(value).trim();
  let read: unknown;
  if (CHOICES[option]) read = text;
  else if (option === 'derivatives') read = onOff(text);
  else if (option === 'radius' && text === 'none') read = null;
  else read = text === '' ? Number.NaN : Number(text);
  if (Number.isNaN(read)) throw new InputError(`gesture option '${key}' takes a number${option === 'radius' ? ' (or none)' : ''}, not '${text}'`);
  if (read === undefined) throw new InputError(`gesture option '${key}' is on or off, not '${text}'`);
  // Checked alone, so the message is about this option and not about another one already set.
  matchOptions({ [option]: read });
  return { [option]: read };
}

/** `key=value` items, as the command line gives them. */
export function readMatchOptionItems(items: readonly string[]): Partial<MatchOptions> {
  return Object.assign(
    {},
    ...items.map((item) => {
      const parts = /^([^=]+)=(.*)$/.exec(item);
      if (!parts) throw new InputError(`'${item}' is not an option; write KEY=VALUE, e.g. radius=3 (keys: ${MATCH_OPTION_KEYS.join(', ')})`);
      return readMatchOption(parts[1], parts[2]);
    }),
  ) as Partial<MatchOptions>;
}

/** Options as `key=value` items that read back to the same options: those given, or with `all`, every one with defaults filled in. */
export function matchOptionsText(given: Partial<MatchOptions>, all = false): string {
  const options: Partial<MatchOptions> = all ? matchOptions(given) : given;
  return MATCH_OPTION_KEYS.filter((key) => key in options).map((key) => {
    const value = options[key];
    return `${key}=${value === null ? 'none' : typeof value === 'boolean' ? (value ? 'on' : 'off') : value}`;
  }).join(' ');
}

function onOff(text: string): boolean | undefined {
  if (['on', 'true', 'yes', '1'].includes(text)) return true;
  if (['off', 'false', 'no', '0'].includes(text)) return false;
  return undefined;
}
