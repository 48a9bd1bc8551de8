import { Normaliser } from '../data/normaliser.ts';
import { InputError } from '../errors.ts';
import { JavaRandom } from '../util/java-random.ts';
import { defineAlgorithm, type TrainOptions, type TrainingSet } from './algorithm.ts';
import { checkpoint } from './cancel.ts';
import type { ParamsOf } from './params.ts';
import { type BinaryMachine, trainBinary } from './svm-binary.ts';
import { type Kernel, KernelCache } from './svm-kernel.ts';
import { type MachineState, type SvmState, SvmModel, isLinear, restoreSvm } from './svm-model.ts';

const params = {
  kernel: { type: 'choice', default: 'poly', choices: ['poly', 'linear', 'rbf'], help: 'Polynomial (x·y)^exponent, linear (x·y), or radial basis function exp(−gamma·|x−y|²).' },
  exponent: { type: 'number', default: 2, min: 0.01, max: 100, help: 'Exponent of the polynomial kernel (Wekinator uses 2; 1 is the linear kernel).' },
  gamma: { type: 'number', default: 0.01, min: 0, help: 'Width of the RBF kernel: larger values make each example reach less far.' },
  c: { type: 'number', default: 1, min: 1e-9, help: 'Complexity: how much the machine is penalised for examples on the wrong side of the margin.' },
  tolerance: { type: 'number', default: 0.001, min: 1e-9, help: 'How close to optimal training must get (Weka -L).' },
  epsilon: { type: 'number', default: 1e-12, min: 1e-20, help: 'Changes smaller than this count as round-off (Weka -P).' },
  normalise: { type: 'boolean', default: true, help: 'Scale each input to [0, 1] over its training range first (Weka -N 0).' },
} as const;

type SvmParams = ParamsOf<typeof params>;

// Weka's SMO shuffles each pair's examples with java.util.Random seeded by -W, which Wekinator leaves at 1.
const SHUFFLE_SEED = 1;

/**
 * Weka 3.6's SMO as Wekinator configures it (-C 1 -L 0.001 -P 1e-12 -N 0 -V -1 -W 1, PolyKernel
 * -E 2): one binary SVM per pair of classes, trained on the same examples in the same order,
 * voting for the class.
 */
export const svm = defineAlgorithm({
  name: 'svm',
  summary: "Support vector machine (one per pair of classes, trained by SMO), as Weka's SMO",
  tasks: ['classification'],
  params,
  train: trainSvm,
  restore: (state, _params, shape) => restoreSvm(state, shape),
});

function kernelOf(given: SvmParams): Kernel {
  if (given.kernel === 'rbf') return { type: 'rbf', gamma: given.gamma };
  return { type: 'poly', exponent: given.kernel === 'linear' ? 1 : given.exponent };
}

function trainSvm(set: TrainingSet, given: SvmParams, options?: TrainOptions): SvmModel {
  if (set.task !== 'classification') throw new InputError('the SVM classifies; choose another model for continuous outputs');
  // Weka drops examples of weight 0: their multipliers would be bound to 0 anyway.
  const kept = set.inputs.map((_, i) => i).filter((i) => (set.weights?.[i] ?? 1) > 0);
  if (kept.length === 0) throw new InputError('the SVM needs at least one example (of weight above 0) to learn from');

  const kernel = kernelOf(given);
  const normaliser = given.normalise ? Normaliser.fit(kept.map((i) => set.inputs[i]), set.inputCount, 'minmax') : undefined;
  const rows = set.inputs.map((input) => {
    const row = Float64Array.from(input);
    normaliser?.apply(row, row);
    return row;
  });
  if (kernel.type === 'poly' && !Number.isInteger(kernel.exponent) && kept.some((i) => rows[i].some((v) => v < 0))) {
    throw new InputError(
      `a polynomial kernel with a fractional exponent (${kernel.exponent}) cannot take negative inputs; turn normalise on, or use a whole-number exponent`,
    );
  }
  const byClass = Array.from({ length: set.classCount }, (): number[] => []);
  for (const i of kept) byClass[set.targets[i]].push(i);

  const settings = { tolerance: given.tolerance, epsilon: given.epsilon, linear: isLinear(kernel) };
  const cache = new KernelCache(kernel);
  const random = new JavaRandom(SHUFFLE_SEED);
  const pairCount = (set.classCount * (set.classCount - 1)) / 2;
  const pool = new SupportVectorPool(rows);
  const machines: (MachineState | null)[] = [];
  for (let a = 0; a < set.classCount; a++) {
    for (let b = a + 1; b < set.classCount; b++) {
      const done = machines.length / pairCount;
      checkpoint(options, done);
      const order = [...byClass[a], ...byClass[b]];
      random.shuffle(order);
      const problem = {
        rows: order.map((i) => rows[i]),
        labels: Float64Array.from(order, (i) => (set.targets[i] === a ? -1 : 1)),
        costs: Float64Array.from(order, (i) => given.c * (set.weights?.[i] ?? 1)),
      };
      const machine = trainBinary(problem, settings, cache, () => checkpoint(options, done));
      machines.push(machine && pool.save(machine, order));
    }
  }
  checkpoint(options, 1);

  const state: SvmState = {
    kernel,
    normaliser: normaliser ? { min: [...normaliser.state().min], max: [...normaliser.state().max] } : null,
    supportVectors: pool.vectors,
    machines,
  };
  if (!allFinite(state)) {
    throw new InputError('the SVM could not train: its inputs are so large that the kernel overflowed; turn normalise on');
  }
  return new SvmModel(state, set.classCount, set.inputCount);
}

/** Collects the support vectors of all pairwise machines, keeping each example once. */
class SupportVectorPool {
  readonly vectors: number[][] = [];
  private readonly slotOf = new Map<number, number>();

  constructor(private readonly rows: readonly Float64Array[]) {}

  /** The machine as saved; `order` maps the machine's example indices to training examples. */
  save(machine: BinaryMachine, order: readonly number[]): MachineState {
    if (machine.kind === 'linear') return { bias: machine.bias, weights: [...machine.weights] };
    const vectors = machine.supportVectors.map((i) => this.slot(order[i]));
    return { bias: machine.bias, vectors, coefficients: [...machine.coefficients] };
  }

  private slot(example: number): number {
    let slot = this.slotOf.get(example);
    if (slot === undefined) {
      slot = this.vectors.length;
      this.slotOf.set(example, slot);
      this.vectors.push([...this.rows[example]]);
    }
    return slot;
  }
}

function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}
