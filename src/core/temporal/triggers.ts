/**
 * Decides, frame by frame, which gesture is being performed and when it fires, so that a gesture
 * fires once per performance, not in a burst while its distance hovers around the threshold:
 * - a gesture is matched when it is the nearest under its threshold;
 * - the matched gesture stays matched until its distance passes threshold × (1 + hysteresis);
 *   another takes over only when under its own threshold and nearer by the factor (1 + hysteresis);
 * - becoming matched fires the gesture, unless it fired less than `minInterval` ms ago.
 */
export class TriggerGate {
  /** The matched gesture, or -1. */
  active = -1;
  private readonly lastFired: Float64Array;

  constructor(
    gestureCount: number,
    private readonly hysteresis: number,
    private readonly minInterval: number,
  ) {
    this.lastFired = new Float64Array(gestureCount).fill(-Infinity);
  }

  /** Returns the gesture that fires at time `now` (ms), or -1. */
  update(distances: Float64Array, thresholds: Float64Array, now: number): number {
    const margin = 1 + this.hysteresis;
    let nearest = -1;
    for (let g = 0; g < distances.length; g++) {
      if (distances[g] < thresholds[g] && (nearest < 0 || distances[g] < distances[nearest])) nearest = g;
    }
    const active = this.active;
    if (active >= 0 && !(distances[active] <= thresholds[active] * margin)) this.active = -1;
    if (nearest < 0 || nearest === this.active) return -1;
    if (this.active >= 0 && !(distances[nearest] * margin < distances[this.active])) return -1;
    this.active = nearest;
    if (now - this.lastFired[nearest] < this.minInterval) return -1;
    this.lastFired[nearest] = now;
    return nearest;
  }

  reset(): void {
    this.active = -1;
    this.lastFired.fill(-Infinity);
  }
}
