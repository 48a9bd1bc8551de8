/**
 * Offers `value` to the k smallest values seen so far, kept as a max-heap in `heap[0..size)`
 * (heap.length ≥ k), so the largest of them is always `heap[0]`. Returns the new size.
 * Allocates nothing.
 */
export function keepSmallest(heap: Float64Array, size: number, k: number, value: number): number {
  if (size < k) {
    // Sift the new value up from the end.
    let at = size;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (heap[parent] >= value) break;
      heap[at] = heap[parent];
      at = parent;
    }
    heap[at] = value;
    return size + 1;
  }
  if (!(value < heap[0])) return size;
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
  return size;
}
