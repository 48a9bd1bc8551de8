import { InputError } from '../errors.ts';
import { type Model, type ModelShape, type Task, type TrainOptions, type TrainingSet, defineAlgorithm } from './algorithm.ts';
import { checkpoint } from './cancel.ts';
import type { ParamSpecs, ParamsOf } from './params.ts';
import { DecisionTree } from './tree/decision-tree.ts';
import type { Examples } from './tree/distribution.ts';
import { growTree } from './tree/node.ts';
import { Pruner } from './tree/prune.ts';
import { RowSorter, columnsOf } from './tree/row-sorter.ts';
import { SplitFinder } from './tree/split.ts';

export const j48Params = {
  confidence: {
    type: 'number',
    default: 0.25,
    min: 0.001,
    max: 0.5,
    help: 'How sure pruning must be before it keeps a branch: smaller values prune more (Weka -C)',
  },
  minLeaf: {
    type: 'integer',
    default: 2,
    min: 1,
    help: 'The fewest examples a split may leave on each of at least two branches (Weka -M)',
  },
  subtreeRaising: {
    type: 'boolean',
    default: true,
    help: 'While pruning, also try replacing a subtree by its busiest branch (Weka does unless -S)',
  },
  pruned: {
    type: 'boolean',
    default: true,
    help: 'Prune the grown tree back where its estimated error does not suffer (Weka does unless -U)',
  },
} as const satisfies ParamSpecs;

export type J48Params = ParamsOf<typeof j48Params>;

/**
 * C4.5 release 8 as Weka 3.6's J48 builds it, with the defaults Wekinator uses (-C 0.25 -M 2):
 * gain-ratio splits on numeric inputs, error-based pruning with subtree raising, and each
 * leaf's class shares as the distribution. Honours example weights, so boosting can use it.
 */
export const j48 = defineAlgorithm({
  name: 'j48',
  summary: 'Decision tree: C4.5 splits the inputs into ranges, one class per leaf (Weka J48, as Wekinator sets it up)',
  tasks: ['classification'],
  params: j48Params,
  train(set: TrainingSet, params: J48Params, options?: TrainOptions): Model {
    requireClassification(set.task);
    checkpoint(options, 0);
    const examples: Examples = {
      columns: columnsOf(set.inputs, set.inputCount),
      classes: Int32Array.from(set.targets),
      weights: set.weights ?? new Float64Array(set.targets.length).fill(1),
      inputCount: set.inputCount,
      classCount: set.classCount,
    };
    const rows = Int32Array.from(set.inputs, (_, i) => i);
    const sorter = new RowSorter(examples.columns, !addUpExactly(examples.weights));
    const root = growTree(examples, rows, new SplitFinder(examples, params.minLeaf, sorter));
    checkpoint(options, 0.8);
    const pruner = new Pruner(examples, params.confidence, params.subtreeRaising);
    // Weka 3.6 collapses the tree even when it is not to be pruned.
    pruner.collapse(root);
    if (params.pruned) pruner.prune(root);
    checkpoint(options, 1);
    return DecisionTree.from(root, set.classCount);
  },
  restore(state: unknown, _params: J48Params, shape: ModelShape): Model {
    requireClassification(shape.task);
    return DecisionTree.fromState(state, shape.inputCount, shape.classCount, 'j48');
  },
});

/**
 * Whole weights (as when not boosting) add up exactly in any order; fractional ones (boosting's)
 * must add up in Weka's order to round as in Weka, and then ties must be sorted as Weka sorts them.
 */
function addUpExactly(weights: Float64Array): boolean {
  let total = 0;
  for (const weight of weights) {
    if (!Number.isInteger(weight)) return false;
    total += weight;
  }
  return total <= Number.MAX_SAFE_INTEGER;
}

function requireClassification(task: Task): void {
  if (task !== 'classification') {
    throw new InputError('j48 learns classes, not numbers; use a regression model (e.g. linear or mlp) for a numeric output');
  }
}
