import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../../src/core/errors.ts';
import { density, instrumentActivity, metricalWeights, swing, syncopation } from '../../../src/generative/rhythm/features.ts';
import { beatGroupStarts, beatTicks, countedBeats, isCompound } from '../../../src/generative/rhythm/meter.ts';
import type { Pattern } from '../../../src/generative/rhythm/pattern.ts';
import { parseTextGrid } from '../../../src/generative/rhythm/text-grid.ts';

function grid(text: string): Pattern {
  return parseTextGrid(text.replace(/^ +/gm, ''), 'case.grid')[0].pattern;
}

const ROCK = grid(`loop rock 4/4
  hh x.x.|x.x.|x.x.|x.x.
  sd ....|X...|....|X...
  bd x...|....|x.x.|....`);

test('meters: the counted beat, compound meters and beat groups', () => {
  assert.equal(beatTicks({ beats: 4, beatUnit: 4 }, 12), 12);
  assert.equal(beatTicks({ beats: 6, beatUnit: 8 }, 12), 18);
  assert.equal(beatTicks({ beats: 7, beatUnit: 8 }, 12), 6);
  assert.deepEqual([isCompound({ beats: 12, beatUnit: 8 }), isCompound({ beats: 7, beatUnit: 8 }), isCompound({ beats: 3, beatUnit: 4 })], [true, false, false]);
  assert.deepEqual([countedBeats({ beats: 12, beatUnit: 8 }), countedBeats({ beats: 5, beatUnit: 4 })], [4, 5]);
  assert.deepEqual([2, 3, 4, 5, 6, 7].map(beatGroupStarts), [[0], [0], [0, 2], [0, 3], [0, 2, 4], [0, 3, 5]]);
});

test('density is hits per quarter note, and the activities of the drums add up to it', () => {
  // 8 hats, 2 snares, 3 kicks in four quarter notes.
  assert.equal(density(ROCK), 13 / 4);
  assert.equal(instrumentActivity(ROCK, 'kick'), 3 / 4);
  assert.equal(instrumentActivity(ROCK, 2), 2);
  assert.equal(instrumentActivity(ROCK, 'ride'), 0);
  const twoBars = grid(`loop a 6/8 bars 2 step 1/8
    bd x..|...||x..|x..`);
  assert.equal(density(twoBars), 3 / 6); // two bars of 6/8 are six quarter notes
  assert.throws(() => instrumentActivity(ROCK, 'cowbell' as 'kick'), InputError);
});

test('metrical weights: halves, beats and divisions in 4/4, dotted quarters in 6/8 and 12/8, 3 + 2 in 5/4', () => {
  const at = (p: Pattern, ticks: number[]) => ticks.map((t) => metricalWeights(p)[t]);
  // 4/4: bar 0, half bar −1, beats −2, eighths −3, sixteenths −4, other ticks −5
  assert.deepEqual(at(ROCK, [0, 24, 12, 36, 6, 3, 9, 1, 4]), [0, -1, -2, -2, -3, -4, -4, -5, -5]);
  // a loop in triplets divides the beat in three: eighth triplets −3, sixteenth triplets −4
  const triplets = grid(`loop t 4/4 step 1/8t
    hh xxx|xxx|xxx|xxx`);
  assert.deepEqual(at(triplets, [12, 4, 8, 2, 6, 3]), [-2, -3, -3, -4, -4, -5]);
  // 6/8: beats (dotted quarters) −1, eighths −2, sixteenths −3, ticks −4
  const sixEight = grid(`loop s 6/8 step 1/8
    bd x..|...`);
  assert.deepEqual(at(sixEight, [0, 18, 6, 12, 3, 1]), [0, -1, -2, -2, -3, -4]);
  // 12/8: half bar −1, beats −2, eighths −3
  const twelveEight = grid(`loop s 12/8 step 1/8
    bd x..|...|...|...`);
  assert.deepEqual(at(twelveEight, [36, 18, 54, 6]), [-1, -2, -2, -3]);
  // 5/4 as 3 + 2: the fourth beat starts a group; 3/4 has no groups
  const fiveFour = grid(`loop f 5/4
    bd x...|....|....|....|....`);
  assert.deepEqual(at(fiveFour, [36, 12, 24, 48, 6]), [-1, -2, -2, -2, -3]);
  const waltz = grid(`loop w 3/4
    bd x...|....|....`);
  assert.deepEqual(at(waltz, [0, 12, 24, 6, 3]), [0, -1, -1, -2, -3]);
});

test('syncopation: hand-counted cases in 4/4, 6/8 and 5/4', () => {
  assert.equal(syncopation(ROCK), 0, 'a backbeat over kicks on 1 and 3');
  // kick on the last sixteenth of beat 2 (−4) with beat 3 (−1) left empty: 3; the snare on 2 (−2)
  // rings over that empty beat 3: 1; the snare on 4 rings into the kick on 1: 0.
  const push = grid(`loop p 4/4
    sd ....|X...|....|X...
    bd x...|...x|....|....`);
  assert.equal(syncopation(push), 4);
  // the same over two bars counts per bar
  const pushTwice = grid(`loop p 4/4 bars 2
    sd ....|X...|....|X...||....|X...|....|X...
    bd x...|...x|....|....||x...|...x|....|....`);
  assert.equal(syncopation(pushTwice), 4);
  // hats between the drums keep time: they neither fill a rest nor are syncopated on the beat grid
  const triplets = grid(`loop t 4/4 step 1/8t
    hh xxx|xxx|xxx|xxx
    sd ...|X..|...|X..
    bd x..|...|x..|...`);
  assert.equal(syncopation(triplets), 0, 'triplet hats are not syncopated');
  // 6/8: a kick on the third eighth (−2) before an empty second beat (−1): 1
  const sixEight = grid(`loop s 6/8 step 1/8
    bd x.x|...`);
  assert.equal(syncopation(sixEight), 1);
  // 5/4 (3 + 2): a kick on the sixteenth before beat 4 (−4 → −1): 3; then beat 4 is the snare's,
  // so the next kick's rest passes beat 5 (−2) at most: 2 once the snare fills beat 4.
  assert.equal(syncopation(grid(`loop f 5/4
    bd x...|....|...x|....|....`)), 3);
  assert.equal(syncopation(grid(`loop f 5/4
    sd ....|....|....|X...|....
    bd x...|....|...x|....|....`)), 2);
});

test('swing: 50 straight, 66.7 for triplet swing, sixteenths before eighths, compound eighths not paired', () => {
  assert.equal(swing(ROCK), 50);
  const shuffle = grid(`loop s 4/4 step 1/8t
    hh x.x|x.x|x.x|x.x`);
  assert.ok(Math.abs(swing(shuffle) - 200 / 3) < 1e-9);
  // off-beat sixteenths 0.45 tick late: 3.45 of a 6-tick pair is 57.5 %
  const sixteenths = grid(`loop l 4/4
    hh xx>0.45xx>0.45|xx>0.45xx>0.45|xx>0.45xx>0.45|xx>0.45xx>0.45
    bd x...|....|x...|....`);
  assert.ok(Math.abs(swing(sixteenths) - 57.5) < 1e-5, String(swing(sixteenths)));
  // a rushed off-beat eighth, half a tick early: 5.5 of 12 is 45.8 %
  const rushed = grid(`loop r 4/4 step 1/8
    hh xx<0.5|x.|x.|x.`);
  assert.ok(Math.abs(swing(rushed) - (100 * 5.5) / 12) < 1e-9);
  assert.equal(swing(grid(`loop c 6/8 step 1/8
    hh xxx|xxx`)), 50);
});
