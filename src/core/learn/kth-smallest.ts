/**
 * The k-th smallest of `values` (the largest of all when there are fewer than k), found with a
 * max-heap of the k smallest so far kept in `heap` (length ≥ k), so nothing is allocated.
 */
export function kthSmallest(values: Float64Array, k: number, heap: Float64Array): number {
  const size = Math.min(k, values.length);
  for (let i = 0; i < size; i++) {
    // Sift the new value up from the end.
    let at = i;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (heap[parent] >= values[i]) break;
      heap[at] = heap[parent];
      at = parent;
    }
    heap[at] = values[i];
  }
  for (let i = size; i < values.length; i++) {
    const value = values[i];
    if (!(value < heap[0])) continue;
    // Replace the largest and sift it down.
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && heap[child + 1] > heap[child]) child++;
      if (heap[child] <= value) break;
      heap[at] = heap[child];
      at = child;
    }
    heap[at] = value;
  }
  return heap[0];
}
