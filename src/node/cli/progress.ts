import cliProgress from 'cli-progress';

/**
 * A progress bar on stderr for long work, shown only when stderr is a terminal, so piped and
 * scripted runs stay quiet. Returns the callback to feed with 0..1 and a function to finish.
 */
export function progressBar(label: string): { update: (fraction: number) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {percentage}% · {eta_formatted} left`, hideCursor: true, clearOnComplete: true, etaBuffer: 20 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1000, 0);
  let last = 0;
  return {
    update: (fraction) => {
      const value = Math.round(fraction * 1000);
      if (value !== last) bar.update((last = value));
    },
    stop: () => bar.stop(),
  };
}
