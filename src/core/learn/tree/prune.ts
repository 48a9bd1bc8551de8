import { Distribution, type Examples } from './distribution.ts';
import { extraErrors } from './error-estimate.ts';
import type { GrowingNode } from './node.ts';
import { type NumericSplit, branchOf, splitRows } from './split.ts';
import { isAbout, isAtMost } from './tolerance.ts';

/**
 * C4.5's pruning as Weka's C45PruneableClassifierTree does it: first collapse splits that do
 * not lower the training error, then, bottom-up, replace a subtree by a leaf, or by its
 * heaviest branch ("subtree raising"), when that does not raise the estimated error.
 */
export class Pruner {
  /** `confidence` is rounded to a float, as Weka's J48 stores it. */
  private readonly confidence: number;

  constructor(
    private readonly examples: Examples,
    confidence: number,
    private readonly subtreeRaising: boolean,
  ) {
    this.confidence = Math.fround(confidence);
  }

  /** Turns into leaves the splits whose leaves get no fewer training examples wrong than the node alone. */
  collapse(node: GrowingNode): void {
    if (!node.model.split) return;
    if (trainingErrors(node) >= node.model.distribution.numIncorrect() - 1e-3) makeLeaf(node);
    else for (const child of node.children) this.collapse(child);
  }

  prune(node: GrowingNode): void {
    if (!node.model.split) return;
    for (const child of node.children) this.prune(child);

    const heaviest = node.model.distribution.maxBag();
    const errorsAsBranch = this.subtreeRaising ? this.errorsOn(node.children[heaviest], node.rows) : Number.MAX_VALUE;
    const errorsAsLeaf = this.leafErrors(node.model.distribution);
    const errorsAsTree = this.treeErrors(node);
    if (isAtMost(errorsAsLeaf, errorsAsTree + 0.1) && isAtMost(errorsAsLeaf, errorsAsBranch + 0.1)) {
      makeLeaf(node);
      return;
    }
    if (isAtMost(errorsAsBranch, errorsAsTree + 0.1)) {
      const raised = node.children[heaviest];
      node.model = raised.model;
      node.children = raised.children;
      this.redistribute(node, node.rows);
      this.prune(node);
    }
  }

  private leafErrors(distribution: Distribution): number {
    if (isAbout(distribution.total, 0)) return 0;
    const errors = distribution.numIncorrect();
    return errors + extraErrors(distribution.total, errors, this.confidence);
  }

  private treeErrors(node: GrowingNode): number {
    if (!node.model.split) return this.leafErrors(node.model.distribution);
    let errors = 0;
    for (const child of node.children) errors += this.treeErrors(child);
    return errors;
  }

  /**
   * The estimated errors of the subtree at `node` if it had to classify `rows` instead. Each
   * row is walked down to its leaf, so every leaf adds up its rows in their order, as Weka's
   * recursive split does, and the leaves' errors are added up branch by branch, as Weka does.
   */
  private errorsOn(node: GrowingNode, rows: Int32Array): number {
    const leaves = new Map<GrowingNode, Distribution>();
    for (let k = 0; k < rows.length; k++) {
      let at = node;
      while (at.model.split) at = at.children[branchOf(at.model.split, this.examples.columns[at.model.split.input][rows[k]])];
      let reached = leaves.get(at);
      if (!reached) leaves.set(at, (reached = new Distribution(1, this.examples.classCount)));
      reached.add(0, this.examples, rows[k]);
    }
    const errorsBelow = (at: GrowingNode): number => {
      if (!at.model.split) return this.leafErrors(leaves.get(at) ?? new Distribution(1, this.examples.classCount));
      let errors = 0;
      for (const child of at.children) errors += errorsBelow(child);
      return errors;
    };
    return errorsBelow(node);
  }

  /** Sends `rows` down the subtree at `node` and recounts every node's class weights from them. */
  private redistribute(node: GrowingNode, rows: Int32Array): void {
    node.rows = rows;
    const split = node.model.split;
    if (!split) {
      node.model.distribution = Distribution.of(this.examples, rows);
      return;
    }
    node.model.distribution = this.byBranch(split, rows);
    const parts = splitRows(this.examples, split, rows);
    node.children.forEach((child, branch) => this.redistribute(child, parts[branch]));
  }

  private byBranch(split: NumericSplit, rows: Int32Array): Distribution {
    const distribution = new Distribution(2, this.examples.classCount);
    const column = this.examples.columns[split.input];
    for (let k = 0; k < rows.length; k++) distribution.add(branchOf(split, column[rows[k]]), this.examples, rows[k]);
    return distribution;
  }
}

function trainingErrors(node: GrowingNode): number {
  if (!node.model.split) return node.model.distribution.numIncorrect();
  let errors = 0;
  for (const child of node.children) errors += trainingErrors(child);
  return errors;
}

function makeLeaf(node: GrowingNode): void {
  node.model = { split: null, distribution: Distribution.merged(node.model.distribution) };
  node.children = [];
}
