/**
 * Sorts a node's examples by one input, as Weka 3.6's Instances.sort does.
 *
 * Weka sorts with its own median-of-three quicksort, which is not stable: the order it leaves
 * equal values in decides the order their weights add up in, and so how sums over a node round.
 * With `wekaTieOrder`, equal values end up exactly in Weka's order, so those sums agree bit for
 * bit. Without it (enough when every weight is whole: sums of whole numbers are exact in any
 * order) a large node is sorted in one sweep through all the examples, sorted once beforehand.
 */
export class RowSorter {
  /** After `sort`, the sorted values of the input, one per row. */
  readonly sorted: Float64Array;
  /** Per input, filled in when first needed for sorting in one sweep: every example, in increasing order of the input. */
  private readonly allSorted: Int32Array[] = [];
  private readonly inNode: Uint8Array;

  /** `columns` hold every example's value of each input (see `columnsOf`); the rows sorted are example indices. */
  constructor(
    private readonly columns: readonly Float64Array[],
    private readonly wekaTieOrder: boolean,
  ) {
    const count = columns.length > 0 ? columns[0].length : 0;
    this.sorted = new Float64Array(count);
    this.inNode = new Uint8Array(wekaTieOrder ? 0 : count);
  }

  /** Reorders `rows` (indices into the inputs) in place by the value of `input`. */
  sort(rows: Int32Array, input: number): void {
    const column = this.columns[input];
    const n = rows.length;
    // A sweep takes a step per example; quicksort about log2(n) dearer steps per row.
    if (!this.wekaTieOrder && 3 * n * Math.log2(n) > column.length) {
      this.sweep(rows, column, this.allSorted[input] ?? this.sortAll(input));
      return;
    }
    const values = this.sorted;
    for (let k = 0; k < n; k++) values[k] = column[rows[k]];
    if (n > 1) quickSort(values, rows, 0, n - 1);
  }

  private sweep(rows: Int32Array, column: Float64Array, allSorted: Int32Array): void {
    const { inNode, sorted } = this;
    for (let k = 0; k < rows.length; k++) inNode[rows[k]] = 1;
    let k = 0;
    for (let i = 0; i < allSorted.length; i++) {
      const row = allSorted[i];
      if (inNode[row] === 0) continue;
      inNode[row] = 0;
      rows[k] = row;
      sorted[k++] = column[row];
    }
  }

  private sortAll(input: number): Int32Array {
    const values = this.columns[input].slice();
    const all = new Int32Array(values.length);
    for (let row = 0; row < all.length; row++) all[row] = row;
    if (all.length > 1) quickSort(values, all, 0, all.length - 1);
    this.allSorted[input] = all;
    return all;
  }
}

/** The examples' inputs turned into one column per input, as a RowSorter reads them. */
export function columnsOf(inputs: readonly Float64Array[], inputCount: number): Float64Array[] {
  return Array.from({ length: inputCount }, (_, input) => {
    const column = new Float64Array(inputs.length);
    for (let row = 0; row < inputs.length; row++) column[row] = inputs[row][input];
    return column;
  });
}

/** Weka's quicksort of values[left..right], moving rows[] along: each step and swap is Weka's, so ties end up where Weka leaves them. */
function quickSort(values: Float64Array, rows: Int32Array, left: number, right: number): void {
  while (right - left > 2) {
    const centre = ((left + right) / 2) | 0;
    swapIfAbove(values, rows, left, centre);
    swapIfAbove(values, rows, left, right);
    swapIfAbove(values, rows, centre, right);
    swap(values, rows, centre, right - 1);
    const pivot = values[right - 1];
    let low = left;
    let high = right - 1;
    for (;;) {
      while (values[++low] < pivot);
      while (values[--high] > pivot);
      if (low >= high) break;
      swap(values, rows, low, high);
    }
    swap(values, rows, low, right - 1);
    quickSort(values, rows, left, low - 1);
    left = low + 1;
  }
  // Two or three values are put in order directly, as Weka does.
  if (right - left === 1) {
    swapIfAbove(values, rows, left, right);
  } else if (right - left === 2) {
    swapIfAbove(values, rows, left, left + 1);
    swapIfAbove(values, rows, left, right);
    swapIfAbove(values, rows, left + 1, right);
  }
}

function swapIfAbove(values: Float64Array, rows: Int32Array, a: number, b: number): void {
  if (values[a] > values[b]) swap(values, rows, a, b);
}

function swap(values: Float64Array, rows: Int32Array, a: number, b: number): void {
  const value = values[a];
  values[a] = values[b];
  values[b] = value;
  const row = rows[a];
  rows[a] = rows[b];
  rows[b] = row;
}
