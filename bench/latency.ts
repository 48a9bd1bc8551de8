// Round-trip time of Oscine's OSC path against a bare UDP echo, in the same run: a separate
// client process sends /wek/inputs at 1 kHz to `oscine run` (3 outputs: 2 mlp, 1 knn on 500
// examples) and times each /wek/outputs reply; then the same client against a Node UDP echo
// that sends each packet back to a reply port. The two alternate in rounds so the machine's
// noise falls on both. Prints a markdown section for bench/RESULTS.md.
// Run: node --import tsx bench/latency.ts [--seconds 30] [--rounds 10] [--examples 500] [--priority realtime|high|normal]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { machineLine, median } from './machine.ts';
import type { ClientReport } from './osc/client.ts';
import { type Peer, freePorts, runClient, startPeer, stopPeer } from './osc/processes.ts';
import { describePriority, readPriority } from './osc/priority.ts';
import { buildBenchProject } from './osc/project.ts';
import { spread } from './osc/stats.ts';

const { values: flags } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '10' },
    examples: { type: 'string', default: '500' },
    rate: { type: 'string', default: '1000' },
    priority: { type: 'string', default: 'realtime' },
  },
});
const seconds = Number(flags.seconds);
const rounds = Number(flags.rounds);
const examples = Number(flags.examples);
const rate = Number(flags.rate);
const priority = readPriority(flags.priority);
const WARMUP_S = 0.5;

const scratch = mkdtempSync(join(tmpdir(), 'oscine-latency-'));
const project = join(scratch, 'bench.oscine');
process.stderr.write(`building and training the project (${examples} examples)…\n`);
await buildBenchProject(project, examples);

const [echoPort, echoReply, oscPort, oscReply] = await freePorts(4);
const peers: Record<'echo' | 'oscine', { peer: Peer; target: number; reply: number; replyAddress: string; runs: ClientReport[] }> = {
  echo: {
    peer: startPeer('echo', ['--import', 'tsx', 'bench/osc/echo.ts', String(echoPort), String(echoReply)]),
    target: echoPort,
    reply: echoReply,
    replyAddress: '/wek/inputs',
    runs: [],
  },
  oscine: {
    peer: startPeer('oscine', ['bin/oscine.js', 'run', project, '--osc-port', String(oscPort), '--out-host', '127.0.0.1', '--out-port', String(oscReply)]),
    target: oscPort,
    reply: oscReply,
    replyAddress: '/wek/outputs',
    runs: [],
  },
};

const exits: Record<string, number | null> = {};
try {
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['echo', 'oscine'] as const) : (['oscine', 'echo'] as const);
    for (const name of order) {
      const { target, reply, replyAddress, runs, peer } = peers[name];
      process.stderr.write(`round ${round + 1}/${rounds}: ${name}…\n`);
      try {
        runs.push(await runClient({ peer, targetPort: target, replyPort: reply, seconds: seconds / rounds + WARMUP_S, warmup: WARMUP_S, rate, raw: true, replyAddress, priority }));
      } catch (error) {
        throw new Error(`${String(error)}\n${name} said:\n${peer.errors()}`);
      }
    }
  }
} finally {
  for (const { peer } of Object.values(peers)) exits[peer.name] = await stopPeer(peer);
  rmSync(scratch, { recursive: true, force: true });
}

const pooled = (runs: ClientReport[]) => ({
  sent: sum(runs.map((r) => r.sent)),
  replies: sum(runs.map((r) => r.replies)),
  lost: sum(runs.map((r) => r.lost)),
  unmatched: sum(runs.map((r) => r.unmatched)),
  latency: spread(runs.flatMap((r) => r.raw ?? [])),
  over: sum(runs.map((r) => r.over['0.5'])),
});
const echo = pooled(peers.echo.runs);
const oscine = pooled(peers.oscine.runs);
const all = [...peers.echo.runs, ...peers.oscine.runs];
const roundRatios = peers.oscine.runs.map((r, i) => r.latency.p99 / peers.echo.runs[i].latency.p99);
const ms = (v: number) => v.toFixed(3);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

console.log(`### OSC round trip at ${rate} Hz: \`/wek/inputs\` → \`/wek/outputs\`, against a bare UDP echo\n`);
console.log(`${machineLine()}\n`);
console.log(
  `Project: 4 inputs; 2 continuous outputs on \`mlp\` and a 4-class classifier on \`knn\`, trained on ${examples} examples. ` +
    `The client is its own process: one sender at ${rate} Hz, ${seconds} s per peer in ${rounds} alternating rounds ` +
    `(the first ${WARMUP_S} s of each round is sent but not timed). Rate achieved: ${Math.min(...all.map((r) => r.achievedRate)).toFixed(1)}–${Math.max(...all.map((r) => r.achievedRate)).toFixed(1)} Hz; ` +
    `packets left late by p50 ${ms(median(all.map((r) => r.lateness.p50)))} ms, p99 ${ms(median(all.map((r) => r.lateness.p99)))} ms (median of runs). ` +
    `${describePriority(priority)}\n`,
);
console.log('| peer | sent | replies | lost | p50 ms | p99 ms | p99.9 ms | max ms | > 0.5 ms |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const [label, r] of [['bare UDP echo (Node `dgram`)', echo], ['`oscine run`', oscine]] as const) {
  console.log(`| ${label} | ${r.sent} | ${r.replies} | ${r.lost} | ${ms(r.latency.p50)} | ${ms(r.latency.p99)} | ${ms(r.latency.p999)} | ${ms(r.latency.max)} | ${r.over} |`);
}
console.log(`| oscine ÷ echo | | | | ${ratio(oscine.latency.p50, echo.latency.p50)} | ${ratio(oscine.latency.p99, echo.latency.p99)} | ${ratio(oscine.latency.p999, echo.latency.p999)} | ${ratio(oscine.latency.max, echo.latency.max)} | |`);
console.log(`\np99 per round (ms): echo ${peers.echo.runs.map((r) => ms(r.latency.p99)).join(', ')}; oscine ${peers.oscine.runs.map((r) => ms(r.latency.p99)).join(', ')}; ratio per round ${roundRatios.map((x) => x.toFixed(2)).join(', ')} (median ${median(roundRatios).toFixed(2)}×).`);
if (echo.unmatched + oscine.unmatched > 0) console.log(`Replies that matched no request: echo ${echo.unmatched}, oscine ${oscine.unmatched}.`);
console.log(`\nGoals:`);
console.log(`- p99 under 0.5 ms: ${verdict(oscine.latency.p99 < 0.5)} (${ms(oscine.latency.p99)} ms; the echo's own p99 is ${ms(echo.latency.p99)} ms)`);
console.log(`- p99 under 2× the echo's: ${verdict(oscine.latency.p99 < 2 * echo.latency.p99)} (${ratio(oscine.latency.p99, echo.latency.p99)}; median of rounds ${median(roundRatios).toFixed(2)}×)`);
console.log(`- no reply lost: ${verdict(oscine.lost === 0)} (${oscine.lost} of ${oscine.sent})`);
if (exits.oscine !== 0) console.log(`\n\`oscine run\` exited with ${exits.oscine} on SIGINT (expected 0).`);

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function verdict(met: boolean): string {
  return met ? 'met' : '**missed**';
}
