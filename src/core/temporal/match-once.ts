import type { GestureModel, SeriesMatch } from './gesture-model.ts';

/**
 * Wekinator's "match once when running stops": the raw frames of a run are kept, and when running
 * stops the whole series is classified once against every template.
 */
export class MatchOnce {
  private buffer: Float64Array;
  private frames = 0;

  constructor(private readonly model: GestureModel) {
    this.buffer = new Float64Array(Math.max(1, model.state.inputCount) * 256);
  }

  push(raw: ArrayLike<number>): void {
    const width = this.model.state.inputCount;
    if ((this.frames + 1) * width > this.buffer.length) {
      // Doubling keeps the copying to once per frame on average, however long the run.
      const grown = new Float64Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    for (let a = 0; a < width; a++) this.buffer[this.frames * width + a] = raw[a];
    this.frames++;
  }

  /** Classifies what was played since the last stop, and forgets it; null when nothing was played. */
  stop(): SeriesMatch | null {
    if (this.frames === 0) return null;
    const width = this.model.state.inputCount;
    const series = { length: this.frames, width, values: this.buffer.slice(0, this.frames * width) };
    this.frames = 0;
    return this.model.classify(series);
  }
}
