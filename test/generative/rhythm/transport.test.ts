import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DRUMS, type Loop, type Meter, emptyPattern } from '../../../src/generative/rhythm/pattern.ts';
import { type PlayEvent, Transport } from '../../../src/generative/rhythm/playback/transport.ts';
import { hit } from './synthetic-loops.ts';

function loop(meter: Meter = { beats: 4, beatUnit: 4 }): Loop {
  return { name: 'test', pattern: emptyPattern(meter) };
}

/** An event as one line: "125.0 hit 3 snare 0.8" or "125.0 step 3 ×2". */
function line(event: PlayEvent): string {
  const at = event.at.toFixed(1);
  return event.kind === 'step' ? `${at} step ${event.tick} ×${event.hits}` : `${at} hit ${event.tick} ${DRUMS[event.drum].name} ${event.velocity.toFixed(1)}`;
}

/** Plays with a perfect clock that wakes exactly when asked, until `until` ms; returns the events as lines. */
function play(transport: Transport, until: number, from = 0): string[] {
  const lines: string[] = [];
  for (let now = from; now <= until; ) {
    lines.push(...transport.due(now).map(line));
    const next = transport.wakeAt();
    if (next === undefined) break;
    now = Math.max(now, next);
  }
  return lines;
}

test('a straight 4/4 loop plays its ticks on time at the tempo, round and round', () => {
  const rock = loop();
  hit(rock, 'kick', 0, 1);
  hit(rock, 'snare', 12, 0.8);
  hit(rock, 'closed-hat', 0, 0.5);
  hit(rock, 'closed-hat', 24, 0.5);
  const transport = new Transport(rock.pattern, { bpm: 120 });
  transport.start(0);
  // 120 bpm at 12 ticks per quarter: a quarter is 500 ms, the 48-tick bar 2000 ms.
  assert.deepEqual(play(transport, 2600), [
    '0.0 step 0 ×2',
    '0.0 hit 0 kick 1.0',
    '0.0 hit 0 closed-hat 0.5',
    '500.0 step 12 ×1',
    '500.0 hit 12 snare 0.8',
    '1000.0 step 24 ×1',
    '1000.0 hit 24 closed-hat 0.5',
    '2000.0 step 0 ×2',
    '2000.0 hit 0 kick 1.0',
    '2000.0 hit 0 closed-hat 0.5',
    '2500.0 step 12 ×1',
    '2500.0 hit 12 snare 0.8',
  ]);
});

test('eighth-note triplets fall on thirds of the beat, without rounding', () => {
  const triplets = loop({ beats: 1, beatUnit: 4 });
  for (const tick of [0, 4, 8]) hit(triplets, 'ride', tick);
  const transport = new Transport(triplets.pattern, { bpm: 100 });
  transport.start(1000);
  // 100 bpm: a beat is 600 ms, a triplet eighth 200 ms.
  assert.deepEqual(
    play(transport, 2100, 1000).filter((l) => l.includes('hit')),
    ['1000.0 hit 0 ride 0.8', '1200.0 hit 4 ride 0.8', '1400.0 hit 8 ride 0.8', '1600.0 hit 0 ride 0.8', '1800.0 hit 4 ride 0.8', '2000.0 hit 8 ride 0.8'],
  );
});

test('a 6/8 bar is six eighths long: the loop comes round after 36 ticks', () => {
  const bembe = loop({ beats: 6, beatUnit: 8 });
  hit(bembe, 'kick', 0);
  hit(bembe, 'kick', 18);
  hit(bembe, 'closed-hat', 30);
  const transport = new Transport(bembe.pattern, { bpm: 90 });
  transport.start(0);
  // 90 quarters a minute: an eighth is 1000/3 ms, the dotted-quarter beat 1000 ms, the bar 2000 ms.
  assert.deepEqual(
    play(transport, 4100).filter((l) => l.includes('hit')),
    ['0.0 hit 0 kick 0.8', '1000.0 hit 18 kick 0.8', '1666.7 hit 30 closed-hat 0.8', '2000.0 hit 0 kick 0.8', '3000.0 hit 18 kick 0.8', '3666.7 hit 30 closed-hat 0.8', '4000.0 hit 0 kick 0.8'],
  );
});

test('micro-timing moves each hit off its tick: late, early, and early on the first downbeat', () => {
  const pushed = loop({ beats: 2, beatUnit: 4 });
  hit(pushed, 'kick', 0, 1, -0.3);
  hit(pushed, 'snare', 12, 1, 0.25);
  hit(pushed, 'closed-hat', 12, 0.5, -0.5);
  const transport = new Transport(pushed.pattern, { bpm: 125 });
  transport.start(0);
  // 125 bpm: a tick is 40 ms, the 24-tick loop 960 ms.
  assert.deepEqual(play(transport, 1500), [
    '0.0 step 0 ×1',
    '0.0 hit 0 kick 1.0',
    '460.0 hit 12 closed-hat 0.5',
    '480.0 step 12 ×2',
    '490.0 hit 12 snare 1.0',
    '948.0 hit 0 kick 1.0',
    '960.0 step 0 ×1',
    '1420.0 hit 12 closed-hat 0.5',
    '1440.0 step 12 ×2',
    '1450.0 hit 12 snare 1.0',
  ]);
});

test('a tempo change keeps the place in the loop and spaces what follows at the new tempo', () => {
  const quarters = loop();
  for (const tick of [0, 12, 24, 36]) hit(quarters, 'kick', tick, 1, tick === 36 ? 0.5 : 0);
  const transport = new Transport(quarters.pattern, { bpm: 120 });
  transport.start(0);
  const before = play(transport, 750);
  assert.deepEqual(before.filter((l) => l.includes('hit')), ['0.0 hit 0 kick 1.0', '500.0 hit 12 kick 1.0']);
  // At 750 ms the loop is at tick 18; from there a tick lasts 1000/24 × 2 ms (60 bpm).
  assert.equal(transport.setTempo(60, 750), 60);
  assert.equal(transport.positionAt(750), 18);
  assert.deepEqual(play(transport, 3000, 750).filter((l) => l.includes('hit')), ['1250.0 hit 24 kick 1.0', '2291.7 hit 36 kick 1.0']);
  assert.equal(transport.setTempo(1000, 3000), 400, 'clamped');
  assert.equal(transport.setTempo(Number.NaN, 3000), 400, 'ignored');
});

test('a tempo change also moves a hit already planned', () => {
  const late = loop({ beats: 1, beatUnit: 4 });
  hit(late, 'snare', 6, 1, 0.4);
  const transport = new Transport(late.pattern, { bpm: 120 });
  transport.start(0);
  // At 120 bpm tick 6 falls at 250 ms and its hit, 0.4 tick later, at 266.7 ms.
  assert.deepEqual(play(transport, 255), ['250.0 step 6 ×1']);
  transport.setTempo(60, 255);
  assert.deepEqual(play(transport, 300, 255), ['278.3 hit 6 snare 1.0'], 'at 255 ms the loop is at tick 6.12; 0.28 tick more at 60 bpm is 23.3 ms');
});

test('the loop is read as it plays: an edit is heard from the next tick not yet planned', () => {
  const edited = loop({ beats: 1, beatUnit: 4 });
  hit(edited, 'kick', 0);
  const transport = new Transport(edited.pattern, { bpm: 120 });
  transport.start(0);
  assert.deepEqual(play(transport, 100), ['0.0 step 0 ×1', '0.0 hit 0 kick 0.8']);
  hit(edited, 'snare', 6, 0.4);
  assert.deepEqual(play(transport, 600, 100), ['250.0 step 6 ×1', '250.0 hit 6 snare 0.4', '500.0 step 0 ×1', '500.0 hit 0 kick 0.8']);
});

test('after a stall, what is too late is dropped and counted, not sent in a burst', () => {
  const sixteenths = loop({ beats: 1, beatUnit: 4 });
  for (const tick of [0, 3, 6, 9]) hit(sixteenths, 'closed-hat', tick);
  const transport = new Transport(sixteenths.pattern, { bpm: 120, latestMs: 30 });
  transport.start(0);
  assert.equal(play(transport, 10).length, 2);
  // Held up until 3.02 s: the 23 sixteenths from 125 ms to 2875 ms are more than 30 ms late; the one at 3 s is 20 ms late, still sent.
  const burst = transport.due(3020).map(line);
  assert.deepEqual(burst, ['3000.0 step 0 ×1', '3000.0 hit 0 closed-hat 0.8']);
  assert.equal(transport.dropped, 23 * 2, '23 sixteenths of two events each were skipped');
  assert.deepEqual(play(transport, 3130, 3020), ['3125.0 step 3 ×1', '3125.0 hit 3 closed-hat 0.8']);
});

test('a timer that wakes a little early still sends what is due; stop sends nothing, start plays from the top', () => {
  const two = loop({ beats: 1, beatUnit: 4 });
  hit(two, 'kick', 0);
  hit(two, 'snare', 6);
  const transport = new Transport(two.pattern, { bpm: 120 });
  transport.start(0);
  transport.due(0);
  assert.equal(transport.wakeAt(), 1000 / 48, 'half a tick after the start: time to plan tick 1');
  assert.deepEqual(transport.due(249.4).map(line), ['250.0 step 6 ×1', '250.0 hit 6 snare 0.8']);
  transport.stop();
  assert.equal(transport.wakeAt(), undefined);
  assert.deepEqual(transport.due(600), []);
  transport.start(700);
  assert.deepEqual(transport.due(700).map(line), ['700.0 step 0 ×1', '700.0 hit 0 kick 0.8']);
});
