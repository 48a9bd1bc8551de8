/**
 * The last `size` values of a stream. Read a value by its age (0 is the latest) as
 * `values[slot(age)]`: a slot is a whole number, which a call returns without allocating, where a
 * returned double may be boxed on the run path. Until the window is full its values are in slots
 * 0..count−1, so a sum over the first `count` slots is the sum of every value held.
 */
export class Window {
  /** Values held: grows to `size`, then stays. */
  count = 0;
  readonly values: Float64Array;
  private head = -1;

  constructor(readonly size: number) {
    this.values = new Float64Array(size);
  }

  push(x: number): void {
    this.head = (this.head + 1) % this.size;
    this.values[this.head] = x;
    if (this.count < this.size) this.count++;
  }

  slot(age: number): number {
    return (this.head - age + this.size) % this.size;
  }

  reset(): void {
    this.count = 0;
    this.head = -1;
  }
}

/** The moving average of the last `size` values (fewer at the start). */
export class MovingAverage {
  /** The average after the latest value. */
  output = 0;
  private readonly window: Window;

  constructor(size: number) {
    this.window = new Window(size);
  }

  push(x: number): void {
    const { window } = this;
    window.push(x);
    let sum = 0;
    for (let i = 0; i < window.count; i++) sum += window.values[i];
    this.output = sum / window.count;
  }

  reset(): void {
    this.window.reset();
  }
}
