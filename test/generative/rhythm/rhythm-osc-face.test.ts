import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OutgoingMessage } from '../../../src/core/osc/message.ts';
import { RhythmOscFace } from '../../../src/generative/rhythm/playback/rhythm-osc-face.ts';
import { Transport } from '../../../src/generative/rhythm/playback/transport.ts';
import { bend } from '../../../src/generative/rhythm/vae/bending.ts';
import { RhythmModel } from '../../../src/generative/rhythm/vae/rhythm-model.ts';
import { RhythmPlayer } from '../../../src/generative/rhythm/vae/rhythm-player.ts';
import { handModel } from './hand-model.ts';

/** The hand-worked model (one latent axis, x in -3..3; the kick on tick 0 when x > 0.5, on tick 1 when x < -0.5) with a bend. */
function face(controls = ['x'], unitRange = true) {
  const hand = handModel();
  const model = new RhythmModel(hand.grid, hand.settings, hand.weights, hand.loops, [], hand.summary, [bend(0, { kind: 'units', units: [0] }, 'scale')]);
  const player = new RhythmPlayer(model);
  const transport = new Transport(player.loop, { bpm: 120 });
  const sent: OutgoingMessage[] = [];
  const warnings: string[] = [];
  let now = 0;
  const osc = new RhythmOscFace(player, transport, {
    inputAddress: '/wek/outputs',
    controls,
    unitRange,
    send: (message) => sent.push(message),
    warn: (kind, message) => warnings.push(`${kind}: ${message}`),
    now: () => now,
  });
  const clock = (ms: number) => (now = ms);
  return { osc, player, transport, sent, warnings, clock };
}

const values = (message: OutgoingMessage) => message.args.map((arg) => arg.value);
const addresses = (sent: OutgoingMessage[]) => sent.map((message) => message.address);
const kickRow = (sent: OutgoingMessage[]) => values(sent.find((m) => m.address === '/oscine/rhythm/pattern' && m.args[0].value === 'kick')!);

test('numbers at the input address run 0..1 across the controls’ ranges and send the new loop (at most every 20 ms): a header, then a pattern and a timing row per drum', () => {
  const { osc, player, sent, clock } = face();
  osc.receive({ address: '/wek/outputs', args: [0.75] });
  assert.equal(player.point[0], 1.5, '0.75 of the way from -3 to 3');
  assert.equal(sent.length, 1 + 2 * 9);
  assert.deepEqual(values(sent[0]), [2, 2, 1, 4, 1], 'two ticks, 2 per quarter, 1/4, one hit');
  assert.deepEqual(addresses(sent.slice(1, 5)), ['/oscine/rhythm/pattern', '/oscine/rhythm/timing', '/oscine/rhythm/pattern', '/oscine/rhythm/timing']);
  const expected = player.model.decode([1.5]);
  assert.deepEqual(kickRow(sent), ['kick', 36, expected.velocity[0], 0]);
  assert.deepEqual(values(sent[2]), ['kick', 0, 0]);
  assert.deepEqual(values(sent[3]).slice(0, 2), ['snare', 38]);
  sent.length = 0;
  osc.receive({ address: '/wek/outputs', args: [0.7500001] });
  assert.deepEqual(sent, [], 'a change too small to hear sends nothing');
  osc.receive({ address: '/wek/outputs', args: [-4] });
  assert.equal(player.point[0], -3, 'clamped to the range');
  assert.deepEqual(sent, [], 'held back: the last loop went out less than 20 ms ago');
  assert.equal(osc.loopDueAt(), 20);
  osc.receive({ address: '/wek/outputs', args: [-5] });
  clock(20);
  osc.flush();
  assert.deepEqual(kickRow(sent), ['kick', 36, 0, player.loop.velocity[1]], 'the loop as it is when it goes');
  assert.equal(osc.loopDueAt(), undefined);
  assert.equal(osc.counts.frames, 4);
  assert.equal(osc.counts.patterns, 2);
});

test('with raw numbers and several controls, each number goes to its control in its own units, clamped', () => {
  const { osc, player } = face(['x', 'threshold', 'bend1.value'], false);
  osc.receive({ address: '/wek/outputs', args: [1, 2, -1] });
  assert.equal(player.point[0], 1);
  assert.equal(player.threshold, 1);
  assert.equal(player.model.bends[0].value, -1);
  osc.receive({ address: '/wek/outputs', args: [2] });
  assert.equal(player.point[0], 2, 'fewer numbers drive the first controls');
  assert.equal(player.threshold, 1);
});

test('/oscine/rhythm/<control> sets one control; tempo, start and stop drive the transport and say so', () => {
  const { osc, player, transport, sent, clock } = face();
  osc.receive({ address: '/oscine/rhythm/x', args: [9] });
  assert.equal(player.point[0], 3);
  osc.receive({ address: '/oscine/rhythm/bend1.mix', args: [0.25] });
  assert.equal(player.model.bends[0].mix, 0.25);
  sent.length = 0;
  clock(1000);
  osc.receive({ address: '/oscine/rhythm/start', args: [] });
  assert.ok(transport.playing);
  osc.receive({ address: '/oscine/rhythm/tempo', args: [90] });
  assert.equal(transport.bpm, 90);
  osc.receive({ address: '/oscine/rhythm/stop', args: [1] });
  assert.ok(!transport.playing);
  assert.deepEqual(sent.map(values), [[1, 120], [1, 90], [0, 90]]);
  assert.equal(osc.counts.controls, 5);
});

test('steps and hits become messages a patch can route: the tick and its hits, the drum, its GM note and velocity', () => {
  const { osc } = face();
  assert.deepEqual(osc.message({ kind: 'step', tick: 12, hits: 2, position: 12, at: 0 }), { address: '/oscine/rhythm/step', args: [{ type: 'integer', value: 12 }, { type: 'integer', value: 2 }] });
  assert.deepEqual(values(osc.message({ kind: 'hit', tick: 12, drum: 1, velocity: 0.5, position: 12.2, at: 0 })), ['snare', 38, 0.5]);
});

test('wrong counts, things that are not numbers and unknown addresses are counted and warned about; nothing changes', () => {
  const { osc, player, warnings } = face();
  osc.receive({ address: '/wek/outputs', args: [0.5, 0.5] });
  osc.receive({ address: '/wek/outputs', args: [] });
  osc.receive({ address: '/wek/outputs', args: [Number.NaN] });
  osc.receive({ address: '/wek/outputs', args: ['up'] });
  osc.receive({ address: '/oscine/rhythm/x', args: [{ unsupported: 'blob' }] });
  osc.receive({ address: '/oscine/rhythm/tempo', args: [] });
  osc.receive({ address: '/oscine/rhythm/cowbell', args: [1] });
  osc.receive({ address: '/wek/inputs', args: [1] });
  assert.deepEqual(osc.counts, { frames: 0, controls: 0, wrongCount: 3, notANumber: 3, unknown: 2, patterns: 0 });
  assert.equal(player.point[0], 0);
  assert.deepEqual(warnings.slice(0, 3), [
    'count: /wek/outputs came with 2 numbers; it drives x, so send 1 to 1 (or name more with --controls)',
    'count: /wek/outputs came with 0 numbers; it drives x, so send 1 to 1 (or name more with --controls)',
    'number: /wek/outputs came with NaN where a number goes; ignored',
  ]);
  assert.match(warnings[4], /^number: \/oscine\/rhythm\/x came with a blob where a number goes/);
  assert.match(warnings[6], /^address: nothing answers "\/oscine\/rhythm\/cowbell": send \/wek\/outputs, or \/oscine\/rhythm\/ followed by start, stop, tempo or a control \(x, threshold, bend1.mix, bend1.value\)/);
});

test('a control the model does not have cannot be chosen', () => {
  assert.throws(() => face(['x', 'y']), /--controls: this model has no control 'y'; it has x, threshold, bend1.mix, bend1.value\./);
});
