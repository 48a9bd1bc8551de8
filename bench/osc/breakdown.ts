// Where a frame's time goes inside `oscine run`, stage by stage, timed in one process with the
// server's own functions (no sockets): decoding the packet, each model, the engine, encoding
// the reply, and the whole path from packet to encoded reply. The stages take turns, batch by
// batch, so the shared machine's noise falls on all of them; medians of the batches.
// Run: node --expose-gc --import tsx bench/osc/breakdown.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fromBuffer, toBuffer } from 'osc-min';
import { loadModel } from '../../src/core/learn/trained-model.ts';
import { OscFace } from '../../src/core/osc/osc-face.ts';
import { OutputMessages } from '../../src/core/osc/output-messages.ts';
import { decodePacket, encodeMessage } from '../../src/node/osc/packet.ts';
import { openSession } from '../../src/node/store/open-session.ts';
import { machineLine, median } from '../machine.ts';
import { buildBenchProject, inputFrame } from './project.ts';
import { floatMessage } from './wire.ts';

const FRAMES = 64;
const BATCH = 2000;
const REPEATS = 101;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const scratch = mkdtempSync(join(tmpdir(), 'oscine-breakdown-'));
const path = join(scratch, 'bench.oscine');
await buildBenchProject(path);
// Two sessions on the project: one bare, one with the OSC face listening, as in the server.
const bare = openSession(path);
const served = openSession(path);
for (const { session } of [bare, served]) {
  const running = session.startRunning();
  if (!running.ok) throw new Error(running.reason);
}
const sink = () => {};
const face = new OscFace(served.session, { send: (m) => void encodeMessage(m), warn: sink, modelFiles: { save: () => ({ ok: false, reason: 'not here' }), load: () => ({ ok: false, reason: 'not here' }) } });

const frames = Array.from({ length: FRAMES }, (_, f) => inputFrame(0, f, FRAMES));
const packets = frames.map((values) => floatMessage('/wek/inputs', values));
const picked = frames.map((values) => Float64Array.from(values));
const reply = new OutputMessages(bare.session.settings).values(Float64Array.of(0.25, 0.5, 2));
const { settings } = bare.session;

const stages: { name: string; run: (i: number) => void; times: number[] }[] = [
  { name: 'decode the packet (decodePacket: straight from bytes)', run: (i: number) => decodePacket(packets[i % FRAMES], sink) },
  { name: 'peer: decode with osc-min `fromBuffer`', run: (i: number) => void fromBuffer(packets[i % FRAMES]) },
  ...settings.outputs.map((o, j) => {
    const model = loadModel(bare.session.modelDocument(j), o.name);
    return { name: `predict: ${o.model} (${o.name})`, run: (i: number) => void model.predict(picked[i % FRAMES]) };
  }),
  { name: 'engine: `session.input` (the 3 models, events)', run: (i: number) => bare.session.input(frames[i % FRAMES]) },
  { name: 'encode the reply (encodeMessage: straight to bytes)', run: () => void encodeMessage(reply) },
  { name: 'peer: encode with osc-min `toBuffer`', run: () => void toBuffer(reply) },
  { name: 'whole path: decode → OSC face → engine → encode', run: (i: number) => void decodePacket(packets[i % FRAMES], (m) => face.receive(m)) },
].map((stage) => ({ ...stage, times: [] }));

let collections = 0;
new PerformanceObserver((list) => (collections += list.getEntries().length)).observe({ entryTypes: ['gc'] });
// The observer hears of a collection a little later, on a timer turn.
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

for (const { run } of stages) for (let i = 0; i < 10 * BATCH; i++) run(i);
for (let r = 0; r < REPEATS; r++) {
  for (const { run, times } of stages) {
    const started = performance.now();
    for (let i = 0; i < BATCH; i++) run(i);
    times.push(((performance.now() - started) * 1000) / BATCH);
  }
}

console.log(`### Where a frame's time goes in \`oscine run\` (in-process, no sockets; medians of ${REPEATS} batches of ${BATCH} frames)\n`);
console.log(`${machineLine()}\n`);
console.log('| stage | µs per frame | bytes allocated per frame |');
console.log('|---|---|---|');
for (const { name, run, times } of stages) console.log(`| ${name} | ${median(times).toFixed(2)} | ${await allocated(run)} |`);
face.close();
bare.file.close();
served.file.close();
rmSync(scratch, { recursive: true, force: true });

/** Heap growth over a batch small enough to need no collection (tried again if one happened). */
async function allocated(run: (i: number) => void): Promise<string> {
  const count = 200;
  for (let attempt = 0; attempt < 20; attempt++) {
    gc!();
    await settle();
    const seen = collections;
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < count; i++) run(i);
    const after = process.memoryUsage().heapUsed;
    await settle();
    if (collections === seen) return ((after - before) / count).toFixed(0);
  }
  return 'unknown (collections kept happening)';
}
