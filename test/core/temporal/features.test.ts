import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../../src/core/errors.ts';
import { type FeatureKind, FEATURE_KINDS, readFeatureSpec, rawInputs } from '../../../src/core/temporal/features/feature-spec.ts';
import { FeatureStream, computeFeatures } from '../../../src/core/temporal/features/feature-stream.ts';
import { OneEuroFilter } from '../../../src/core/temporal/features/one-euro.ts';
import { MovingAverage } from '../../../src/core/temporal/features/window.ts';
import { seriesOf, seriesRows } from '../../../src/core/temporal/series.ts';
import { JavaRandom } from '../../../src/core/util/java-random.ts';

const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} vs ${b}`);

test('1€ filter gives the values worked out from the paper\'s equations', () => {
  // rate 100 Hz (Te = 0.01), mincutoff 1, β 0.5, dcutoff 1. Second sample:
  // α(1) = 1 / (1 + 100 / 2π) = 0.0591174; dx̂ = α · (1 − 0) / 0.01 = 5.91174;
  // fc = 1 + 0.5 · 5.91174 = 3.95587; α(fc) = 1 / (1 + 100 / (2π · 3.95587)) = 0.1990739; x̂ = α(fc) · 1.
  const filter = new OneEuroFilter(100, 1, 0.5, 1);
  const expected = [0, 0.1990738952796563, 0.6205126335960052, 0.9564065433501905];
  [0, 1, 1.5, 1.5].forEach((x, i) => {
    filter.push(x);
    close(filter.output, expected[i], `sample ${i + 1}`);
  });
  filter.reset();
  filter.push(7);
  assert.equal(filter.output, 7);
});

test('moving average of the last frames, fewer at the start', () => {
  const average = new MovingAverage(3);
  assert.deepEqual(
    [3, 6, 9, 12].map((x) => {
      average.push(x);
      return average.output;
    }),
    [3, 4.5, 6, 9],
  );
});

/** Each feature computed directly from the window of raw values that ends at frame t. */
function direct(kind: FeatureKind, values: number[], t: number, window: number, rate: number): number {
  const w = values.slice(Math.max(0, t - window + 1), t + 1);
  const c = w.length;
  const mean = w.reduce((a, b) => a + b, 0) / c;
  switch (kind) {
    case 'value':
      return values[t];
    case 'velocity':
      return c < 2 ? 0 : (w.slice(1).map((x, i) => x - w[i]).reduce((a, b) => a + b, 0) / (c - 1)) * rate;
    case 'acceleration': {
      if (c < 3) return 0;
      const second = w.slice(2).map((x, i) => x - 2 * w[i + 1] + w[i]);
      return (second.reduce((a, b) => a + b, 0) / (c - 2)) * rate * rate;
    }
    case 'min':
      return Math.min(...w);
    case 'max':
      return Math.max(...w);
    case 'mean':
      return mean;
    case 'sd':
      return Math.sqrt(w.reduce((a, x) => a + (x - mean) ** 2, 0) / c);
    case 'rms':
      return Math.sqrt(w.reduce((a, x) => a + x * x, 0) / c);
    case 'zero-crossings':
      return w.slice(1).filter((x, i) => x < 0 !== w[i] < 0).length;
  }
}

test('every stream feature equals its direct computation over the window', () => {
  const random = new JavaRandom(5);
  const raw = Array.from({ length: 40 }, () => [random.nextDouble() * 2 - 1, random.nextDouble() * 10]);
  const spec = readFeatureSpec({ rate: 50, features: FEATURE_KINDS.flatMap((kind) => [0, 1].map((input) => ({ input, kind, window: 5 }))) }, 2);
  const rows = seriesRows(computeFeatures(spec, seriesOf(raw)));
  rows.forEach((row, t) =>
    spec.features.forEach((f, i) => close(row[i], direct(f.kind, raw.map((r) => r[f.input]), t, 5, 50), `${f.kind} of input ${f.input} at frame ${t}`)),
  );
});

test('smoothing is applied before the feature, and a stream equals the whole-series computation', () => {
  const spec = readFeatureSpec({ features: [{ input: 0, kind: 'value', smoothing: { kind: 'moving-average', window: 2 } }, { input: 0, kind: 'max', window: 2, smoothing: { kind: 'one-euro' } }] }, 1);
  const raw = [[0], [2], [4], [0]];
  const stream = new FeatureStream(spec);
  const out = new Float64Array(2);
  const live = raw.map((frame) => {
    stream.next(frame, out);
    return [...out];
  });
  assert.deepEqual(live.map((r) => r[0]), [0, 1, 3, 2]);
  assert.deepEqual(live, seriesRows(computeFeatures(spec, seriesOf(raw))));
  assert.deepEqual(seriesRows(computeFeatures(rawInputs(2), seriesOf([[1, 2], [3, 4]]))), [[1, 2], [3, 4]]);
});

test('a feature spec that cannot work is refused with a message', () => {
  assert.throws(() => readFeatureSpec({ features: [{ input: 2, kind: 'value' }] }, 2), (e: unknown) => e instanceof InputError && /input 3, but there are only 2/.test(e.message));
  assert.throws(() => readFeatureSpec({ features: [{ input: 0, kind: 'velocity', window: 1 }] }, 1), /at least 2 frames/);
  assert.throws(() => readFeatureSpec({ features: [{ input: 0, kind: 'jerk' }] }, 1), InputError);
  assert.throws(() => readFeatureSpec({ features: [] }, 1), InputError);
});
