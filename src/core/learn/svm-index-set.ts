/**
 * A set of example indices, walked newest first, as Weka's SMOset keeps them. SMO walks its
 * sets to pick thresholds (the first of equal values wins) and to add up kernel terms, so
 * walking in Weka's order keeps our sums and choices the same as Weka's, bit for bit.
 */
export class IndexSet {
  private readonly member: Uint8Array;
  private readonly next: Int32Array;
  private readonly previous: Int32Array;
  private head = -1;

  constructor(capacity: number) {
    this.member = new Uint8Array(capacity);
    this.next = new Int32Array(capacity);
    this.previous = new Int32Array(capacity);
  }

  has(index: number): boolean {
    return this.member[index] === 1;
  }

  add(index: number): void {
    if (this.member[index]) return;
    this.next[index] = this.head;
    this.previous[index] = -1;
    if (this.head !== -1) this.previous[this.head] = index;
    this.head = index;
    this.member[index] = 1;
  }

  delete(index: number): void {
    if (!this.member[index]) return;
    const before = this.previous[index];
    const after = this.next[index];
    if (before === -1) this.head = after;
    else this.next[before] = after;
    if (after !== -1) this.previous[after] = before;
    this.member[index] = 0;
  }

  /** The newest index, or -1 when the set is empty. */
  first(): number {
    return this.head;
  }

  /** The index walked after `index`, or -1 at the end. */
  after(index: number): number {
    return this.next[index];
  }
}
