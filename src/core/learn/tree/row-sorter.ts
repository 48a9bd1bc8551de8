/**
 * Sorts a node's examples by one input exactly as Weka 3.6's Instances.sort does (its own
 * median-of-three quicksort, which is not stable). Equal values end up in Weka's order, so
 * weighted sums over a node add up in the same order and round the same way, bit for bit.
 */
export class RowSorter {
  /** After `sort`, the sorted values of the input, one per row. */
  readonly sorted: Float64Array;
  private readonly values: Float64Array;
  private readonly order: Int32Array;
  private readonly before: Int32Array;

  constructor(
    private readonly inputs: readonly Float64Array[],
    capacity: number,
  ) {
    this.sorted = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
    this.order = new Int32Array(capacity);
    this.before = new Int32Array(capacity);
  }

  /** Reorders `rows` (indices into the inputs) in place by the value of `input`. */
  sort(rows: Int32Array, input: number): void {
    const { values, order, before, sorted } = this;
    const n = rows.length;
    for (let k = 0; k < n; k++) {
      values[k] = this.inputs[rows[k]][input];
      order[k] = k;
      before[k] = rows[k];
    }
    if (n > 1) quickSort(values, order, 0, n - 1);
    for (let k = 0; k < n; k++) {
      rows[k] = before[order[k]];
      sorted[k] = values[order[k]];
    }
  }
}

/** Sorts order[left..right] by values[order[k]]. */
function quickSort(values: Float64Array, order: Int32Array, left: number, right: number): void {
  switch (right - left) {
    case 0:
      return;
    case 1:
      swapIfAbove(values, order, left, right);
      return;
    case 2:
      swapIfAbove(values, order, left, left + 1);
      swapIfAbove(values, order, left, right);
      swapIfAbove(values, order, left + 1, right);
      return;
  }
  const centre = ((left + right) / 2) | 0;
  swapIfAbove(values, order, left, centre);
  swapIfAbove(values, order, left, right);
  swapIfAbove(values, order, centre, right);
  swap(order, centre, right - 1);
  const pivot = values[order[right - 1]];
  let low = left;
  let high = right - 1;
  for (;;) {
    while (values[order[++low]] < pivot);
    while (values[order[--high]] > pivot);
    if (low >= high) break;
    swap(order, low, high);
  }
  swap(order, low, right - 1);
  quickSort(values, order, left, low - 1);
  quickSort(values, order, low + 1, right);
}

function swapIfAbove(values: Float64Array, order: Int32Array, a: number, b: number): void {
  if (values[order[a]] > values[order[b]]) swap(order, a, b);
}

function swap(order: Int32Array, a: number, b: number): void {
  const kept = order[a];
  order[a] = order[b];
  order[b] = kept;
}
