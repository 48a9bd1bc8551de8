/**
 * The last few seconds of a stream of frames, kept in a ring so that adding a frame allocates
 * nothing. Frames arrive as fast as they come (100 a second or more); a plot reads the trace
 * once per screen refresh with `columns`, never once per frame.
 */
export class LiveTrace {
  private readonly times: Float64Array;
  private readonly values: Float64Array;
  private readonly out: Float64Array[];
  private next = 0;
  private filled = 0;
  /** Bumped on every frame, so a reader can tell whether anything new came. */
  version = 0;

  constructor(
    private readonly capacity: number,
    readonly width: number,
  ) {
    this.times = new Float64Array(capacity);
    this.values = new Float64Array(capacity * Math.max(1, width));
    this.out = [];
  }

  push(frame: ArrayLike<number>, at = performance.now()): void {
    if (frame.length !== this.width) return;
    this.times[this.next] = at / 1000;
    const base = this.next * this.width;
    for (let i = 0; i < this.width; i++) this.values[base + i] = frame[i];
    this.next = (this.next + 1) % this.capacity;
    this.filled = Math.min(this.capacity, this.filled + 1);
    this.version++;
  }

  /** The most recent frame, or undefined before the first. */
  latest(): Float64Array | undefined {
    if (this.filled === 0) return undefined;
    const at = (this.next - 1 + this.capacity) % this.capacity;
    return this.values.subarray(at * this.width, (at + 1) * this.width);
  }

  /** Times, then one column per value, oldest first; the arrays are reused between calls. */
  columns(): Float64Array[] {
    const n = this.filled;
    if (this.out.length !== this.width + 1 || this.out[0].length !== n) {
      this.out.length = 0;
      for (let c = 0; c <= this.width; c++) this.out.push(new Float64Array(n));
    }
    const start = (this.next - n + this.capacity) % this.capacity;
    for (let k = 0; k < n; k++) {
      const row = (start + k) % this.capacity;
      this.out[0][k] = this.times[row];
      const base = row * this.width;
      for (let i = 0; i < this.width; i++) this.out[i + 1][k] = this.values[base + i];
    }
    return this.out;
  }
}
