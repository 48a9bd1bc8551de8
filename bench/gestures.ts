// Accuracy on the $1 paper's 4,800 pen gestures with its user-dependent protocol (templates and
// tests from the same subject and speed), beside two peers in the same run on the same picks:
// the $1 recogniser and plain DTW (raw points centred and scaled by their bounding box).
// Run: node --import tsx bench/gestures.ts [repeats]
import { type LabelledSeries, type SeriesRecogniser, evaluateSeries } from '../src/core/temporal/series-evaluation.ts';
import { DEFAULT_COMPARISON, type SeriesComparison, SeriesClassifier } from '../src/core/temporal/whole-series.ts';
import { type Series, seriesRows } from '../src/core/temporal/series.ts';
import { fullDtw } from '../test/core/temporal/full-dtw.ts';
import { dollarOne } from './dollar-one.ts';
import { machineLine } from './machine.ts';
import { unistrokeGestures } from './unistroke.ts';

const repeats = Number(process.argv[2] ?? 5);
const gestures = unistrokeGestures();
const points = (series: Series) => seriesRows(series) as [number, number][];

const oscine: SeriesRecogniser = (templates) => {
  const classifier = new SeriesClassifier(templates, DEFAULT_COMPARISON);
  return (series) => classifier.classify(series);
};

const dollar: SeriesRecogniser = (templates) => {
  const recognise = dollarOne(templates.map((t) => ({ label: t.label, points: points(t.series) })));
  return (series) => recognise(points(series));
};

/** Centred on the centroid and divided by the larger side of the bounding box. */
function boxed(series: Series): number[][] {
  const rows = seriesRows(series);
  const centre = [0, 1].map((a) => rows.reduce((s, r) => s + r[a], 0) / rows.length);
  const side = Math.max(...[0, 1].map((a) => Math.max(...rows.map((r) => r[a])) - Math.min(...rows.map((r) => r[a])))) || 1;
  return rows.map((r) => r.map((x, a) => (x - centre[a]) / side));
}

const plainDtw: SeriesRecogniser = (templates) => {
  const prepared = templates.map((t) => ({ label: t.label, rows: boxed(t.series) }));
  return (series) => {
    const rows = boxed(series);
    let best = Infinity;
    let label = '';
    for (const t of prepared) {
      const d = fullDtw(t.rows, rows);
      if (d < best) [best, label] = [d, t.label];
    }
    return label;
  };
};

const peers: [string, SeriesRecogniser][] = [
  [`Oscine (${describe(DEFAULT_COMPARISON)})`, oscine],
  ['$1 recogniser', dollar],
  ['plain DTW (raw points, centred, bounding box)', plainDtw],
];

console.log(`### Gesture recognition: the $1 pen gestures, user-dependent protocol\n\n${machineLine()}\n`);
console.log(`${gestures.length} gestures; ${repeats} repeats with seed 1; accuracy is the mean over repeats.\n`);
console.log('| recogniser | 1 template | 3 templates | ms per gesture (3 templates) |');
console.log('|---|---|---|---|');
const results = peers.map(([name, recognise]) => {
  const run = (t: number) => evaluateSeries(gestures as LabelledSeries[], recognise, { templatesPerClass: t, repeats, seed: 1, now: () => performance.now() });
  const [one, three] = [run(1), run(3)];
  console.log(`| ${name} | ${percent(one.accuracy)} | ${percent(three.accuracy)} | ${three.msPerClassification.toFixed(3)} |`);
  return { name, one: one.accuracy, three: three.accuracy };
});
const [engine] = results;
console.log(`\nGoals: ≥ 99.0 % with 1 template — ${engine.one >= 0.99 ? 'met' : '**missed**'} (${percent(engine.one)}); ≥ 99.6 % with 3 — ${engine.three >= 0.996 ? 'met' : '**missed**'} (${percent(engine.three)}).`);

function describe(how: SeriesComparison): string {
  const steps = [`resampled to ${how.resample ?? 'own length'}`, how.derivatives ? 'with derivatives' : '', `${how.normalise} normalised`];
  return `DTW on series ${steps.filter(Boolean).join(', ')}; ${how.pattern} steps, ${how.lengthNormalisation}-length normalised${how.radius === null ? '' : `, band ${how.radius}`}`;
}

function percent(x: number): string {
  return `${(x * 100).toFixed(2)} %`;
}
