// Soak run (outside CI): 10 senders at 1 kHz each against `oscine run` for a long time,
// watching the server's memory (reported from inside it by bench/osc/memory-probe.ts) and
// the latest reply. Nothing is recorded while running, so memory should not grow at all.
// Then the same load against the bare UDP echo for a while, to show what the machine itself
// allows at this rate.
// Run: node --import tsx bench/soak.ts [--seconds 600] [--echo-seconds 60] [--senders 10] [--rate 1000]
//      [--priority high|realtime|normal]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { machineLine } from './machine.ts';
import type { ClientReport } from './osc/client.ts';
import { cpuSeconds, freePorts, runClient, startPeer, stopPeer } from './osc/processes.ts';
import { describePriority, readPriority } from './osc/priority.ts';
import { buildBenchProject } from './osc/project.ts';

const { values: flags } = parseArgs({
  options: {
    seconds: { type: 'string', default: '600' },
    'echo-seconds': { type: 'string', default: '60' },
    senders: { type: 'string', default: '10' },
    rate: { type: 'string', default: '1000' },
    examples: { type: 'string', default: '500' },
    priority: { type: 'string', default: 'high' },
  },
});
const seconds = Number(flags.seconds);
const echoSeconds = Math.min(seconds, Number(flags['echo-seconds']));
const senders = Number(flags.senders);
const rate = Number(flags.rate);
const examples = Number(flags.examples);
const priority = readPriority(flags.priority);
const TENTHS = 10;
const LATE_MS = 5;
const GROWTH_LIMIT = 2 ** 20;

interface MemorySample {
  at: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

const scratch = mkdtempSync(join(tmpdir(), 'oscine-soak-'));
const project = join(scratch, 'soak.oscine');
process.stderr.write(`building and training the project (${examples} examples)…\n`);
await buildBenchProject(project, examples);
const [port, replyPort, echoPort, echoReply] = await freePorts(4);
const server = startPeer(
  'oscine',
  ['--import', 'tsx', '--import', './bench/osc/memory-probe.ts', 'bin/oscine.js', 'run', project, '--osc-port', String(port), '--out-host', '127.0.0.1', '--out-port', String(replyPort)],
  { ipc: true },
);
const samples: MemorySample[] = [];
server.child.on('message', (sample: MemorySample) => samples.push(sample));

let report: ClientReport;
let echoReport: ClientReport;
/** Share of one core each peer used while the client ran. */
const cpu = { oscine: 0, echo: 0 };
let exit: number | null;
try {
  process.stderr.write(`${senders} senders × ${rate} Hz for ${seconds} s…\n`);
  const [cpuBefore, started] = [cpuSeconds(server), Date.now()];
  report = await runClient({ peer: server, targetPort: port, replyPort, seconds, senders, rate, warmup: 1, window: seconds / TENTHS, priority });
  cpu.oscine = (cpuSeconds(server) - cpuBefore) / ((Date.now() - started) / 1000);
} catch (error) {
  throw new Error(`${String(error)}\nthe server said:\n${server.errors()}`);
} finally {
  exit = await stopPeer(server);
  rmSync(scratch, { recursive: true, force: true });
}
const echo = startPeer('echo', ['--import', 'tsx', 'bench/osc/echo.ts', String(echoPort), String(echoReply)]);
try {
  process.stderr.write(`the same against the bare UDP echo for ${echoSeconds} s…\n`);
  const [cpuBefore, started] = [cpuSeconds(echo), Date.now()];
  echoReport = await runClient({ peer: echo, targetPort: echoPort, replyPort: echoReply, replyAddress: '/wek/inputs', seconds: echoSeconds, senders, rate, warmup: 1, priority });
  cpu.echo = (cpuSeconds(echo) - cpuBefore) / ((Date.now() - started) / 1000);
} finally {
  await stopPeer(echo);
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const ms = (v: number) => v.toFixed(3);
if (samples.length === 0) throw new Error('the server reported no memory samples (bench/osc/memory-probe.ts did not load?)');
const idle = samples.filter((s) => s.at < report.startedAt);
const tenths = Array.from({ length: TENTHS }, (_, k) => {
  const inTenth = samples.filter((s) => Math.floor((s.at - report.startedAt) / ((seconds * 1000) / TENTHS)) === k);
  return {
    rss: Math.max(...inTenth.map((s) => s.rss)),
    floor: Math.min(...inTenth.map((s) => s.heapUsed)),
    peak: Math.max(...inTenth.map((s) => s.heapUsed)),
    heapTotal: Math.max(...inTenth.map((s) => s.heapTotal)),
    external: Math.max(...inTenth.map((s) => s.external)),
  };
});
// The first tenth holds the client's lock-step warm-up and the JIT's work: growth is judged after it.
const [second, last] = [tenths[1], tenths[TENTHS - 1]];
const heapGrowth = last.floor - second.floor;
const late = report.over['5'];

console.log(`### Soak: ${senders} senders × ${rate} Hz for ${seconds} s against \`oscine run\`\n`);
console.log(`${machineLine()}\n`);
console.log(
  `Same project as the round-trip benchmark (2 mlp, 1 knn on ${examples} examples). One client process, ${senders} sockets taking turns ` +
    `(${senders * rate} packets/s in all); rate achieved ${report.achievedRate.toFixed(1)} Hz per sender; packets left late by p99 ${ms(report.lateness.p99)} ms, max ${ms(report.lateness.max)} ms. ` +
    `${describePriority(priority)}\n`,
);
console.log('| peer | seconds | CPU (one core = 100%) | sent | replies | lost | p50 ms | p99 ms | p99.9 ms | max ms | > 5 ms |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const [label, r, duration, share] of [['`oscine run`', report, seconds, cpu.oscine], ['bare UDP echo (Node `dgram`), after it', echoReport, echoSeconds, cpu.echo]] as const) {
  const l = r.latency;
  console.log(`| ${label} | ${duration} | ${(share * 100).toFixed(0)}% | ${r.sent} | ${r.replies} | ${r.lost} | ${ms(l.p50)} | ${ms(l.p99)} | ${ms(l.p999)} | ${ms(l.max)} | ${r.over['5']} |`);
}
console.log(`| oscine ÷ echo | | ${ratio(cpu.oscine, cpu.echo)} | | | | ${ratio(report.latency.p50, echoReport.latency.p50)} | ${ratio(report.latency.p99, echoReport.latency.p99)} | ${ratio(report.latency.p999, echoReport.latency.p999)} | ${ratio(report.latency.max, echoReport.latency.max)} | |\n`);
const { latency } = report;
console.log(`Over time (tenths of the run; memory as the server reports it each second; the heap floor is the lowest heap in the tenth, i.e. after a collection):\n`);
console.log('| from s | replies | lost | p99 ms | max ms | RSS MiB | heap floor MiB | heap peak MiB | external MiB |');
console.log('|---|---|---|---|---|---|---|---|---|');
if (idle.length > 0) console.log(`| idle, before | | | | | ${mib(idle.at(-1)!.rss)} | ${mib(idle.at(-1)!.heapUsed)} | | ${mib(idle.at(-1)!.external)} |`);
report.windows.forEach((w, k) => {
  const m = tenths[k];
  console.log(`| ${w.from.toFixed(0)} | ${w.replies} | ${w.lost} | ${ms(w.p99)} | ${ms(w.max)} | ${mib(m.rss)} | ${mib(m.floor)} | ${mib(m.peak)} | ${mib(m.external)} |`);
});
console.log(
  `\nGrowth from the second tenth to the last: heap floor ${signedKib(heapGrowth)} (${(heapGrowth / report.replies).toFixed(3)} bytes per reply), ` +
    `RSS ${signedKib(last.rss - second.rss)}, external ${signedKib(last.external - second.external)}.\n`,
);
console.log('Goals:');
console.log(`- no growth in memory (nothing is recorded while running): ${heapGrowth < GROWTH_LIMIT ? 'met' : '**missed**'} (heap floor ${signedKib(heapGrowth)}; limit +1 MiB)`);
console.log(`- no reply later than ${LATE_MS} ms: ${late === 0 && report.lost === 0 ? 'met' : '**missed**'} (max ${ms(latency.max)} ms; ${late} replies over ${LATE_MS} ms; ${report.lost} lost; the echo: max ${ms(echoReport.latency.max)} ms, ${echoReport.over['5']} over ${LATE_MS} ms)`);
if (exit !== 0) console.log(`\n\`oscine run\` exited with ${exit} on SIGINT (expected 0).`);

function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

function signedKib(bytes: number): string {
  return `${bytes >= 0 ? '+' : '−'}${Math.abs(bytes / 1024).toFixed(0)} KiB`;
}
