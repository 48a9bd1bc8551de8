// Training and decoding speed of Oscine's rhythm VAE beside R-VAE's published configuration,
// both with TensorFlow.js on its WebAssembly backend in this process, and onset F1 on the loops.
// Run: node --import tsx bench/rhythm.ts
import * as tf from '@tensorflow/tfjs';
import { fitToGrid, loopGrid } from '../src/generative/rhythm/vae/loop-grid.ts';
import { loopMatrix } from '../src/generative/rhythm/vae/loop-vectors.ts';
import { SeededRandom } from '../src/generative/rhythm/vae/seeded-random.ts';
import { trainRhythmModel } from '../src/generative/rhythm/vae/train.ts';
import { parameterCount } from '../src/generative/rhythm/vae/vae-weights.ts';
import { useWasmBackend } from '../src/node/rhythm/backend.ts';
import { machineLine, median } from './machine.ts';
import { benchLoops } from './rhythm-loops.ts';
import { R_VAE, peerVae } from './rhythm-peer.ts';

const TRAININGS = 3;
const PEER_EPOCHS_TIMED = 5;
const DECODES = 20_000;
const PEER_DECODES = 300;

await useWasmBackend();

const grid = loopGrid({ beats: 4, beatUnit: 4 }, 2);
const loops = benchLoops(grid);

const oscineTimes: number[] = [];
let model = trainRhythmModel(loops.slice(0, 2), { settings: { epochs: 1 } }); // warms TensorFlow up
for (let run = 0; run < TRAININGS; run++) {
  const started = performance.now();
  model = trainRhythmModel(loops);
  oscineTimes.push(performance.now() - started);
}

const peer = peerVae();
const matrix = loopMatrix(loops.map((loop) => fitToGrid(loop.pattern, grid)), grid);
const cells = R_VAE.cells;
const planes = [0, 1, 2].map((plane) => tf.tensor2d(Float32Array.from({ length: loops.length * cells }, (_, i) => matrix[Math.floor(i / cells) * 3 * cells + plane * cells + (i % cells)]), [loops.length, cells]));
peer.step(planes); // builds the graph and warms up
const epochTimes: number[] = [];
for (let epoch = 0; epoch < PEER_EPOCHS_TIMED; epoch++) {
  const started = performance.now();
  for (let start = 0; start < loops.length; start += R_VAE.batchSize) {
    const size = Math.min(R_VAE.batchSize, loops.length - start);
    const batch = planes.map((plane) => plane.slice([start, 0], [size, cells]) as tf.Tensor2D);
    peer.step(batch);
    tf.dispose(batch);
  }
  epochTimes.push(performance.now() - started);
}
const peerTraining = median(epochTimes) * R_VAE.epochs;

const random = new SeededRandom(1);
const point = new Float64Array(2);
const out = model.decoder.emptyLoop();
const decodeTimes = new Float64Array(DECODES);
for (let i = 0; i < DECODES; i++) {
  point[0] = 3 * random.nextGaussian();
  point[1] = 3 * random.nextGaussian();
  const started = performance.now();
  model.decode(point, 0.5, out);
  decodeTimes[i] = performance.now() - started;
}
const peerDecodeTimes = Array.from({ length: PEER_DECODES }, () => {
  const started = performance.now();
  peer.decode(random.nextGaussian(), random.nextGaussian());
  return performance.now() - started;
});
const decodeMedian = median([...decodeTimes.subarray(DECODES / 2)]);
const sortedDecodes = [...decodeTimes.subarray(DECODES / 2)].sort((a, b) => a - b);

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(value >= 1 ? 1 : 3));
console.log(`### Rhythm VAE against R-VAE's configuration\n\n${machineLine()}\n`);
console.log(`${loops.length} loops of 2 bars of 4/4 at 12 ticks per quarter (96 ticks, 864 cells, R-VAE's size).\n`);
console.log('| | Oscine | R-VAE configuration | ratio | goal |');
console.log('|---|---|---|---|---|');
console.log(`| weights | ${parameterCount(model.weights).toLocaleString('en')} | ${peer.parameters.toLocaleString('en')} | ${(peer.parameters / parameterCount(model.weights)).toFixed(1)}× fewer | |`);
console.log(`| schedule | ${model.settings.epochs} epochs, batches of ${model.settings.batchSize} | ${R_VAE.epochs} epochs, batches of ${R_VAE.batchSize} | | |`);
console.log(`| training, ms (median of ${TRAININGS} / ${PEER_EPOCHS_TIMED} epochs × ${R_VAE.epochs}) | ${ms(median(oscineTimes))} | ${ms(peerTraining)} | ${(peerTraining / median(oscineTimes)).toFixed(1)}× faster | ≤ 30,000 |`);
console.log(`| onset F1 on the training loops | ${model.summary.onsetF1.toFixed(3)} | | | ≥ 0.95 |`);
console.log(`| one decode, ms (median of ${DECODES / 2} after ${DECODES / 2} warm-up) | ${ms(decodeMedian)} (p99 ${ms(sortedDecodes[Math.floor(sortedDecodes.length * 0.99)])}) | ${ms(median(peerDecodeTimes))} | ${(median(peerDecodeTimes) / decodeMedian).toFixed(0)}× faster | < 1 |`);
