/** One demonstration: the inputs at one moment and the output values the user meant. */
export interface Example {
  readonly id: number;
  /** The recording round it was made in (each Start Recording opens a new one). */
  readonly round: number;
  /** When it was recorded, in milliseconds since 1970. */
  readonly time: number;
  readonly inputs: Float64Array;
  /** One value per output; NaN where that output was not being recorded. */
  readonly outputs: Float64Array;
}

/** How many examples each output has (a value that is not missing). */
export function countPerOutput(examples: Iterable<Example>, outputCount: number): number[] {
  const counts = new Array<number>(outputCount).fill(0);
  for (const example of examples) {
    for (let j = 0; j < outputCount; j++) if (!Number.isNaN(example.outputs[j])) counts[j]++;
  }
  return counts;
}
