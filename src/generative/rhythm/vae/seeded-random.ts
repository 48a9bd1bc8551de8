/**
 * The one source of chance in training and steering, so a seed gives the same model every time.
 * SFC32 in 32-bit integer arithmetic, seeded through SplitMix32: a few hundred thousand starting
 * weights are drawn in milliseconds (java.util.Random through BigInt took half a second).
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let state = seed >>> 0;
    const splitMix = () => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.a = splitMix();
    this.b = splitMix();
    this.c = splitMix();
    this.d = splitMix();
    for (let i = 0; i < 12; i++) this.next32();
  }

  /** A uniform 32-bit unsigned integer. */
  private next32(): number {
    const result = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + result) | 0;
    return result >>> 0;
  }

  /** A uniform double in [0, 1). */
  nextDouble(): number {
    return ((this.next32() >>> 5) * 67108864 + (this.next32() >>> 6)) / 9007199254740992;
  }

  /** A uniform integer in [0, bound). */
  nextInt(bound: number): number {
    return Math.floor(this.nextDouble() * bound);
  }

  /** A standard normal draw (Box–Muller). */
  nextGaussian(): number {
    const u = 1 - this.nextDouble(); // in (0, 1], so the logarithm is finite
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.nextDouble());
  }

  /** Fills `out` with standard normal draws. */
  fillGaussian(out: Float32Array): Float32Array {
    for (let i = 0; i < out.length; i++) out[i] = this.nextGaussian();
    return out;
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): void {
    for (let j = items.length - 1; j > 0; j--) {
      const k = this.nextInt(j + 1);
      [items[j], items[k]] = [items[k], items[j]];
    }
  }
}
