import type { SoundParameter } from './sound.ts';

/**
 * A sound's current parameter values, kept the way the Sound contract promises: values are
 * clamped to each parameter's range, whole parameters are rounded, NaN leaves a value as it was.
 * A parameter without an `initial` value is NaN until it is first set.
 */
export class ParameterValues {
  readonly current: Float64Array;

  constructor(private readonly parameters: readonly SoundParameter[]) {
    this.current = Float64Array.from(parameters, (parameter) => parameter.initial ?? Number.NaN);
  }

  /** Takes new values and calls `changed` for each parameter whose value moved. */
  update(values: ArrayLike<number>, changed: (index: number, value: number) => void): void {
    const count = Math.min(values.length, this.parameters.length);
    for (let index = 0; index < count; index++) {
      const value = this.accept(index, values[index]);
      if (Number.isNaN(value) || value === this.current[index]) continue;
      this.current[index] = value;
      changed(index, value);
    }
  }

  private accept(index: number, value: number): number {
    const { min, max, whole } = this.parameters[index];
    if (typeof value !== 'number' || Number.isNaN(value)) return Number.NaN;
    const clamped = Math.min(max, Math.max(min, value));
    return whole ? Math.round(clamped) : clamped;
  }
}
