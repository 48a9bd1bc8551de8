import type { InputSource } from '../../web/src/lib/inputs/input-source.ts';

/** What the tests read of a started input: how many frames came, and the last one. */
export interface Watched {
  count: number;
  latest: number[];
  /** Every frame, when asked for. */
  frames: number[][];
}

/** Inputs started in the page by name, for the test to poll with waitForFunction. */
export const watched: Record<string, Watched> = {};
const sources: Record<string, InputSource> = {};

/** Starts `source` in the page and keeps its frames under `name`; resolves once it started. */
export async function watch(name: string, source: InputSource, keepAll = false): Promise<void> {
  const record: Watched = { count: 0, latest: [], frames: [] };
  watched[name] = record;
  sources[name] = source;
  await source.start((values) => {
    record.count++;
    record.latest = Array.from(values);
    if (keepAll) record.frames.push(record.latest);
  });
}

export function unwatch(name: string): void {
  sources[name]?.stop();
}

/** The message a start() failed with, or 'started' when it did not fail. */
export function failureOf(starting: Promise<void>): Promise<string> {
  return starting.then(
    () => 'started',
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
}
