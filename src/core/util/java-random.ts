/**
 * java.util.Random, bit for bit. Weka draws its cross-validation folds and its MLP's
 * starting weights from it, so using the same generator lets a comparison with Weka use
 * exactly the same folds.
 */
const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK = (1n << 48n) - 1n;

export class JavaRandom {
  private seed: bigint;

  constructor(seed: number) {
    this.seed = (BigInt(Math.trunc(seed)) ^ MULTIPLIER) & MASK;
  }

  private next(bits: number): number {
    this.seed = (this.seed * MULTIPLIER + ADDEND) & MASK;
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }

  /** A uniform integer in [0, bound). */
  nextInt(bound: number): number {
    if (!(bound > 0)) throw new RangeError('bound must be positive');
    if ((bound & -bound) === bound) {
      return Number((BigInt(bound) * BigInt(this.next(31))) >> 31n);
    }
    let bits: number;
    let value: number;
    do {
      bits = this.next(31);
      value = bits % bound;
    } while (bits - value + (bound - 1) >= 2 ** 31);
    return value;
  }

  /** A uniform double in [0, 1). */
  nextDouble(): number {
    return (this.next(26) * 2 ** 27 + this.next(27)) * 2 ** -53;
  }

  /** Fisher–Yates as Weka's Instances.randomize does it. */
  shuffle<T>(items: T[]): void {
    for (let j = items.length - 1; j > 0; j--) {
      const k = this.nextInt(j + 1);
      const swap = items[j];
      items[j] = items[k];
      items[k] = swap;
    }
  }
}
