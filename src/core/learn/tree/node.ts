import { Distribution, type Examples } from './distribution.ts';
import { type LocalModel, type SplitFinder, splitRows } from './split.ts';

/** A node of a tree being grown and pruned. */
export interface GrowingNode {
  /** The node's split (null for a leaf) and the class weights of its branches. */
  model: LocalModel;
  /** Two for a split, none for a leaf. */
  children: GrowingNode[];
  /** The node's training examples, in the order Weka keeps them; pruning re-reads them. */
  rows: Int32Array;
}

/** Grows the tree over `rows` top-down (Weka's ClassifierTree.buildTree), splitting while a split pays. */
export function growTree(examples: Examples, rows: Int32Array, finder: SplitFinder): GrowingNode {
  const model = finder.choose(rows);
  if (!model.split) return { model, children: [], rows };
  const [below, above] = splitRows(examples, model.split, rows);
  // Moving the threshold onto a training value can send every example one way (inputs a hair
  // apart); Weka would then split the same examples for ever. Here the node stays a leaf.
  if (below.length === 0 || above.length === 0) {
    return { model: { split: null, distribution: Distribution.of(examples, rows) }, children: [], rows };
  }
  return { model, children: [growTree(examples, below, finder), growTree(examples, above, finder)], rows };
}
