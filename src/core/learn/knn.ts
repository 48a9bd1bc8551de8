import { z } from 'zod';
import { InputError } from '../errors.ts';
import { type Model, type ModelShape, type Task, type TrainOptions, type TrainingSet, defineAlgorithm } from './algorithm.ts';
import { checkpoint } from './cancel.ts';
import { keepSmallest } from './k-smallest.ts';
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
    const n = set.inputCount;
    const inputs = new Float64Array(set.inputs.length * n);
    const min = new Float64Array(n).fill(Infinity);
    const max = new Float64Array(n).fill(-Infinity);
    set.inputs.forEach((row, i) => {
      for (let a = 0; a < n; a++) {
        inputs[i * n + a] = row[a];
        min[a] = Math.min(min[a], row[a]);
        max[a] = Math.max(max[a], row[a]);
      }
    });
    const examples: Examples = {
      task: set.task,
      classCount: set.classCount,
      inputs,
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
        inputs: Float64Array.from(saved.inputs.flat()),
        targets: Float64Array.from(saved.targets),
        weights: saved.weights && Float64Array.from(saved.weights),
        min: Float64Array.from(saved.min),
        max: Float64Array.from(saved.max),
      },
      params,
    );
  },
});

interface Examples {
  readonly task: Task;
  readonly classCount: number;
  /** The training inputs, example after example. */
  readonly inputs: Float64Array;
  readonly targets: Float64Array;
  /** Absent when every example weighs 1. */
  readonly weights: Float64Array | undefined;
  /** Each input's training range. */
  readonly min: Float64Array;
  readonly max: Float64Array;
}

/**
 * Distances are summed four inputs at a time, checking only between blocks whether an example
 * is already too far: checking after every input costs more in mispredicted branches than it
 * saves. Rows are padded with zeros to whole blocks; a zero difference adds exactly nothing.
 */
const BLOCK = 4;

class NearestNeighbours implements Model {
  private readonly count: number;
  private readonly inputCount: number;
  private readonly classCount: number;
  private readonly k: number;
  private readonly inverse: boolean;
  private readonly classification: boolean;
  private readonly targets: Float64Array;
  private readonly weights: Float64Array | undefined;
  private readonly min: Float64Array;
  private readonly max: Float64Array;
  /** How many numbers each example takes in `scaled`: its inputs, then zeros up to a whole block. */
  private readonly stride: number;
  /** Training inputs scaled to their ranges, example after example. */
  private readonly scaled: Float64Array;
  /** The input being answered, scaled like the examples (NaN where missing), padded like them. */
  private readonly query: Float64Array;
  /** The smallest squared distances found so far, at most k, as a max-heap: the k-th nearest on top. */
  private readonly heap: Float64Array;
  /**
   * Every example that was among the k nearest when it was measured, in order, with its squared
   * distance: the neighbours are those of them no farther than the final k-th nearest.
   */
  private readonly candidates: Int32Array;
  private readonly candidateDistances: Float64Array;
  private readonly scratch: Float64Array;

  constructor(
    private readonly examples: Examples,
    params: KnnParams,
  ) {
    const { inputs, targets, min, max } = examples;
    const n = min.length;
    this.count = targets.length;
    this.inputCount = n;
    this.classCount = examples.classCount;
    this.k = params.k;
    this.inverse = params.weighting === 'inverse';
    this.classification = examples.task === 'classification';
    this.targets = targets;
    this.weights = examples.weights;
    this.min = min;
    this.max = max;
    this.stride = Math.max(1, Math.ceil(n / BLOCK)) * BLOCK;
    this.scaled = new Float64Array(this.count * this.stride);
    for (let i = 0; i < this.count; i++) {
      for (let a = 0; a < n; a++) {
        // Weka's EuclideanDistance scaling; a constant input scales to 0.
        this.scaled[i * this.stride + a] = max[a] === min[a] ? 0 : (inputs[i * n + a] - min[a]) / (max[a] - min[a]);
      }
    }
    this.query = new Float64Array(this.stride);
    this.heap = new Float64Array(Math.min(this.k, this.count));
    this.candidates = new Int32Array(this.count);
    this.candidateDistances = new Float64Array(this.count);
    this.scratch = new Float64Array(Math.max(1, this.classCount));
  }

  predict(input: ArrayLike<number>): number {
    this.distribution(input, this.scratch);
    if (!this.classification) return this.scratch[0];
    let best = 0;
    for (let c = 1; c < this.classCount; c++) if (this.scratch[c] > this.scratch[best]) best = c;
    return best;
  }

  distribution(input: ArrayLike<number>, out: Float64Array): void {
    const { min, max, query, targets, weights, candidates, candidateDistances } = this;
    let missing = false;
    for (let a = 0; a < this.inputCount; a++) {
      const x = input[a];
      if (Number.isNaN(x)) {
        missing = true;
        query[a] = NaN;
      } else {
        query[a] = max[a] === min[a] ? 0 : (x - min[a]) / (max[a] - min[a]);
      }
    }
    const found = missing ? this.findWithMissing() : this.find();
    const farthest = this.heap[0];
    const perInput = Math.max(1, this.inputCount);
    let sum = 0;
    let total = 0;
    if (this.classification) {
      // Weka's prior: every class starts as if 1/N of an example had voted for it.
      for (let c = 0; c < this.classCount; c++) out[c] = 1 / this.count;
      total = this.classCount / this.count;
    }
    for (let j = 0; j < found; j++) {
      const squared = candidateDistances[j];
      if (squared > farthest) continue;
      const i = candidates[j];
      let weight = 1;
      if (this.inverse) {
        // Weka's distance: the root mean square of the scaled differences (square root taken, then squared again).
        const root = Math.sqrt(squared);
        weight = 1 / (Math.sqrt((root * root) / perInput) + 0.001);
      }
      if (weights) weight *= weights[i];
      if (this.classification) out[targets[i]] += weight;
      else sum += targets[i] * weight;
      total += weight;
    }
    if (this.classification) {
      if (total > 0) for (let c = 0; c < this.classCount; c++) out[c] /= total;
    } else {
      out[0] = total > 0 ? sum / total : sum;
    }
  }

  state(): KnnState {
    const { inputs, targets, weights, min, max } = this.examples;
    const n = this.inputCount;
    return {
      inputs: Array.from({ length: this.count }, (_, i) => Array.from(inputs.subarray(i * n, (i + 1) * n))),
      targets: Array.from(targets),
      ...(weights && { weights: Array.from(weights) }),
      min: Array.from(min),
      max: Array.from(max),
    };
  }

  /**
   * Measures each example's squared distance to the query, giving up on one once it is farther
   * than the k-th nearest so far (never when only tied with it: Weka keeps every tie). The sum is
   * taken input after input, as Weka does, so ties come out the same, and so a partial sum never
   * exceeds the whole. Returns how many candidates it found.
   */
  private find(): number {
    const { scaled, query, heap, candidates, candidateDistances, k, stride, count } = this;
    const q0 = query[0];
    const q1 = query[1];
    const q2 = query[2];
    const q3 = query[3];
    let size = 0;
    let found = 0;
    // The k-th smallest distance so far, once there are k.
    let cutoff = Infinity;
    for (let i = 0, base = 0; i < count; i++, base += stride) {
      let difference = q0 - scaled[base];
      let sum = difference * difference;
      difference = q1 - scaled[base + 1];
      sum += difference * difference;
      difference = q2 - scaled[base + 2];
      sum += difference * difference;
      difference = q3 - scaled[base + 3];
      sum += difference * difference;
      for (let a = BLOCK; a < stride && sum <= cutoff; a += BLOCK) {
        for (let b = a; b < a + BLOCK; b++) {
          difference = query[b] - scaled[base + b];
          sum += difference * difference;
        }
      }
      if (sum > cutoff) continue;
      candidates[found] = i;
      candidateDistances[found++] = sum;
      size = keepSmallest(heap, size, k, sum);
      if (size === k) cutoff = heap[0];
    }
    return found;
  }

  /** `find` for a query with missing values. */
  private findWithMissing(): number {
    const { scaled, query, heap, candidates, candidateDistances, k, stride } = this;
    let size = 0;
    let found = 0;
    let cutoff = Infinity;
    for (let i = 0, base = 0; i < this.count; i++, base += stride) {
      let sum = 0;
      for (let a = 0; a < this.inputCount && sum <= cutoff; a++) {
        const example = scaled[base + a];
        const q = query[a];
        // Weka's rule for a missing input value: as far as the example is from the far end of the range.
        const difference = Number.isNaN(q) ? (example < 0.5 ? 1 - example : example) : q - example;
        sum += difference * difference;
      }
      if (sum > cutoff) continue;
      candidates[found] = i;
      candidateDistances[found++] = sum;
      size = keepSmallest(heap, size, k, sum);
      if (size === k) cutoff = heap[0];
    }
    return found;
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
