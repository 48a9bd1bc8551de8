/**
 * The 1€ filter (Casiez, Roussel & Vogel, CHI 2012): a low-pass filter whose cutoff rises with the
 * signal's speed, so a still hand is steady and a moving one does not lag. With sampling period
 * Te = 1 / rate and α(fc) = 1 / (1 + τ / Te), τ = 1 / (2π fc):
 *   dx̂ᵢ = α(dcutoff) (xᵢ − x̂ᵢ₋₁) / Te + (1 − α(dcutoff)) dx̂ᵢ₋₁
 *   fc  = mincutoff + β |dx̂ᵢ|
 *   x̂ᵢ  = α(fc) xᵢ + (1 − α(fc)) x̂ᵢ₋₁
 * The first sample passes unchanged, with a derivative of 0.
 */
export class OneEuroFilter {
  /** The filtered value of the latest sample. */
  output = 0;
  private derivative = 0;
  private started = false;

  constructor(
    private readonly rate: number,
    private readonly minCutoff: number,
    private readonly beta: number,
    private readonly derivativeCutoff: number,
  ) {}

  /** Takes a sample; the result is in `output` (a number returned would be boxed on the run path). */
  push(x: number): void {
    if (!this.started) {
      this.started = true;
      this.output = x;
      this.derivative = 0;
      return;
    }
    const a = smoothingFactor(this.derivativeCutoff, this.rate);
    this.derivative = a * (x - this.output) * this.rate + (1 - a) * this.derivative;
    const cutoff = this.minCutoff + this.beta * Math.abs(this.derivative);
    const b = smoothingFactor(cutoff, this.rate);
    this.output = b * x + (1 - b) * this.output;
  }

  reset(): void {
    this.started = false;
  }
}

/** α for a first-order low-pass filter with the given cutoff (Hz) at the given sampling rate (Hz). */
function smoothingFactor(cutoff: number, rate: number): number {
  const tau = 1 / (2 * Math.PI * cutoff);
  return 1 / (1 + tau * rate);
}
