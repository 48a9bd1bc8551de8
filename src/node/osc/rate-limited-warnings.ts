interface Held {
  /** When the next line of this kind may be printed. */
  nextAt: number;
  /** Warnings held back since the last line, and the latest of them. */
  held: number;
  last: string;
  timer: NodeJS.Timeout | undefined;
}

/**
 * One-line warnings that can never flood a terminal: at most one line per kind per interval.
 * Warnings that arrive faster are counted, and the count is printed with the latest of them
 * when the interval is over, so a burst of 10,000 bad packets costs two lines, not 10,000.
 */
export class RateLimitedWarnings {
  private readonly kinds = new Map<string, Held>();

  constructor(
    private readonly print: (line: string) => void,
    private readonly intervalMs = 1000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  warn(kind: string, message: string): void {
    const at = this.now();
    let state = this.kinds.get(kind);
    if (!state) this.kinds.set(kind, (state = { nextAt: 0, held: 0, last: '', timer: undefined }));
    if (at >= state.nextAt && state.held === 0) {
      this.print(message);
      state.nextAt = at + this.intervalMs;
      return;
    }
    state.held++;
    state.last = message;
    if (!state.timer) {
      const held = state;
      held.timer = setTimeout(() => this.release(held), Math.max(0, held.nextAt - at));
      held.timer.unref();
    }
  }

  /** Prints what is held back now (e.g. before the process stops). */
  flush(): void {
    for (const state of this.kinds.values()) this.release(state);
  }

  private release(state: Held): void {
    clearTimeout(state.timer);
    state.timer = undefined;
    if (state.held === 0) return;
    this.print(state.held === 1 ? state.last : `${state.last} (and ${state.held - 1} more like it)`);
    state.held = 0;
    state.nextAt = this.now() + this.intervalMs;
  }
}
