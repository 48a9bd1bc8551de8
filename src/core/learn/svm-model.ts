import { z } from 'zod';
import { Normaliser } from '../data/normaliser.ts';
import { InputError } from '../errors.ts';
import type { Model, ModelShape } from './algorithm.ts';
import { type Kernel, dot, kernelValue } from './svm-kernel.ts';

/** One pairwise machine as saved: support vectors (by index into `supportVectors`) or weights. */
export type MachineState =
  | { readonly bias: number; readonly vectors: readonly number[]; readonly coefficients: readonly number[] }
  | { readonly bias: number; readonly weights: readonly number[] };

/**
 * A trained SVM. `machines` holds one machine per pair of classes in the order (0,1), (0,2), …,
 * (1,2), …; null for a pair with no examples at all, which does not vote. A polynomial kernel
 * of exponent 1 keeps weight vectors, any other kernel support vectors.
 */
export interface SvmState {
  readonly kernel: Kernel;
  /** The training ranges the inputs are scaled from onto [0, 1]; null when not normalised. */
  readonly normaliser: { readonly min: readonly number[]; readonly max: readonly number[] } | null;
  /** The support vectors of all machines, scaled, each stored once. */
  readonly supportVectors: readonly (readonly number[])[];
  readonly machines: readonly (MachineState | null)[];
}

export function isLinear(kernel: Kernel): boolean {
  return kernel.type === 'poly' && kernel.exponent === 1;
}

/**
 * Weka's SMO prediction without -M: each pairwise machine votes, and the distribution is the
 * votes divided by their total.
 */
export class SvmModel implements Model {
  private readonly normaliser: Normaliser | undefined;
  private readonly vectors: readonly Float64Array[];
  private readonly vectorSelfDots: Float64Array;
  /** Per machine: the two classes it separates, or -1 for a machine that does not vote. */
  private readonly firstClass: Int32Array;
  private readonly secondClass: Int32Array;
  private readonly biases: Float64Array;
  /** Kernel machines: machine m sums terms termStart[m] .. termStart[m + 1] − 1. */
  private readonly termStart: Int32Array;
  private readonly termVector: Int32Array;
  private readonly termCoefficient: Float64Array;
  /** Linear machines: machine m's weights, inputCount of them from m · inputCount. */
  private readonly weights: Float64Array;
  private readonly linear: boolean;
  // Scratch for prediction, so that it allocates nothing.
  private readonly scaled: Float64Array;
  private readonly kernelValues: Float64Array;
  private readonly votes: Float64Array;
  private readonly probabilities: Float64Array;

  constructor(
    private readonly saved: SvmState,
    private readonly classCount: number,
    inputCount: number,
  ) {
    this.linear = isLinear(saved.kernel);
    this.normaliser = saved.normaliser ? new Normaliser({ range: 'minmax', min: saved.normaliser.min, max: saved.normaliser.max }) : undefined;
    this.vectors = saved.supportVectors.map((row) => Float64Array.from(row));
    this.vectorSelfDots = Float64Array.from(this.vectors, (row) => dot(row, row));
    const machineCount = saved.machines.length;
    this.firstClass = new Int32Array(machineCount);
    this.secondClass = new Int32Array(machineCount);
    this.biases = new Float64Array(machineCount);
    this.termStart = new Int32Array(machineCount + 1);
    this.weights = new Float64Array(this.linear ? machineCount * inputCount : 0);
    const termVector: number[] = [];
    const termCoefficient: number[] = [];
    let m = 0;
    for (let a = 0; a < classCount; a++) {
      for (let b = a + 1; b < classCount; b++, m++) {
        const machine = saved.machines[m];
        this.firstClass[m] = machine ? a : -1;
        this.secondClass[m] = machine ? b : -1;
        this.biases[m] = machine?.bias ?? 0;
        if (machine && 'weights' in machine) this.weights.set(machine.weights, m * inputCount);
        if (machine && 'vectors' in machine) {
          termVector.push(...machine.vectors);
          termCoefficient.push(...machine.coefficients);
        }
        this.termStart[m + 1] = termVector.length;
      }
    }
    this.termVector = Int32Array.from(termVector);
    this.termCoefficient = Float64Array.from(termCoefficient);
    this.scaled = new Float64Array(inputCount);
    this.kernelValues = new Float64Array(this.vectors.length);
    this.votes = new Float64Array(classCount);
    this.probabilities = new Float64Array(classCount);
  }

  predict(input: ArrayLike<number>): number {
    this.distribution(input, this.probabilities);
    let best = 0;
    for (let c = 1; c < this.classCount; c++) if (this.probabilities[c] > this.probabilities[best]) best = c;
    return best;
  }

  distribution(input: ArrayLike<number>, out: Float64Array): void {
    const x = this.scaled;
    if (this.normaliser) this.normaliser.apply(input, x);
    else for (let k = 0; k < x.length; k++) x[k] = input[k];
    if (!this.linear) {
      const xx = dot(x, x);
      for (let p = 0; p < this.vectors.length; p++) {
        this.kernelValues[p] = kernelValue(this.saved.kernel, x, xx, this.vectors[p], this.vectorSelfDots[p]);
      }
    }
    this.votes.fill(0);
    let total = 0;
    for (let m = 0; m < this.biases.length; m++) {
      if (this.firstClass[m] === -1) continue;
      const output = this.output(m, x) - this.biases[m];
      this.votes[output > 0 ? this.secondClass[m] : this.firstClass[m]]++;
      total++;
    }
    for (let c = 0; c < this.classCount; c++) out[c] = total > 0 ? this.votes[c] / total : 1 / this.classCount;
  }

  private output(m: number, x: Float64Array): number {
    let sum = 0;
    if (this.linear) {
      const offset = m * x.length;
      for (let k = 0; k < x.length; k++) sum += x[k] * this.weights[offset + k];
    } else {
      for (let t = this.termStart[m]; t < this.termStart[m + 1]; t++) {
        sum += this.termCoefficient[t] * this.kernelValues[this.termVector[t]];
      }
    }
    return sum;
  }

  state(): SvmState {
    return this.saved;
  }
}

const machineSchema = z.union([
  z.object({ bias: z.number(), vectors: z.array(z.number().int().min(0)), coefficients: z.array(z.number()) }).strict(),
  z.object({ bias: z.number(), weights: z.array(z.number()) }).strict(),
]);

const stateSchema = z.object({
  kernel: z.discriminatedUnion('type', [
    z.object({ type: z.literal('poly'), exponent: z.number() }),
    z.object({ type: z.literal('rbf'), gamma: z.number() }),
  ]),
  normaliser: z.object({ min: z.array(z.number()), max: z.array(z.number()) }).nullable(),
  supportVectors: z.array(z.array(z.number())),
  machines: z.array(machineSchema.nullable()),
});

/** Rebuilds a saved SVM, refusing a state that is damaged or does not fit `shape`. */
export function restoreSvm(state: unknown, shape: ModelShape): SvmModel {
  const parsed = stateSchema.safeParse(state);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`the saved SVM is damaged (${issue.path.join('.') || 'top level'}: ${issue.message}); train the model again`);
  }
  const saved: SvmState = parsed.data;
  const problem = mismatch(saved, shape);
  if (problem) throw new InputError(`the saved SVM is damaged (${problem}); train the model again`);
  return new SvmModel(saved, shape.classCount, shape.inputCount);
}

function mismatch(saved: SvmState, shape: ModelShape): string | undefined {
  const { inputCount, classCount } = shape;
  if (shape.task !== 'classification') return 'an SVM classifies, but the model is for regression';
  const pairs = (classCount * (classCount - 1)) / 2;
  if (saved.machines.length !== pairs) return `${saved.machines.length} pairwise machines for ${classCount} classes, which need ${pairs}`;
  if (saved.normaliser && (saved.normaliser.min.length !== inputCount || saved.normaliser.max.length !== inputCount)) {
    return `input ranges for ${saved.normaliser.min.length} inputs, but the model has ${inputCount}`;
  }
  if (saved.supportVectors.some((row) => row.length !== inputCount)) return `a support vector without ${inputCount} inputs`;
  const linear = isLinear(saved.kernel);
  for (const machine of saved.machines) {
    if (!machine) continue;
    if ('weights' in machine) {
      if (!linear) return 'a weight vector in a machine with a non-linear kernel';
      if (machine.weights.length !== inputCount) return `a weight vector without ${inputCount} inputs`;
    } else {
      if (linear) return 'support vectors in a linear machine';
      if (machine.vectors.length !== machine.coefficients.length) return 'support vectors and coefficients that do not pair up';
      if (machine.vectors.some((v) => v >= saved.supportVectors.length)) return 'a machine that names a support vector that is not saved';
    }
  }
  return undefined;
}
