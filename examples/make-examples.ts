// Writes the example datasets in this folder. They are made up, but shaped like what a musician
// records: a few hundred frames from a controller, with the hand's wobble in them.
// Run: node --import tsx examples/make-examples.ts
import { writeFileSync } from 'node:fs';
import { writeArff } from '../src/core/data/arff.ts';
import { writeCsv } from '../src/core/data/csv.ts';
import { JavaRandom } from '../src/core/util/java-random.ts';

const random = new JavaRandom(2026);
const gaussian = () => Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
const round = (x: number) => Math.round(x * 1000) / 1000;

// A hand on a touch pad with four zones: x and y in 0..1, pressure in 0..1; the class is the drum.
const pads = [
  { name: 'kick', x: 0.25, y: 0.75, pressure: 0.8 },
  { name: 'snare', x: 0.75, y: 0.75, pressure: 0.6 },
  { name: 'hat', x: 0.25, y: 0.25, pressure: 0.3 },
  { name: 'tom', x: 0.7, y: 0.3, pressure: 0.5 },
];
const padRows: Float64Array[] = [];
pads.forEach((pad, c) => {
  for (let i = 0; i < 60; i++) {
    padRows.push(Float64Array.of(round(pad.x + 0.13 * gaussian()), round(pad.y + 0.13 * gaussian()), round(pad.pressure + 0.15 * gaussian()), c));
  }
});
writeFileSync(
  'examples/drum-pads.arff',
  '% Touch-pad frames labelled with the drum the player meant (made up by examples/make-examples.ts).\n' +
    writeArff({
      relation: 'drum-pads',
      attributes: [
        { name: 'x', kind: 'numeric' },
        { name: 'y', kind: 'numeric' },
        { name: 'pressure', kind: 'numeric' },
        { name: 'drum', kind: 'nominal', values: pads.map((p) => p.name) },
      ],
      rows: padRows,
    }),
);

// Mouse x,y → a filter cutoff in Hz that rises with x and bends with y.
const sweepRows: Float64Array[] = [];
for (let i = 0; i < 200; i++) {
  const x = random.nextDouble();
  const y = random.nextDouble();
  const cutoff = 200 * 2 ** (6 * x) * (0.75 + 0.5 * y * y) + 40 * gaussian();
  sweepRows.push(Float64Array.of(round(x), round(y), Math.round(cutoff)));
}
writeFileSync(
  'examples/filter-sweep.csv',
  writeCsv({
    relation: 'filter-sweep',
    attributes: [
      { name: 'mouseX', kind: 'numeric' },
      { name: 'mouseY', kind: 'numeric' },
      { name: 'cutoffHz', kind: 'numeric' },
    ],
    rows: sweepRows,
  }),
);
