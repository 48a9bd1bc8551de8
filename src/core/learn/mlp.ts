import { InputError } from '../errors.ts';
import { JavaRandom } from '../util/java-random.ts';
import { defineAlgorithm, type TrainOptions, type TrainingSet } from './algorithm.ts';
import { checkpoint } from './cancel.ts';
import { Backpropagation, Network } from './mlp-network.ts';
import { MlpModel, restoreMlp } from './mlp-model.ts';
import { Scaling } from './mlp-scaling.ts';
import type { ParamsOf } from './params.ts';

const params = {
  hiddenLayers: { type: 'integer', default: 1, min: 0, max: 3, help: 'Number of hidden layers of sigmoid units (0 links inputs straight to outputs).' },
  hiddenUnits: { type: 'integer', default: 0, min: 0, help: 'Units in each hidden layer; 0 means as many as there are inputs (as Wekinator does).' },
  learningRate: { type: 'number', default: 0.3, min: 0.0001, max: 1, help: 'How far each example moves the weights.' },
  momentum: { type: 'number', default: 0.2, min: 0, max: 1, help: 'How much of the previous weight change carries into the next.' },
  epochs: { type: 'integer', default: 500, min: 1, help: 'Passes through all the examples.' },
  seed: { type: 'integer', default: 0, min: 0, max: 2147483647, help: 'Seed for the starting weights and the order of the examples.' },
} as const;

type MlpParams = ParamsOf<typeof params>;

/** Weka gives up halving the learning rate of a diverging network below this (Utils.SMALL). */
const SMALLEST_RATE = 1e-6;

/**
 * Weka 3.6's MultilayerPerceptron as Wekinator configures it (-L 0.3 -M 0.2 -N 500 -V 0 -S 0
 * -E 20 -H <inputs>): same scaling, starting weights, example order and update arithmetic.
 */
export const mlp = defineAlgorithm({
  name: 'mlp',
  summary: "Neural network (multilayer perceptron) trained by backpropagation, as Weka's MultilayerPerceptron",
  tasks: ['classification', 'regression'],
  params,
  train: trainMlp,
  restore: restoreMlp,
});

function trainMlp(set: TrainingSet, given: MlpParams, options?: TrainOptions): MlpModel {
  if (set.inputs.length === 0) throw new InputError('the multilayer perceptron needs at least one example to learn from');
  const regression = set.task === 'regression';
  const outputs = regression ? 1 : set.classCount;
  const fallback = zeroR(set);
  if (set.inputCount === 0) return new MlpModel(new Network([0, outputs], regression), Scaling.of(set), fallback);

  const hidden = given.hiddenUnits > 0 ? given.hiddenUnits : set.inputCount;
  const layers = [set.inputCount, ...Array<number>(given.hiddenLayers).fill(hidden), outputs];
  const scaling = Scaling.of(set);
  for (let rate = given.learningRate; ; rate /= 2) {
    const network = trainNetwork(set, layers, scaling, { ...given, learningRate: rate }, options);
    if (network) return new MlpModel(network, scaling, fallback);
    // Weka's reset rule: when the error blows up, start again from scratch at half the rate.
    if (rate <= SMALLEST_RATE) {
      throw new InputError(
        `the multilayer perceptron could not train: its error became infinite or undefined even at a learning rate of ${rate}; ` +
          'try a lower momentum, and check that the examples have no extreme values and not all a weight of 0',
      );
    }
  }
}

/** Trains from scratch; null when the error became infinite or NaN during an epoch. */
function trainNetwork(set: TrainingSet, layers: number[], scaling: Scaling, given: MlpParams, options?: TrainOptions): Network | null {
  const random = new JavaRandom(given.seed);
  const order = set.inputs.map((_, i) => i);
  random.shuffle(order);
  const network = new Network(layers, set.task === 'regression');
  network.initialise(random);
  const learner = new Backpropagation(network, given.learningRate, given.momentum);

  const width = set.inputCount;
  const inputs = new Float64Array(order.length * width);
  order.forEach((row, at) => scaling.scaleInputs(set.inputs[row], inputs.subarray(at * width, (at + 1) * width)));
  const targets = Float64Array.from(order, (row) => set.targets[row]);
  const weights = Float64Array.from(order, (row) => set.weights?.[row] ?? 1);
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const { outputs, inputs: networkInputs } = network;
  const errors = learner.outputErrors;
  const { targetHalfRange } = scaling;

  for (let epoch = 1; epoch <= given.epochs; epoch++) {
    let squaredError = 0;
    for (let at = 0; at < order.length; at++) {
      for (let i = 0; i < width; i++) networkInputs[i] = inputs[at * width + i];
      network.forward();
      let sum = 0;
      if (set.task === 'regression') {
        const value = scaling.unscaleTarget(outputs[0]);
        errors[0] = targetHalfRange === 0 ? 0 : (targets[at] - value) / targetHalfRange;
        sum = errors[0] * errors[0];
      } else {
        for (let k = 0; k < outputs.length; k++) {
          errors[k] = (targets[at] === k ? 1 : 0) - outputs[k];
          sum += errors[k] * errors[k];
        }
      }
      squaredError += (sum / outputs.length) * weights[at];
      learner.step(weights[at]);
    }
    if (!Number.isFinite(squaredError / totalWeight)) return null;
    checkpoint(options, epoch / given.epochs);
  }
  return network;
}

/**
 * What Weka's ZeroR would say, which it falls back on when every class output is 0 (or there
 * are no inputs): class frequencies counted from 1, or the mean target.
 */
function zeroR(set: TrainingSet): Float64Array {
  const weightOf = (i: number): number => set.weights?.[i] ?? 1;
  if (set.task === 'regression') {
    let sum = 0;
    let total = 0;
    set.targets.forEach((y, i) => {
      sum += weightOf(i) * y;
      total += weightOf(i);
    });
    return Float64Array.of(total > 0 ? sum / total : 0);
  }
  const counts = new Float64Array(set.classCount).fill(1);
  set.targets.forEach((y, i) => (counts[y] += weightOf(i)));
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => c / total);
}
