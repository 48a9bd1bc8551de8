import { InputError } from '../errors.ts';

/** The subset of Java's SimpleDateFormat that ARFF files use; Weka's default is ISO 8601. */
export const DEFAULT_DATE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss";

const FIELDS: Readonly<Record<string, number>> = { yyyy: 0, MM: 1, dd: 2, HH: 3, mm: 4, ss: 5, SSS: 6 };

interface Piece {
  readonly field?: number;
  readonly literal?: string;
  readonly width: number;
}

function pieces(format: string): Piece[] {
  const result: Piece[] = [];
  for (let i = 0; i < format.length; ) {
    if (format[i] === "'") {
      const close = format.indexOf("'", i + 1);
      if (close < 0) throw new InputError(`the date format '${format}' has an unclosed quote`);
      result.push({ literal: format.slice(i + 1, close), width: close - i - 1 });
      i = close + 1;
      continue;
    }
    const key = Object.keys(FIELDS).find((k) => format.startsWith(k, i));
    if (key) {
      result.push({ field: FIELDS[key], width: key.length });
      i += key.length;
    } else if (/[A-Za-z]/.test(format[i])) {
      throw new InputError(`the date format '${format}' uses '${format[i]}', which Oscine does not read; use yyyy MM dd HH mm ss SSS`);
    } else {
      result.push({ literal: format[i], width: 1 });
      i++;
    }
  }
  return result;
}

/** Milliseconds since 1970 (UTC), or undefined when `text` does not fit `format`. */
export function parseDate(text: string, format: string): number | undefined {
  const parts = [1970, 1, 1, 0, 0, 0, 0];
  let at = 0;
  for (const piece of pieces(format)) {
    const chunk = text.slice(at, at + piece.width);
    if (piece.literal !== undefined) {
      if (chunk !== piece.literal) return undefined;
    } else {
      if (!/^\d+$/.test(chunk)) return undefined;
      parts[piece.field!] = Number(chunk);
    }
    at += piece.width;
  }
  if (at !== text.length) return undefined;
  const [year, month, day, hour, minute, second, ms] = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

export function formatDate(time: number, format: string): string {
  const d = new Date(time);
  const values = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()];
  return pieces(format)
    .map((p) => p.literal ?? String(values[p.field!]).padStart(p.width, '0'))
    .join('');
}
