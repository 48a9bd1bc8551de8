/**
 * The SVM's kernels as Weka computes them: the polynomial kernel (x·y)^exponent without the
 * lower-order term (exponent 1 is the linear kernel) and the RBF kernel exp(-gamma·|x−y|²).
 */
export type Kernel =
  | { readonly type: 'poly'; readonly exponent: number }
  | { readonly type: 'rbf'; readonly gamma: number };

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += a[k] * b[k];
  return sum;
}

/**
 * The kernel between `x` and `y`, given each one's dot product with itself (which only the RBF
 * kernel reads). The RBF distance is written 2x·y − x·x − y·y in that order, as in Weka.
 */
export function kernelValue(kernel: Kernel, x: ArrayLike<number>, xx: number, y: ArrayLike<number>, yy: number): number {
  if (kernel.type === 'poly') return Math.pow(dot(x, y), kernel.exponent);
  return Math.exp(kernel.gamma * (2 * dot(x, y) - xx - yy));
}

// Weka's default cache: 250007 places of 4 slots each, the most recently used value first.
const CACHE_PLACES = 250007;
const CACHE_SLOTS = 4;

/**
 * Kernel values between training examples, remembered as Weka's CachedKernel remembers them.
 * Besides saving time, this keeps results equal to Weka's: the RBF kernel of (i, j) and of
 * (j, i) can differ in the last bit, and whichever Weka computed first is what it reuses.
 */
export class KernelCache {
  private keys = new Float64Array(0);
  private values = new Float64Array(0);
  private rows: readonly Float64Array[] = [];
  private selfDots = new Float64Array(0);

  constructor(private readonly kernel: Kernel) {}

  /** Forgets everything and serves the kernel over `rows`. */
  reset(rows: readonly Float64Array[]): void {
    // Keys run below n², so a small problem needs only that many places.
    const size = Math.min(CACHE_PLACES, rows.length * rows.length) * CACHE_SLOTS;
    if (this.keys.length < size) {
      this.keys = new Float64Array(size);
      this.values = new Float64Array(size);
    } else {
      this.keys.fill(0, 0, size);
    }
    this.rows = rows;
    this.selfDots = Float64Array.from(rows, (row) => dot(row, row));
  }

  value(i: number, j: number): number {
    const n = this.rows.length;
    const key = (i > j ? i + j * n : j + i * n) + 1; // stored plus one: 0 marks an empty slot
    const place = ((key - 1) % CACHE_PLACES) * CACHE_SLOTS;
    for (let slot = place; slot < place + CACHE_SLOTS; slot++) {
      const stored = this.keys[slot];
      if (stored === 0) break;
      if (stored === key) {
        const value = this.values[slot];
        if (slot !== place) {
          this.keys[slot] = this.keys[place];
          this.values[slot] = this.values[place];
          this.keys[place] = key;
          this.values[place] = value;
        }
        return value;
      }
    }
    const value = kernelValue(this.kernel, this.rows[i], this.selfDots[i], this.rows[j], this.selfDots[j]);
    this.keys.copyWithin(place + 1, place, place + CACHE_SLOTS - 1);
    this.values.copyWithin(place + 1, place, place + CACHE_SLOTS - 1);
    this.keys[place] = key;
    this.values[place] = value;
    return value;
  }
}
