import { test } from 'node:test';
import assert from 'node:assert/strict';
import { midiFromPattern, patternFromMidi } from '../../../src/generative/rhythm/midi.ts';
import { DEFAULT_TICKS_PER_QUARTER } from '../../../src/generative/rhythm/pattern.ts';
import { starterLoops } from '../../../src/generative/rhythm/starter-loops.ts';
import { formatTextGrid, parseTextGrid } from '../../../src/generative/rhythm/text-grid.ts';

const loops = starterLoops();

test('at least 40 starter loops, each with its own name and its own groove', () => {
  assert.ok(loops.length >= 40, `${loops.length} loops`);
  assert.equal(new Set(loops.map((l) => l.name)).size, loops.length);
  const grooves = loops.map((l) => formatTextGrid([{ name: 'x', pattern: l.pattern }]));
  assert.equal(new Set(grooves).size, loops.length);
  for (const loop of loops) {
    assert.equal(loop.pattern.ticksPerQuarter, DEFAULT_TICKS_PER_QUARTER);
    assert.ok(loop.bpm !== undefined && loop.style !== undefined, `${loop.name} has a style and a tempo`);
    assert.ok(loop.pattern.onset.includes(1));
  }
});

test('the starter set covers the styles and meters issue 7 asks for', () => {
  const styles = new Set(loops.map((l) => l.style));
  for (const style of ['rock', 'funk', 'hip-hop', 'bossa nova', 'samba', 'bembé', 'shuffle', 'waltz', 'breakbeat']) assert.ok(styles.has(style), style);
  const meter = (name: string) => loops.filter((l) => `${l.pattern.meter.beats}/${l.pattern.meter.beatUnit}` === name);
  for (const name of ['4/4', '3/4', '5/4', '6/8', '12/8']) assert.ok(meter(name).length > 0, name);
  assert.ok(meter('6/8').some((l) => l.style === 'bembé'), 'a 6/8 bembé');
  assert.ok(meter('12/8').some((l) => l.style === 'shuffle'), 'a 12/8 shuffle');
  assert.ok(meter('3/4').some((l) => l.style === 'waltz'), 'a waltz in 3/4');
});

test('the starter loops are played, not programmed: dynamics, micro-timing and swing', () => {
  const velocities = new Set(loops.flatMap((l) => [...l.pattern.velocity].filter((v) => v > 0)));
  assert.ok(velocities.size >= 8, `${velocities.size} loudness levels`);
  const timed = loops.filter((l) => l.pattern.offset.some((o) => o !== 0));
  assert.ok(timed.length >= 8, `${timed.length} loops with micro-timing`);
  const triplets = loops.filter((l) => l.pattern.meter.beatUnit === 4 && Array.from(l.pattern.onset).some((on, cell) => on && (cell % l.pattern.ticks) % 4 === 0 && (cell % l.pattern.ticks) % 3 !== 0));
  assert.ok(triplets.length >= 5, `${triplets.length} loops in triplets`);
});

test('every starter loop survives the text grid and a MIDI file exactly', () => {
  assert.deepEqual(parseTextGrid(formatTextGrid(loops), 'starter.grid'), loops);
  for (const loop of loops) assert.deepEqual(patternFromMidi(midiFromPattern(loop.pattern, { bpm: loop.bpm }), `${loop.name}.mid`), loop.pattern, loop.name);
});
