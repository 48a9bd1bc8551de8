import { type InputPlace, inputKinds } from '../inputs/index.ts';
import type { InputSource } from '../inputs/input-source.ts';

/** The names of the numbers a set of built-in inputs gives, in order (made without starting any device). */
export function inputNames(ids: readonly string[]): string[] {
  return ids.flatMap((id) => {
    const kind = inputKinds.find((k) => k.id === id);
    return kind ? [...kind.create().names] : [];
  });
}

/**
 * The browser's inputs feeding the project: their frames are put side by side into one frame
 * of the project's inputs, sent at the pace of the first of them.
 */
export class Sensors {
  running = $state(false);
  problem = $state<string | undefined>(undefined);
  private sources: InputSource[] = [];

  constructor(private readonly send: (frame: Float64Array) => void) {}

  async start(ids: readonly string[], place: InputPlace): Promise<void> {
    this.stop();
    this.problem = undefined;
    const sources = ids.flatMap((id) => inputKinds.filter((k) => k.id === id).map((k) => k.create(place)));
    const offsets: number[] = [];
    let width = 0;
    for (const source of sources) {
      offsets.push(width);
      width += source.names.length;
    }
    const frame = new Float64Array(width);
    this.sources = sources;
    try {
      await Promise.all(
        sources.map((source, s) =>
          source.start((values) => {
            frame.set(values.subarray(0, source.names.length), offsets[s]);
            if (s === 0) this.send(frame);
          }),
        ),
      );
      this.running = true;
    } catch (error) {
      this.stop();
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  stop(): void {
    for (const source of this.sources) source.stop();
    this.sources = [];
    this.running = false;
  }
}
