import { cpus, totalmem } from 'node:os';

/** The line every benchmark result starts with: when, and on what. */
export function machineLine(): string {
  const cpu = cpus();
  const date = new Date().toISOString().slice(0, 10);
  return `${date} · ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length} · ${Math.round(totalmem() / 2 ** 30)} GiB · Node ${process.version}`;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
