import { InputError } from '../errors.ts';

/** The subset of Java's SimpleDateFormat that ARFF files use; Weka's default is ISO 8601. */
export const DEFAULT_DATE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss";

const FIELDS: Readonly<Record<string, number>> = { yyyy: 0, MM: 1, dd: 2, HH: 3, mm: 4, ss: 5, SSS: 6 };

type Piece = { readonly field: number; readonly width: number } | { readonly literal: string };

function pieces(format: string): Piece[] {
  const result: Piece[] = [];
  for (let i = 0; i < format.length; ) {
    if (format[i] === "'") {
      const quoted = quotedLiteral(format, i);
      result.push({ literal: quoted.text });
      i = quoted.end;
      continue;
    }
    const key = Object.keys(FIELDS).find((k) => format.startsWith(k, i));
    if (key) {
      result.push({ field: FIELDS[key], width: key.length });
      i += key.length;
    } else if (/[A-Za-z]/.test(format[i])) {
      throw new InputError(`the date format '${format}' uses '${format[i]}', which Oscine does not read; use yyyy MM dd HH mm ss SSS`);
    } else {
      result.push({ literal: format[i] });
      i++;
    }
  }
  return result;
}

/** Text between quotes starting at `start`, where '' stands for one quote (inside quotes or out). */
function quotedLiteral(format: string, start: number): { text: string; end: number } {
  if (format[start + 1] === "'") return { text: "'", end: start + 2 };
  let text = '';
  for (let i = start + 1; i < format.length; i++) {
    if (format[i] !== "'") text += format[i];
    else if (format[i + 1] === "'") text += format[++i];
    else return { text, end: i + 1 };
  }
  throw new InputError(`the date format '${format}' has an unclosed quote`);
}

/** Why Oscine cannot read dates in `format`, or undefined when it can. */
export function dateFormatProblem(format: string): string | undefined {
  try {
    pieces(format);
    return undefined;
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
}

/**
 * Milliseconds since 1970 (UTC), or undefined when `text` does not fit `format` or names no
 * real moment (month 13, 30 February), as Weka's strict SimpleDateFormat refuses them too.
 * As in Java, a field may have fewer or more digits than its letters unless another number
 * follows it directly (`yyyyMMdd`), where the letters fix its width.
 */
export function parseDate(text: string, format: string): number | undefined {
  const parts = [1970, 1, 1, 0, 0, 0, 0];
  const list = pieces(format);
  let at = 0;
  for (let k = 0; k < list.length; k++) {
    const piece = list[k];
    if ('literal' in piece) {
      if (!text.startsWith(piece.literal, at)) return undefined;
      at += piece.literal.length;
      continue;
    }
    const next = list[k + 1];
    const fixedWidth = next !== undefined && 'field' in next;
    let end = at;
    while (end < text.length && text[end] >= '0' && text[end] <= '9' && !(fixedWidth && end - at === piece.width)) end++;
    if (end === at || (fixedWidth && end - at !== piece.width)) return undefined;
    parts[piece.field] = Number(text.slice(at, end));
    at = end;
  }
  if (at !== text.length) return undefined;
  const [year, month, day, hour, minute, second, ms] = parts;
  // Date.UTC would read years 0-99 as 1900-1999; setUTCFullYear takes them as written.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  const real =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return real ? date.getTime() : undefined;
}

export function formatDate(time: number, format: string): string {
  const d = new Date(time);
  const values = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()];
  return pieces(format)
    .map((p) => ('literal' in p ? p.literal : String(values[p.field]).padStart(p.width, '0')))
    .join('');
}
