// Continuous gesture matching speed: Wekinator's method (every candidate window × every template
// by FastDTW, radius 5, down-sampled to 10 frames) against Oscine's incremental open-begin DTW, on
// the same stream: 16 gestures × 3 templates of about 64 frames × 2 inputs, at 100 frames a second.
// Medians of several runs, alternating the two.
// Run: node --import tsx bench/gesture-speed.ts [runs]
import { GCProfiler } from 'node:v8';
import { GestureMatcher } from '../src/core/temporal/gesture-matcher.ts';
import { trainGestures } from '../src/core/temporal/gesture-model.ts';
import { seriesOf } from '../src/core/temporal/series.ts';
import { gestureStream } from './gesture-stream.ts';
import { machineLine, median } from './machine.ts';
import { WekinatorMatcher } from './wekinator-dtw.ts';

const RUNS = Number(process.argv[2] ?? 7);
const FRAME_MS = 10;
const { templates, stream, performed } = gestureStream(16, 3, 64, 2, 40);
const model = trainGestures({ inputCount: 2, gestures: templates.map((t, g) => ({ name: `gesture ${g + 1}`, templates: t.map((rows) => seriesOf(rows)) })) });
const wekinatorFrames = stream.slice(0, 300);

function timeOscine(): { ms: number; fired: number[] } {
  const matcher = new GestureMatcher(model);
  const fired: number[] = [];
  const started = performance.now();
  for (let i = 0; i < stream.length; i++) {
    const match = matcher.push(stream[i], i * FRAME_MS);
    if (match.fired >= 0) fired.push(match.fired, i);
  }
  return { ms: (performance.now() - started) / stream.length, fired };
}

function timeWekinator(): number {
  const matcher = new WekinatorMatcher(templates);
  const started = performance.now();
  for (const frame of wekinatorFrames) matcher.push(frame);
  return (performance.now() - started) / wekinatorFrames.length;
}

timeOscine(); // warm-up
const oscine: number[] = [];
const wekinator: number[] = [];
let fired: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const result = timeOscine();
  oscine.push(result.ms);
  fired = result.fired;
  wekinator.push(timeWekinator());
}
const [o, w] = [median(oscine), median(wekinator)];
const right = performed.filter((p) => fired.some((g, i) => i % 2 === 0 && g === p.gesture && Math.abs(fired[i + 1] - p.end) <= 15)).length;
const wrong = fired.length / 2 - right;

console.log(`### Continuous gesture matching: Oscine against Wekinator's method\n\n${machineLine()}\n`);
console.log(`16 gestures × 3 templates of ${Math.min(...templates.flat().map((t) => t.length))}–${Math.max(...templates.flat().map((t) => t.length))} frames × 2 inputs; a stream of ${stream.length} frames (${performed.length} performances with rests between) at 100 frames/s. Oscine times the whole stream, Wekinator's method its first ${wekinatorFrames.length} frames; median of ${RUNS} runs each, alternating.\n`);
console.log('| matcher | ms per frame (median) | runs (ms per frame) |');
console.log('|---|---|---|');
console.log(`| Wekinator's method (windows × templates × FastDTW r=5, 10 frames) | ${w.toFixed(3)} | ${wekinator.map((x) => x.toFixed(2)).join(', ')} |`);
console.log(`| Oscine (incremental open-begin DTW, default options) | ${o.toFixed(4)} | ${oscine.map((x) => x.toFixed(4)).join(', ')} |`);
console.log(`| Wekinator ÷ Oscine | ${(w / o).toFixed(0)}× | |`);
console.log(`\nGoals: ≥ 50× lower cost per frame — ${w / o >= 50 ? 'met' : '**missed**'} (${(w / o).toFixed(0)}×); under 0.2 ms per frame — ${o < 0.2 ? 'met' : '**missed**'} (${o.toFixed(4)} ms).`);
console.log(`Oscine's triggers on this stream: ${right} of ${performed.length} performances fired as the right gesture within 15 frames of their end; ${wrong} other triggers.`);

// Allocation: after a warm-up, matching must trigger no more scavenges than the same loop without
// the matcher (a single number boxed per frame would add dozens). Run with --max-semi-space-size=1
// for the finest reading.
const matcher = new GestureMatcher(model);
const frames = stream.map((frame) => Float64Array.from(frame));
const sink = new Float64Array(1);
const play = (count: number) => {
  for (let i = 0; i < count; i++) sink[0] += matcher.push(frames[i % frames.length], i * FRAME_MS).distances[0];
};
const idle = (count: number) => {
  for (let i = 0; i < count; i++) sink[0] += frames[i % frames.length][0];
};
const scavengesDuring = (run: (count: number) => void) => {
  run(150_000);
  const profiler = new GCProfiler();
  profiler.start();
  run(100_000);
  return profiler.stop().statistics.filter((s) => s.gcType === 'Scavenge').length;
};
const [idleScavenges, matchScavenges] = [scavengesDuring(idle), scavengesDuring(play)];
console.log(`Allocation: ${matchScavenges} scavenges while matching 100,000 frames after a warm-up; ${idleScavenges} during the same loop without the matcher.`);
