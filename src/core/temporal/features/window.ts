/** The last `size` values of a stream, newest first by age (age 0 is the latest value). */
export class Window {
  /** Values held: grows to `size`, then stays. */
  count = 0;
  private head = -1;
  private readonly values: Float64Array;

  constructor(readonly size: number) {
    this.values = new Float64Array(size);
  }

  push(x: number): void {
    this.head = (this.head + 1) % this.size;
    this.values[this.head] = x;
    if (this.count < this.size) this.count++;
  }

  at(age: number): number {
    return this.values[(this.head - age + this.size) % this.size];
  }

  reset(): void {
    this.count = 0;
    this.head = -1;
  }

  mean(): number {
    let sum = 0;
    for (let age = 0; age < this.count; age++) sum += this.at(age);
    return sum / this.count;
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
    this.window.push(x);
    this.output = this.window.mean();
  }

  reset(): void {
    this.window.reset();
  }
}
