import { z } from 'zod';
import { InputError } from '../errors.ts';
import { type Model, type ModelShape, type Task, type TrainOptions, type TrainingSet, defineAlgorithm } from './algorithm.ts';
import { checkpoint } from './cancel.ts';
import { kthSmallest } from './kth-smallest.ts';
import type { ParamSpecs, ParamsOf } from './params.ts';
import { readSavedState } from './saved-state.ts';

const knnParams = {
  k: {
    type: 'integer',
    default: 1,
    min: 1,
    help: 'How many of the nearest examples decide the output (Weka -K); more give smoother, steadier outputs',
  },
  weighting: {
    type: 'choice',
    default: 'none',
    choices: ['none', 'inverse'],
    help: "How much each neighbour counts: 'none' all alike, 'inverse' more the nearer it is (1/distance, Weka -I)",
  },
} as const satisfies ParamSpecs;

type KnnParams = ParamsOf<typeof knnParams>;

/**
 * Weka 3.6's IBk: the k examples nearest to the input (and every other example as near as the
 * k-th) decide, by Euclidean distance on inputs scaled to [0, 1] by their training range.
 * Classes start from a small prior of 1/(number of examples) each, so a distribution is never all
 * on one class; a number is the weighted mean of the neighbours' values.
 */
export const knn = defineAlgorithm({
  name: 'knn',
  summary: 'k-nearest neighbours: answers like the most similar examples (Weka IBk)',
  tasks: ['classification', 'regression'],
  params: knnParams,
  train(set: TrainingSet, params: KnnParams, options?: TrainOptions): Model {
    if (set.inputs.length === 0) throw new InputError('knn needs at least one example to learn from');
    checkpoint(options, 0);
    const min = new Array<number>(set.inputCount).fill(Infinity);
    const max = new Array<number>(set.inputCount).fill(-Infinity);
    for (const row of set.inputs) {
      for (let a = 0; a < set.inputCount; a++) {
        min[a] = Math.min(min[a], row[a]);
        max[a] = Math.max(max[a], row[a]);
      }
    }
    const examples: Examples = {
      task: set.task,
      classCount: set.classCount,
      inputs: set.inputs.map((row) => Float64Array.from(row)),
      targets: Float64Array.from(set.targets),
      weights: set.weights && Float64Array.from(set.weights),
      min,
      max,
    };
    checkpoint(options, 1);
    return new NearestNeighbours(examples, params);
  },
  restore(state: unknown, params: KnnParams, shape: ModelShape): Model {
    const saved = readSavedState(stateSchema(shape), state, 'knn');
    return new NearestNeighbours(
      {
        task: shape.task,
        classCount: shape.classCount,
        inputs: saved.inputs.map((row) => Float64Array.from(row)),
        targets: Float64Array.from(saved.targets),
        weights: saved.weights && Float64Array.from(saved.weights),
        min: saved.min,
        max: saved.max,
      },
      params,
    );
  },
});

interface Examples {
  readonly task: Task;
  readonly classCount: number;
  readonly inputs: readonly Float64Array[];
  readonly targets: Float64Array;
  /** Absent when every example weighs 1. */
  readonly weights: Float64Array | undefined;
  /** Each input's training range. */
  readonly min: readonly number[];
  readonly max: readonly number[];
}

class NearestNeighbours implements Model {
  private readonly count: number;
  private readonly inputCount: number;
  private readonly k: number;
  private readonly inverse: boolean;
  /** Training inputs scaled to their ranges, example after example. */
  private readonly scaled: Float64Array;
  private readonly query: Float64Array;
  /** Squared distance from the current input to each example. */
  private readonly distances: Float64Array;
  private readonly nearest: Float64Array;
  private readonly scratch: Float64Array;

  constructor(
    private readonly examples: Examples,
    params: KnnParams,
  ) {
    this.count = examples.inputs.length;
    this.inputCount = examples.min.length;
    this.k = params.k;
    this.inverse = params.weighting === 'inverse';
    this.scaled = new Float64Array(this.count * this.inputCount);
    examples.inputs.forEach((row, i) => {
      for (let a = 0; a < this.inputCount; a++) this.scaled[i * this.inputCount + a] = this.scale(a, row[a]);
    });
    this.query = new Float64Array(this.inputCount);
    this.distances = new Float64Array(this.count);
    this.nearest = new Float64Array(Math.min(this.k, this.count));
    this.scratch = new Float64Array(Math.max(1, examples.classCount));
  }

  predict(input: ArrayLike<number>): number {
    this.distribution(input, this.scratch);
    if (this.examples.task === 'regression') return this.scratch[0];
    let best = 0;
    for (let c = 1; c < this.examples.classCount; c++) if (this.scratch[c] > this.scratch[best]) best = c;
    return best;
  }

  distribution(input: ArrayLike<number>, out: Float64Array): void {
    const farthest = this.measure(input);
    const { targets, classCount, task } = this.examples;
    if (task === 'classification') {
      // Weka's prior: every class starts as if 1/N of an example had voted for it.
      let total = classCount / this.count;
      for (let c = 0; c < classCount; c++) out[c] = 1 / this.count;
      for (let i = 0; i < this.count; i++) {
        if (this.distances[i] > farthest) continue;
        const weight = this.weightOf(i);
        out[targets[i]] += weight;
        total += weight;
      }
      if (total > 0) for (let c = 0; c < classCount; c++) out[c] /= total;
    } else {
      let sum = 0;
      let total = 0;
      for (let i = 0; i < this.count; i++) {
        if (this.distances[i] > farthest) continue;
        const weight = this.weightOf(i);
        sum += targets[i] * weight;
        total += weight;
      }
      out[0] = total > 0 ? sum / total : sum;
    }
  }

  state(): KnnState {
    const { inputs, targets, weights, min, max } = this.examples;
    return {
      inputs: inputs.map((row) => Array.from(row)),
      targets: Array.from(targets),
      ...(weights && { weights: Array.from(weights) }),
      min: [...min],
      max: [...max],
    };
  }

  /** Weka's EuclideanDistance scaling; a constant input scales to 0. */
  private scale(a: number, x: number): number {
    const { min, max } = this.examples;
    return max[a] === min[a] ? 0 : (x - min[a]) / (max[a] - min[a]);
  }

  /**
   * Fills `distances` with each example's squared distance to `input` and returns the k-th
   * smallest: every example no farther than that is a neighbour, ties included, as in Weka.
   */
  private measure(input: ArrayLike<number>): number {
    const n = this.inputCount;
    for (let a = 0; a < n; a++) this.query[a] = Number.isNaN(input[a]) ? NaN : this.scale(a, input[a]);
    for (let i = 0; i < this.count; i++) {
      let sum = 0;
      for (let a = 0; a < n; a++) {
        const example = this.scaled[i * n + a];
        const q = this.query[a];
        // Weka's rule for a missing input value: as far as the example is from the far end of the range.
        const difference = Number.isNaN(q) ? (example < 0.5 ? 1 - example : example) : q - example;
        sum += difference * difference;
      }
      this.distances[i] = sum;
    }
    return kthSmallest(this.distances, this.k, this.nearest);
  }

  private weightOf(i: number): number {
    let weight = 1;
    if (this.inverse) {
      // Weka's distance: the root mean square of the scaled differences (square root taken, then squared again).
      const root = Math.sqrt(this.distances[i]);
      const distance = Math.sqrt((root * root) / Math.max(1, this.inputCount));
      weight = 1 / (distance + 0.001);
    }
    return this.examples.weights ? weight * this.examples.weights[i] : weight;
  }
}

function stateSchema(shape: ModelShape) {
  const target = shape.task === 'classification' ? z.number().int().min(0).max(shape.classCount - 1) : z.number();
  return z
    .object({
      inputs: z.array(z.array(z.number()).length(shape.inputCount)).min(1),
      targets: z.array(target),
      weights: z.array(z.number().min(0)).optional(),
      min: z.array(z.number()).length(shape.inputCount),
      max: z.array(z.number()).length(shape.inputCount),
    })
    .refine((s) => s.targets.length === s.inputs.length, { message: 'there must be one target per example', path: ['targets'] })
    .refine((s) => !s.weights || s.weights.length === s.inputs.length, { message: 'there must be one weight per example', path: ['weights'] })
    .refine((s) => s.min.every((low, a) => low <= s.max[a]), { message: 'each minimum must be at most its maximum', path: ['min'] });
}

type KnnState = z.infer<ReturnType<typeof stateSchema>>;
