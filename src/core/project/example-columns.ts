import { parseDate } from '../data/dates.ts';

/** The columns before the inputs in an examples file: ARFF names them as Wekinator's currentData.arff does. */
export const ARFF_META = { id: 'ID', time: 'Time', round: 'Training round' } as const;
export const CSV_META = { id: 'id', time: 'time', round: 'round' } as const;

export type MetaColumn = keyof typeof ARFF_META;

/** Wekinator's date format for the Time column (its reader insists on it). */
export const WEKINATOR_TIME_FORMAT = 'yyyy/MM/dd HH:mm:ss:SSS';
/** The CSV's times, in a form spreadsheets recognise. */
export const CSV_TIME_FORMAT = 'yyyy-MM-dd HH:mm:ss.SSS';

const TIME_FORMATS = [CSV_TIME_FORMAT, WEKINATOR_TIME_FORMAT, "yyyy-MM-dd'T'HH:mm:ss.SSS", 'yyyy-MM-dd HH:mm:ss', "yyyy-MM-dd'T'HH:mm:ss"];

/** Which of id, time and round a column's name means, in either layout and any case. */
export function metaColumn(name: string): MetaColumn | undefined {
  const lower = name.trim().toLowerCase();
  if (lower === 'id') return 'id';
  if (lower === 'time') return 'time';
  if (lower === 'round' || lower === 'training round') return 'round';
  return undefined;
}

/** Milliseconds since 1970 from a time written in one of the forms above, or undefined. */
export function readTime(text: string): number | undefined {
  for (const format of TIME_FORMATS) {
    const time = parseDate(text.trim(), format);
    if (time !== undefined) return time;
  }
  return undefined;
}
