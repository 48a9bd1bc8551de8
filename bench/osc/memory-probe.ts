// Loaded into the server by the soak benchmark (node --import), so the server's own files stay
// untouched: once a second it reports its memory over the IPC channel the benchmark opened.
const report = process.send?.bind(process);
if (report) {
  const timer = setInterval(() => {
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    report({ at: Date.now(), rss, heapUsed, heapTotal, external, arrayBuffers });
  }, 1000);
  timer.unref();
  process.channel?.unref();
}
