import { z } from 'zod';
import { InputError } from '../../errors.ts';
import type { Model } from '../algorithm.ts';
import type { GrowingNode } from './node.ts';
import { isAbove, isAtMost } from './tolerance.ts';

/**
 * A trained tree, flat for fast, allocation-free walking. Splits are numbered so that a child
 * always comes after its parent; a branch points to a split (≥ 0) or to leaf l as ~l (< 0).
 */
export class DecisionTree implements Model {
  /** The predicted class of each leaf, as Weka's classifyInstance picks it. */
  private readonly leafClass: Int32Array;

  private constructor(
    private readonly inputs: Int32Array,
    private readonly thresholds: Float64Array,
    private readonly below: Int32Array,
    private readonly above: Int32Array,
    /** Class probabilities of each leaf, leaf-major. */
    private readonly leafProbabilities: Float64Array,
    private readonly classCount: number,
  ) {
    const leaves = leafProbabilities.length / classCount;
    this.leafClass = new Int32Array(leaves);
    for (let leaf = 0; leaf < leaves; leaf++) {
      // The first class wins unless a later one is more probable by more than 1e-6.
      let best = 0;
      let bestProbability = -1;
      for (let c = 0; c < classCount; c++) {
        const probability = leafProbabilities[leaf * classCount + c];
        if (isAbove(probability, bestProbability)) {
          best = c;
          bestProbability = probability;
        }
      }
      this.leafClass[leaf] = best;
    }
  }

  /** Freezes a grown (and pruned) tree; each leaf reports its class shares, as Weka's distributionForInstance does. */
  static from(root: GrowingNode, classCount: number): DecisionTree {
    const splits: TreeState['splits'] = [];
    const leaves: number[][] = [];
    const visit = (node: GrowingNode): number => {
      const { split, distribution } = node.model;
      if (!split) {
        leaves.push(Array.from({ length: classCount }, (_, c) => distribution.prob(c)));
        return ~(leaves.length - 1);
      }
      const index = splits.length;
      splits.push([split.input, split.threshold, 0, 0]);
      splits[index][2] = visit(node.children[0]);
      splits[index][3] = visit(node.children[1]);
      return index;
    };
    visit(root);
    return DecisionTree.fromArrays(splits, leaves, classCount);
  }

  /** Rebuilds a tree from `state()`, refusing anything that is not a well-formed tree of this shape. */
  static fromState(state: unknown, inputCount: number, classCount: number, owner: string): DecisionTree {
    const parsed = treeStateSchema.safeParse(state);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`the saved ${owner} model is damaged (${issue.message} at '${issue.path.join('.')}'); train it again`);
    }
    const { splits, leaves } = parsed.data;
    const problem = treeProblem(splits, leaves, inputCount, classCount);
    if (problem) throw new InputError(`the saved ${owner} model is damaged (${problem}); train it again`);
    return DecisionTree.fromArrays(splits, leaves, classCount);
  }

  private static fromArrays(splits: TreeState['splits'], leaves: readonly number[][], classCount: number): DecisionTree {
    return new DecisionTree(
      Int32Array.from(splits, (s) => s[0]),
      Float64Array.from(splits, (s) => s[1]),
      Int32Array.from(splits, (s) => s[2]),
      Int32Array.from(splits, (s) => s[3]),
      Float64Array.from(leaves.flat()),
      classCount,
    );
  }

  predict(input: ArrayLike<number>): number {
    return this.leafClass[this.leafOf(input)];
  }

  distribution(input: ArrayLike<number>, out: Float64Array): void {
    const start = this.leafOf(input) * this.classCount;
    for (let c = 0; c < this.classCount; c++) out[c] = this.leafProbabilities[start + c];
  }

  state(): TreeState {
    const leaves: number[][] = [];
    for (let start = 0; start < this.leafProbabilities.length; start += this.classCount) {
      leaves.push(Array.from(this.leafProbabilities.subarray(start, start + this.classCount)));
    }
    return {
      splits: Array.from(this.inputs, (input, i) => [input, this.thresholds[i], this.below[i], this.above[i]]),
      leaves,
    };
  }

  private leafOf(input: ArrayLike<number>): number {
    let at = this.inputs.length > 0 ? 0 : ~0;
    while (at >= 0) at = isAtMost(input[this.inputs[at]], this.thresholds[at]) ? this.below[at] : this.above[at];
    return ~at;
  }
}

const treeStateSchema = z.object({
  /** Per split: the input it tests, its threshold, then where inputs ≤ threshold go and where the others go. */
  splits: z.array(z.tuple([z.number().int(), z.number(), z.number().int(), z.number().int()])),
  /** Per leaf: the probability of each class. */
  leaves: z.array(z.array(z.number().min(0).max(1))).min(1),
});

export type TreeState = z.infer<typeof treeStateSchema>;

function treeProblem(splits: TreeState['splits'], leaves: readonly number[][], inputCount: number, classCount: number): string | undefined {
  if (splits.length === 0 && leaves.length !== 1) return `a tree with no splits has one leaf, not ${leaves.length}`;
  const wrongWidth = leaves.findIndex((leaf) => leaf.length !== classCount);
  if (wrongWidth >= 0) return `leaf ${wrongWidth} has ${leaves[wrongWidth].length} class probabilities where ${classCount} were expected`;
  for (const [index, [input, , ...branches]] of splits.entries()) {
    if (input < 0 || input >= inputCount) return `split ${index} tests input ${input} of ${inputCount}`;
    for (const to of branches) {
      // Pointing only forward keeps every walk finite.
      const fine = to >= 0 ? to > index && to < splits.length : -1 - to < leaves.length;
      if (!fine) return `split ${index} points to ${to >= 0 ? `split ${to}` : `leaf ${-1 - to}`}, which cannot be`;
    }
  }
  return undefined;
}
