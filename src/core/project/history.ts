import type { ExampleBook } from './example-book.ts';
import type { TemplateKeeper } from './gesture-session.ts';
import type { ProjectStore } from './store.ts';

/** One change to the examples that can be undone. */
export type HistoryEntry =
  /** Examples taken out of use: a recording round, all of them. */
  | { readonly kind: 'remove'; readonly label: string; readonly ids: readonly number[] }
  /** One output's values cleared on these examples (the values are kept to put back). */
  | { readonly kind: 'clear-output'; readonly label: string; readonly output: number; readonly changes: readonly (readonly [number, number])[] }
  /** One output's values corrected on these examples: [id, before, after]. */
  | { readonly kind: 'relabel'; readonly label: string; readonly output: number; readonly changes: readonly (readonly [number, number, number])[] }
  /** Gesture templates taken out of use. */
  | { readonly kind: 'remove-templates'; readonly label: string; readonly ids: readonly number[] };

export interface HistoryState {
  readonly undo: readonly HistoryEntry[];
  readonly redo: readonly HistoryEntry[];
}

/** How many deletions can be undone; older ones are forgotten and their examples purged. */
export const UNDO_LIMIT = 50;

/**
 * Undo and redo for deletions. Deleted examples and templates stay in the project file while an
 * undo can still bring them back, so an undo survives closing the project.
 */
export class History {
  private undoList: HistoryEntry[];
  private redoList: HistoryEntry[];

  constructor(
    private readonly book: ExampleBook,
    private readonly store: ProjectStore,
    private readonly templates: TemplateKeeper,
    state: HistoryState = { undo: [], redo: [] },
  ) {
    this.undoList = [...state.undo];
    this.redoList = [...state.redo];
  }

  state(): HistoryState {
    return { undo: [...this.undoList], redo: [...this.redoList] };
  }

  /** Labels of what undo and redo would do next, for the faces. */
  next(): { undo?: string; redo?: string } {
    return { undo: this.undoList.at(-1)?.label, redo: this.redoList.at(-1)?.label };
  }

  /** Does `entry` and records it; what could have been redone can no longer be. */
  perform(entry: HistoryEntry): void {
    this.apply(entry, 'do');
    this.undoList.push(entry);
    this.redoList = [];
    this.forget(this.undoList.splice(0, Math.max(0, this.undoList.length - UNDO_LIMIT)));
    this.store.saveHistory(this.state());
  }

  undo(): HistoryEntry | undefined {
    const entry = this.undoList.pop();
    if (!entry) return undefined;
    this.apply(entry, 'undo');
    this.redoList.push(entry);
    this.store.saveHistory(this.state());
    return entry;
  }

  redo(): HistoryEntry | undefined {
    const entry = this.redoList.pop();
    if (!entry) return undefined;
    this.apply(entry, 'do');
    this.undoList.push(entry);
    this.store.saveHistory(this.state());
    return entry;
  }

  /** Forgets all history, and for good the deleted examples it held (inputs or outputs changed shape). */
  clear(): void {
    this.forget(this.undoList);
    this.undoList = [];
    this.redoList = [];
    this.store.saveHistory(this.state());
  }

  private apply(entry: HistoryEntry, direction: 'do' | 'undo'): void {
    if (entry.kind === 'remove-templates') {
      this.templates.setActive(entry.ids, direction === 'undo');
      return;
    }
    if (entry.kind === 'remove') {
      const active = direction === 'undo';
      this.book.setActive(entry.ids, active);
      this.store.setActive(entry.ids, active);
      return;
    }
    const changes =
      entry.kind === 'relabel'
        ? entry.changes.map(([id, before, after]) => [id, direction === 'do' ? after : before] as const)
        : entry.changes.map(([id, value]) => [id, direction === 'do' ? Number.NaN : value] as const);
    for (const [id, value] of changes) {
      const example = this.book.get(id);
      if (example) example.outputs[entry.output] = value;
    }
    this.store.setOutputValues(entry.output, changes);
  }

  /** Undoable removals that are dropped take their examples with them, for good. */
  private forget(entries: readonly HistoryEntry[]): void {
    const templates = entries.flatMap((e) => (e.kind === 'remove-templates' ? e.ids : []));
    if (templates.length > 0) this.templates.purge(templates);
    const ids = entries.flatMap((e) => (e.kind === 'remove' ? e.ids : []));
    if (ids.length === 0) return;
    this.book.purge(ids);
    this.store.purge(ids);
  }
}
