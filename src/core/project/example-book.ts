import type { Example } from './example.ts';

/**
 * Every example a project holds: those in use, and those deleted but kept so an undo can bring
 * them back. Examples are kept in the order they were recorded. Gesture templates are kept in a
 * book of their own.
 */
export class ExampleBook<T extends { readonly id: number; readonly round: number } = Example> {
  private readonly byId = new Map<number, T>();
  private readonly inactive = new Set<number>();
  private nextId = 1;

  constructor(examples: readonly T[] = [], inactiveIds: readonly number[] = []) {
    for (const example of examples) this.insert(example);
    for (const id of inactiveIds) this.inactive.add(id);
  }

  newId(): number {
    return this.nextId++;
  }

  insert(example: T): void {
    this.byId.set(example.id, example);
    this.nextId = Math.max(this.nextId, example.id + 1);
  }

  get(id: number): T | undefined {
    return this.byId.get(id);
  }

  /** The examples in use, oldest first. */
  active(): T[] {
    return [...this.byId.values()].filter((e) => !this.inactive.has(e.id));
  }

  /** Every example, in use or not. */
  all(): T[] {
    return [...this.byId.values()];
  }

  inactiveIds(): number[] {
    return [...this.inactive];
  }

  setActive(ids: readonly number[], active: boolean): void {
    for (const id of ids) {
      if (active) this.inactive.delete(id);
      else this.inactive.add(id);
    }
  }

  purge(ids: readonly number[]): void {
    for (const id of ids) {
      this.byId.delete(id);
      this.inactive.delete(id);
    }
  }

  /** The last recording round that still has examples in use, or 0. */
  lastRound(): number {
    let last = 0;
    for (const example of this.active()) last = Math.max(last, example.round);
    return last;
  }

  /** The highest round ever recorded, in use or not, so a new round never reuses a number. */
  highestRound(): number {
    let highest = 0;
    for (const example of this.byId.values()) highest = Math.max(highest, example.round);
    return highest;
  }

  /** Replaces every example (after inputs or outputs changed shape), keeping ids and what is in use. */
  reshape(change: (example: T) => T): void {
    for (const [id, example] of this.byId) this.byId.set(id, change(example));
  }
}
