import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../../src/core/errors.ts';
import { gestureDocumentOf, readGestureDocument } from '../../../src/core/temporal/gesture-document.ts';
import { GestureMatcher } from '../../../src/core/temporal/gesture-matcher.ts';
import { type GestureModel, trainGestures } from '../../../src/core/temporal/gesture-model.ts';
import { matchOptions } from '../../../src/core/temporal/match-options.ts';
import { MatchOnce } from '../../../src/core/temporal/match-once.ts';
import { seriesOf } from '../../../src/core/temporal/series.ts';
import { JavaRandom } from '../../../src/core/util/java-random.ts';

const shapes: ((u: number) => number[])[] = [
  (u) => [Math.cos(2 * Math.PI * u), Math.sin(2 * Math.PI * u)],
  (u) => [2 * u - 1, u < 0.5 ? 2 * u : 2 - 2 * u],
  (u) => [Math.sin(4 * Math.PI * u), 2 * u - 1],
];
const random = new JavaRandom(9);
const perform = (g: number, length: number) => Array.from({ length }, (_, i) => shapes[g](i / (length - 1)).map((x) => x + 0.01 * (random.nextDouble() - 0.5)));
const rest = (length: number) => Array.from({ length }, () => [2.5, 2.5]);

function model(options = {}): GestureModel {
  return trainGestures({
    inputCount: 2,
    gestures: [
      ...shapes.map((_, g) => ({ name: `shape ${g + 1}`, templates: [perform(g, 40), perform(g, 50), perform(g, 60)].map((rows) => seriesOf(rows)) })),
      { name: 'unrecorded', templates: [] },
    ],
    options,
  });
}

/** Plays performances separated by rests; returns the stream and where each performance ends. */
function play(...performances: [number, number][]): { frames: number[][]; ends: number[] } {
  const frames = rest(20);
  const ends: number[] = [];
  for (const [g, length] of performances) {
    frames.push(...perform(g, length));
    ends.push(frames.length - 1);
    frames.push(...rest(20));
  }
  return { frames, ends };
}

test('a stream of performances fires each gesture once, near its end', () => {
  const trained = model();
  assert.ok(trained.thresholds.slice(0, 3).every(Number.isFinite));
  const matcher = new GestureMatcher(trained);
  const performances: [number, number][] = [[0, 45], [2, 45], [1, 55], [0, 40]];
  const { frames, ends } = play(...performances);
  const fired: [number, number][] = [];
  frames.forEach((frame, t) => {
    const match = matcher.push(frame, t * 10);
    assert.equal(match.distances[3], Infinity);
    if (match.fired >= 0) fired.push([match.fired, t]);
  });
  assert.deepEqual(fired.map(([g]) => g), [0, 2, 1, 0]);
  // In the last quarter of the performance, or just after it.
  fired.forEach(([, t], i) => assert.ok(t >= ends[i] - performances[i][1] / 4 && t <= ends[i] + 3, `trigger ${i + 1} at frame ${t}, performance ends at ${ends[i]}`));
});

test('following: progress through the template and speed against it', () => {
  const matcher = new GestureMatcher(model());
  const at = (frames: number[][], until: number) => {
    matcher.reset();
    let match = matcher.match;
    frames.slice(0, until).forEach((frame, t) => (match = matcher.push(frame, t * 10)));
    return { following: match.following, progress: match.progress[0], speed: match.speed[0] };
  };
  const normal = [...rest(10), ...perform(0, 50)];
  const half = at(normal, 10 + 25);
  assert.equal(half.following, 0);
  assert.ok(Math.abs(half.progress - 0.5) < 0.12, `progress ${half.progress}`);
  // The templates last 40 to 60 frames: this one goes at about their pace, and one twice as long at about half.
  assert.ok(half.speed > 0.75 && half.speed < 1.3, `speed ${half.speed}`);
  const slow = at([...rest(10), ...perform(0, 100)], 10 + 50);
  assert.ok(Math.abs(slow.progress - 0.5) < 0.12, `progress ${slow.progress}`);
  assert.ok(slow.speed < 0.65 * half.speed, `speed ${slow.speed} against ${half.speed}`);
});

test('whole-series classification, "match once", and disabled gestures', () => {
  const trained = model();
  assert.equal(trained.classify(seriesOf(perform(2, 48))).gesture, 2);
  const far = trained.classify(seriesOf(rest(30)));
  assert.equal(far.gesture, -1);
  assert.ok(far.nearest >= 0);
  const once = new MatchOnce(trained);
  assert.equal(once.stop(), null);
  perform(1, 70).forEach((frame) => once.push(frame));
  assert.equal(once.stop()?.gesture, 1);
  const without = trainGestures({ ...trainingOf(trained), gestures: trainingOf(trained).gestures.map((g, i) => ({ ...g, enabled: i !== 1 })) });
  assert.equal(without.classify(seriesOf(perform(1, 48))).distances[1], Infinity);
});

function trainingOf(m: GestureModel) {
  return { inputCount: m.state.inputCount, gestures: m.state.gestures.map((g) => ({ name: g.name, templates: g.templates.map((t) => seriesOf(t as number[][])) })) };
}

test('saved and restored, a model matches bit for bit', () => {
  for (const options of [{}, { pattern: 'slope', downsample: 2, inputNormalisation: 'minmax', radius: 8 }, { derivatives: false, lengthNormalisation: 'template' }] as const) {
    const trained = model(options);
    const text = JSON.stringify(gestureDocumentOf(trained));
    const restored = readGestureDocument(JSON.parse(text), 'gestures.json');
    assert.equal(JSON.stringify(gestureDocumentOf(restored)), text);
    const [a, b] = [new GestureMatcher(trained), new GestureMatcher(restored)];
    play([0, 45], [1, 50]).frames.forEach((frame, t) => {
      const [x, y] = [a.push(frame, t * 10), b.push(frame, t * 10)];
      assert.equal(x.updated, y.updated);
      assert.equal(x.fired, y.fired);
      x.distances.forEach((d, g) => assert.ok(Object.is(d, y.distances[g]), `frame ${t}, gesture ${g}: ${d} vs ${y.distances[g]}`));
      x.progress.forEach((p, g) => assert.ok(Object.is(p, y.progress[g])));
    });
  }
});

test('a damaged or newer gesture file is refused with a message', () => {
  const document = gestureDocumentOf(model());
  const refused = (json: unknown, pattern: RegExp) => assert.throws(() => readGestureDocument(json, 'g.json'), (e: unknown) => e instanceof InputError && pattern.test(e.message));
  refused({ format: 'oscine-model' }, /g\.json is not an Oscine gesture model/);
  refused({ ...document, version: 99 }, /newer Oscine .* update Oscine/);
  refused({ ...document, options: { ...document.options, pattern: 'zigzag' } }, /g\.json is damaged: options\.pattern/);
  refused({ ...document, gestures: [{ ...document.gestures[0], templates: [[[1, 2, 3]]] }] }, /damaged: gestures\.0\.templates\.0\.0: a frame has 3 values, not 2/);
  refused({ ...document, scaling: { offset: [0], scale: [1] } }, /damaged: scaling/);
});

test('bad training input and options are the user\'s to fix', () => {
  assert.throws(() => matchOptions({ downsample: 0 }), (e: unknown) => e instanceof InputError && /downsample/.test(e.message));
  assert.throws(() => trainGestures({ inputCount: 3, gestures: [{ name: 'x', templates: [seriesOf([[1, 2]])] }] }), /template 1 of gesture 'x' has 2 inputs per frame but the model has 3/);
  assert.throws(() => trainGestures({ inputCount: 2, gestures: [{ name: 'x', templates: [seriesOf([[1, 2]])] }], options: { downsample: 4 } }), /fewer than the down-sampling factor 4/);
});

test('down-sampling updates every n-th frame; stream features feed the matcher', () => {
  const matcher = new GestureMatcher(model({ downsample: 3 }));
  assert.deepEqual([0, 1, 2, 3, 4, 5].map((t) => matcher.push([0, 0], t).updated), [false, false, true, false, false, true]);
  const withFeatures = trainGestures({
    ...trainingOf(model()),
    features: { rate: 100, features: [0, 1].flatMap((input) => [{ input, kind: 'mean' as const, window: 3 }, { input, kind: 'velocity' as const, window: 3 }]) },
  });
  assert.equal(withFeatures.bank.width, 8);
  assert.equal(withFeatures.classify(seriesOf(perform(0, 45))).gesture, 0);
});

test('a gesture can be turned off or given its own threshold while a matcher runs', () => {
  const trained = model();
  const matcher = new GestureMatcher(trained);
  const frames = play([1, 50]).frames;
  frames.slice(0, 40).forEach((frame, t) => matcher.push(frame, t * 10));
  trained.adjust(1, { enabled: false });
  assert.equal(matcher.push(frames[40], 400).distances[1], Infinity);
  trained.adjust(1, { enabled: true, threshold: 0 });
  const fired = frames.slice(41).map((frame, t) => matcher.push(frame, (41 + t) * 10).fired);
  assert.ok(fired.every((g) => g === -1));
  assert.equal(trained.state.gestures[1].threshold, 0);
  assert.equal(readGestureDocument(JSON.parse(JSON.stringify(gestureDocumentOf(trained))), 'g.json').thresholds[1], 0);
  trained.adjust(1, { threshold: null });
  assert.equal(trained.thresholds[1], trained.state.gestures[1].learnedThreshold);
  assert.throws(() => trained.adjust(9, { enabled: false }), /there is no gesture 10/);
  assert.throws(() => trained.adjust(0, { threshold: -1 }), InputError);
});
