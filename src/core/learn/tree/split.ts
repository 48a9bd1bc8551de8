import { Distribution, type Examples, sumOfWeights } from './distribution.ts';
import type { RowSorter } from './row-sorter.ts';
import { ThresholdScan, weightedLog } from './threshold-scan.ts';
import { isAbove, isAbout, isAtLeast, isAtMost, isBelow } from './tolerance.ts';

const LOG2 = Math.log(2);

/** A test on one input: examples with input ≤ threshold go to branch 0, the others to branch 1. */
export interface NumericSplit {
  readonly input: number;
  readonly threshold: number;
}

/** What a node does: split (with its two branches' class weights) or stay a leaf (split null). */
export interface LocalModel {
  split: NumericSplit | null;
  distribution: Distribution;
}

/** The branch a value goes down; values within 1e-6 above the threshold still go to branch 0, as in Weka. */
export function branchOf(split: NumericSplit, value: number): 0 | 1 {
  return isAtMost(value, split.threshold) ? 0 : 1;
}

/** Deals `rows` to the split's two branches, keeping their order. */
export function splitRows(examples: Examples, split: NumericSplit, rows: Int32Array): [Int32Array, Int32Array] {
  const column = examples.columns[split.input];
  let below = 0;
  for (let k = 0; k < rows.length; k++) if (branchOf(split, column[rows[k]]) === 0) below++;
  const parts: [Int32Array, Int32Array] = [new Int32Array(below), new Int32Array(rows.length - below)];
  let atMost = 0;
  let above = 0;
  for (let k = 0; k < rows.length; k++) {
    if (branchOf(split, column[rows[k]]) === 0) parts[0][atMost++] = rows[k];
    else parts[1][above++] = rows[k];
  }
  return parts;
}

/** The best threshold found on one input, before it is moved onto a training value. */
interface Candidate {
  readonly input: number;
  readonly infoGain: number;
  readonly gainRatio: number;
  readonly threshold: number;
  readonly distribution: Distribution;
}

/**
 * C4.5's choice of split for a node (Weka's C45ModelSelection with C45Split on numeric inputs):
 * each input's best threshold by information gain, less the MDL charge log2(thresholds tried)/N;
 * then, among inputs whose gain is at least the average, the one with the highest gain ratio.
 */
export class SplitFinder {
  private readonly scan: ThresholdScan;

  constructor(
    private readonly examples: Examples,
    private readonly minLeaf: number,
    private readonly sorter: RowSorter,
  ) {
    this.scan = new ThresholdScan(examples);
  }

  /** Chooses how the node holding `rows` splits; sorts `rows` in place along the way, as Weka does. */
  choose(rows: Int32Array): LocalModel {
    const here = Distribution.of(this.examples, rows);
    const leaf = { split: null, distribution: here };
    if (isBelow(here.total, 2 * this.minLeaf) || isAbout(here.total, here.perClass[here.maxClass()])) return leaf;

    const totalWeight = sumOfWeights(this.examples, rows);
    const candidates: Candidate[] = [];
    for (let input = 0; input < this.examples.inputCount; input++) {
      const candidate = this.bestThreshold(rows, input, totalWeight);
      if (candidate) candidates.push(candidate);
    }
    if (candidates.length === 0) return leaf;
    let averageGain = 0;
    for (const candidate of candidates) averageGain += candidate.infoGain;
    averageGain /= candidates.length;

    let best: Candidate | undefined;
    let bestRatio = 0;
    for (const candidate of candidates) {
      // Weka's 1e-3 (not its usual 1e-6) brings it closer to Quinlan's original.
      if (candidate.infoGain >= averageGain - 1e-3 && isAbove(candidate.gainRatio, bestRatio)) {
        best = candidate;
        bestRatio = candidate.gainRatio;
      }
    }
    if (!best || isAbout(bestRatio, 0)) return leaf;
    return {
      split: { input: best.input, threshold: this.onTrainingValue(best.input, best.threshold) },
      distribution: best.distribution,
    };
  }

  private bestThreshold(rows: Int32Array, input: number, totalWeight: number): Candidate | undefined {
    const { examples } = this;
    this.sorter.sort(rows, input);
    const n = rows.length;
    const value = this.sorter.sorted;

    const scan = this.scan;
    scan.start(rows);
    // Each branch must hold at least 10% of an even share per class, clamped to [minLeaf, 25].
    let minSplit = (0.1 * scan.total) / examples.classCount;
    if (isAtMost(minSplit, this.minLeaf)) minSplit = this.minLeaf;
    else if (isAbove(minSplit, 25)) minSplit = 25;
    if (isBelow(n, 2 * minSplit)) return undefined;

    const before = scan.entropyBefore();
    // Weka scales the gain by the share of weight whose value is known; with no missing values
    // that share differs from 1 only by rounding, kept to agree bit for bit.
    const knownShare = 1 - (totalWeight - scan.total) / totalWeight;
    // Leeway for rounding, and for Weka counting weights below 1e-6 as 0 in the entropy.
    const leeway = 1e-7 + (4 * (examples.classCount + 1) * 2e-5) / scan.total;
    let lastGain = Infinity;
    let infoGain = 0;
    let splitAfter = -1;
    let tried = 0;
    let moved = 0;
    for (let next = 1; next < n; next++) {
      // Values closer than 1e-5 count as equal and are never separated.
      if (value[next - 1] + 1e-5 < value[next]) {
        scan.moveBelow(moved, next);
        if (isAtLeast(scan.perBag[0], minSplit) && isAtLeast(scan.perBag[1], minSplit)) {
          // Work the gain out only where it might beat the best by Weka's 1e-6: the same choice, far fewer logarithms.
          if (lastGain + (knownShare * scan.drift) / scan.total + leeway > infoGain + 1e-6) {
            const gain = knownShare * (before - scan.entropyAfter());
            lastGain = gain / scan.total;
            scan.drift = 0;
            const gainPerWeight = isAbout(gain, 0) ? 0 : lastGain;
            if (isAbove(gainPerWeight, infoGain)) {
              infoGain = gainPerWeight;
              splitAfter = next - 1;
            }
          }
          tried++;
        }
        moved = next;
      }
    }
    if (tried === 0) return undefined;
    infoGain -= Math.log(tried) / LOG2 / totalWeight;
    if (isAtMost(infoGain, 0)) return undefined;

    let threshold = (value[splitAfter + 1] + value[splitAfter]) / 2;
    if (threshold === value[splitAfter + 1]) threshold = value[splitAfter];
    const chosen = scan.split(splitAfter + 1);
    return { input, infoGain, gainRatio: gainRatio(chosen, totalWeight, infoGain), threshold, distribution: chosen };
  }

  /** C4.5 moves the threshold down to the largest training value (of all examples) not above it. */
  private onTrainingValue(input: number, threshold: number): number {
    const column = this.examples.columns[input];
    let moved = -Number.MAX_VALUE;
    for (let row = 0; row < column.length; row++) {
      if (isAbove(column[row], moved) && isAtMost(column[row], threshold)) moved = column[row];
    }
    return moved;
  }
}

function gainRatio(distribution: Distribution, totalWeight: number, infoGain: number): number {
  let splitInfo = 0;
  if (isAbove(distribution.total, 0)) {
    for (let bag = 0; bag < distribution.bagCount; bag++) splitInfo -= weightedLog(distribution.perBag[bag]);
    splitInfo -= weightedLog(totalWeight - distribution.total);
    splitInfo += weightedLog(totalWeight);
  }
  return isAbout(splitInfo, 0) ? 0 : infoGain / (splitInfo / totalWeight);
}
