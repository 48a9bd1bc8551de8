// How the benchmark processes are scheduled while they are timed. On a shared machine the
// other jobs otherwise decide the tail of every latency measured; every process of a
// comparison gets the same treatment. Changing it needs root.
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * - `high`: nice −20 on every thread and on the process's autogroup (with autogroups on, as
 *   here, a nice value only counts against processes of the same session; the group's own
 *   nice counts against the other sessions'). The scheduler strongly prefers them, but shares.
 * - `realtime`: SCHED_FIFO 20 on every thread (chrt): nothing else runs before them, but the
 *   kernel throttles real-time threads that take over 95% of a CPU, for tens of milliseconds,
 *   which a 10 kHz soak on two cores can trigger, and which looks like a stall of the peer.
 * - `normal`: as started.
 */
export type Priority = 'high' | 'realtime' | 'normal';

export function readPriority(text: string | undefined): Priority {
  if (text === 'high' || text === 'realtime' || text === 'normal') return text;
  throw new Error(`--priority is high (nice −20), realtime (SCHED_FIFO) or normal, not ${text}`);
}

export function describePriority(priority: Priority): string {
  switch (priority) {
    case 'high':
      return 'For each timed run the client and the peer get nice −20 (every thread, and their autogroup), so the other jobs of this shared machine weigh less on the tail.';
    case 'realtime':
      return 'For each timed run the client and the peer run under SCHED_FIFO (`chrt --fifo 20`), so the other jobs of this shared machine cannot delay them.';
    case 'normal':
      return 'All processes run at normal priority, sharing the machine with whatever else runs.';
  }
}

/** Applies a priority to every thread of these processes (threads started later inherit it). */
export function applyPriority(pids: readonly number[], priority: Priority): void {
  for (const pid of pids) {
    execFileSync('chrt', ['--all-tasks', ...(priority === 'realtime' ? ['--fifo', '-p', '20'] : ['--other', '-p', '0']), String(pid)]);
    const nice = priority === 'high' ? -20 : 0;
    // On Linux a nice value belongs to one thread, so each is set.
    for (const thread of readdirSync(`/proc/${pid}/task`)) setPriority(Number(thread), nice);
    writeFileSync(`/proc/${pid}/autogroup`, String(nice));
  }
}
