import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JavaRandom } from '../../../src/core/util/java-random.ts';
import { DRUMS, type Loop, type Meter, emptyPattern } from '../../../src/generative/rhythm/pattern.ts';
import { formatTextGrid, parseTextGrid } from '../../../src/generative/rhythm/text-grid.ts';
import { inputError } from './input-error.ts';

/** The hits of one drum as [tick, MIDI velocity, offset] triples. */
function hits(loop: Loop, drum: string): [number, number, number][] {
  const p = loop.pattern;
  const row = DRUMS.findIndex((d) => d.name === drum);
  const out: [number, number, number][] = [];
  for (let t = 0; t < p.ticks; t++) {
    const cell = row * p.ticks + t;
    if (p.onset[cell]) out.push([t, Math.round(p.velocity[cell] * 127), p.offset[cell]]);
  }
  return out;
}

function refuses(text: string, message: string): void {
  assert.throws(() => parseTextGrid(text, 'loops.grid'), inputError(message));
}

test('reads the header, levels, marks, aliases, comments and bar lines of a hand-written loop', () => {
  const [loop] = parseTextGrid(
    [
      '# a comment line',
      '',
      'loop "Rock 1" 4/4 bars 2 style rock bpm 96.5   # trailing comment',
      'bd    x... .... x.x. ....  x... .... x.x. ..x.',
      'sd    ----|X---|----|X--g||----|X>0.3---|----|X@120X>.25-X<.5',
      'hh    1234|5678|9gxX|....||....|....|....|....',
    ].join('\n'),
    'rock.grid',
  );
  assert.equal(loop.name, 'Rock 1');
  assert.equal(loop.style, 'rock');
  assert.equal(loop.bpm, 96.5);
  assert.deepEqual(loop.pattern.meter, { beats: 4, beatUnit: 4 });
  assert.equal(loop.pattern.ticksPerQuarter, 12);
  assert.equal(loop.pattern.ticks, 96);
  assert.deepEqual(hits(loop, 'kick').map(([t]) => t), [0, 24, 30, 48, 72, 78, 90]);
  // Levels 1..9 are MIDI velocities round(L × 127 / 9); g, x, X are 3, 7, 9.
  assert.deepEqual(hits(loop, 'closed-hat').map(([, v]) => v), [14, 28, 42, 56, 71, 85, 99, 113, 127, 42, 99, 127]);
  assert.deepEqual(hits(loop, 'snare'), [
    [12, 127, 0],
    [36, 127, 0],
    [45, 42, 0],
    [60, 127, Math.fround(0.3)],
    [84, 120, 0],
    [87, 127, Math.fround(0.25)],
    [93, 127, -0.5],
  ]);
  assert.equal(loop.pattern.velocity[DRUMS.length], 0); // untouched drums stay silent
});

test('a canonical grid reads and writes back character for character: triplets, 12/8, 5/4, marks, quoting', () => {
  const text = [
    'loop "Shuffle \\"A\\"" 4/4 bars 1 step 1/8t tpq 12 style "blues shuffle" bpm 80',
    'kick        x..|..x|x..|..x',
    'snare       ...|X..|...|X@120>0.1 ..',
    'closed-hat  x.x|x.x|x.x|x.x',
    '',
    'loop bembé 12/8 bars 1 step 1/8 tpq 12 style bembé',
    'low-tom     x..|...|x..|...',
    'ride        x.x|.xx|.x.|x.x',
    '',
    'loop five 5/4 bars 2 step 1/16 tpq 24',
    'kick        x...|....|..x.|x...|....||x...|....|..x.|x...|..x5',
    'snare       ....|....|....|....|X<0.5 ...||....|....|....|6>0.25 x@100 8<0.1 .|X...',
    '',
    'loop trap 4/4 bars 1 step tick tpq 12',
    'closed-hat  x..5..x..5..|x..5..x..5..|x.5.5.x..5..|x..5..x4444x',
    '',
  ].join('\n');
  assert.equal(formatTextGrid(parseTextGrid(text, 'a.grid')), text);
});

function randomLoop(random: JavaRandom, meter: Meter, bars: number, ticksPerQuarter: number, index: number): Loop {
  const pattern = emptyPattern(meter, bars, ticksPerQuarter);
  for (let cell = 0; cell < pattern.onset.length; cell++) {
    if (random.nextDouble() < 0.2) {
      pattern.onset[cell] = 1;
      pattern.velocity[cell] = random.nextDouble() < 0.5 ? Math.fround(random.nextDouble()) : Math.fround((1 + random.nextInt(127)) / 127);
      pattern.offset[cell] = random.nextDouble() < 0.5 ? 0 : Math.fround(random.nextDouble() - 0.5);
    }
  }
  return { name: `loop ${index}`, ...(index % 2 ? { style: 'any "style"', bpm: 60 + random.nextDouble() * 100 } : {}), pattern };
}

test('any loops written as a grid read back to exactly the same loops', () => {
  const random = new JavaRandom(7);
  const shapes: [Meter, number, number][] = [
    [{ beats: 4, beatUnit: 4 }, 2, 12],
    [{ beats: 12, beatUnit: 8 }, 1, 12],
    [{ beats: 6, beatUnit: 8 }, 2, 24],
    [{ beats: 3, beatUnit: 4 }, 1, 5],
    [{ beats: 5, beatUnit: 4 }, 1, 12],
    [{ beats: 7, beatUnit: 8 }, 1, 4],
  ];
  const loops = shapes.map(([meter, bars, tpq], i) => randomLoop(random, meter, bars, tpq, i));
  loops.push({ name: 'silence', pattern: emptyPattern({ beats: 4, beatUnit: 4 }) });
  const text = formatTextGrid(loops);
  assert.deepEqual(parseTextGrid(text, 'random.grid'), loops);
  assert.equal(formatTextGrid(parseTextGrid(text, 'again.grid')), text);
});

test('the writer picks the coarsest step that holds every hit', () => {
  const steps = (grid: string) => formatTextGrid(parseTextGrid(grid, 'x.grid')).split('\n')[0].replace(/.* step (\S+) .*/, '$1');
  assert.equal(steps('loop a 4/4\nkick x...x...x...x...'), '1/8');
  assert.equal(steps('loop a 4/4\nkick x..x............'), '1/16');
  assert.equal(steps('loop a 4/4 step tick\nkick x...x...........................................'), '1/8t');
  assert.equal(steps('loop a 4/4 step tick\nkick x.x.............................................'), '1/16t');
  assert.equal(steps('loop a 4/4 step tick\nkick xx..............................................'), 'tick');
});

test('mistakes are reported with the file, line and column, and what to write instead', () => {
  refuses('kick x...', 'loops.grid, line 1, column 1: a drum line needs a loop line above it, such as: loop "Rock 1" 4/4 bars 1');
  refuses('loop a 4/4\nkick x..', 'loops.grid, line 2, column 9: kick has 3 steps; a bar of 4/4 in 1/16 steps needs 16');
  refuses('loop a 4/4 bars 2\nkick x...|....|....|....||x..', 'loops.grid, line 2, column 30: kick has 19 steps; 2 bars of 4/4 in 1/16 steps need 32');
  refuses('loop a 4/4\nkick x...x...x...x...x', 'loops.grid, line 2, column 22: kick has more than 16 steps; a bar of 4/4 in 1/16 steps needs 16');
  refuses('loop a 4/4\ncowbell x', "loops.grid, line 2, column 1: 'cowbell' is not a drum; write one of kick, snare, closed-hat, open-hat, low-tom, mid-tom, high-tom, crash, ride");
  refuses('loop a 4/4 step 1/4\nkick xxxx\nbd x...', "loops.grid, line 3, column 1: kick already has a line in 'a'; write each drum once");
  refuses('loop a 4/4\nkick x..o', "loops.grid, line 2, column 9: 'o' is not a step; write . for a rest, or g, x, X or 1 to 9 for a hit (marks @velocity and >ticks or <ticks follow a hit)");
  refuses('loop a 4/4\nkick x>0.5', 'loops.grid, line 2, column 8: a hit may be up to half a tick early and less than half a tick late, not 0.5; put it on the nearest tick instead');
  refuses('loop a 4/4\nkick x<0.6', 'loops.grid, line 2, column 8: a hit may be up to half a tick early and less than half a tick late, not 0.6; put it on the nearest tick instead');
  refuses('loop a 4/4\nkick x>', 'loops.grid, line 2, column 8: > needs a number of ticks after it, such as x>0.25');
  refuses('loop a 4/4\nkick x@', 'loops.grid, line 2, column 8: @ needs a MIDI velocity after it, such as x@96');
  refuses('loop a 4/4\nkick x@128', 'loops.grid, line 2, column 8: a MIDI velocity goes up to 127, not 128');
  refuses('loop a 4/4\nkick x@9@9', 'loops.grid, line 2, column 9: this hit already has a velocity mark');
  refuses('loop a 4/4\nkick ..>1', "loops.grid, line 2, column 8: '>' is not a step; write . for a rest, or g, x, X or 1 to 9 for a hit (marks @velocity and >ticks or <ticks follow a hit)");
  refuses('loop "a" 4/3', 'loops.grid, line 1, column 10: the meter 4/3 is not counted in quarters or eighths; write it as x/4 or x/8 (4/4, 3/4, 6/8, …)');
  refuses('loop "a" bars 2', 'loops.grid, line 1, column 16: the loop needs a meter after its name, such as 4/4, 3/4, 5/4, 6/8 or 12/8');
  refuses('loop', 'loops.grid, line 1, column 5: the loop needs a name, as in: loop "Rock 1" 4/4');
  refuses('loop a 4/4 swing 60', "loops.grid, line 1, column 12: 'swing' is not part of a loop line; after the name write the meter (4/4, 6/8, …) and any of bars …, step …, tpq …, style …, bpm …");
  refuses('loop a 4/4 bars 2 bars 3', 'loops.grid, line 1, column 19: bars is given twice');
  refuses('loop a 4/4 bars 1.5', "loops.grid, line 1, column 17: bars takes a whole number above 0, not '1.5'");
  refuses('loop a 4/4 bpm', 'loops.grid, line 1, column 15: bpm needs a value after it');
  refuses('loop a 4/4 bpm fast', "loops.grid, line 1, column 16: bpm takes a number above 0, not 'fast'");
  refuses('loop a 3/8 tpq 1 step tick', 'loops.grid, line 1, column 8: A bar of 3/8 does not fit 1 ticks per quarter note; use a multiple of 2');
  refuses('loop a 6/8 tpq 1', 'loops.grid, line 1, column 7: a step of 1/16 does not fit a bar of 6/8 at 1 ticks per quarter note; write 1/8, 1/16, 1/8t, 1/16t or tick');
  refuses('loop a 4/4 step 1/32', 'loops.grid, line 1, column 17: a step of 1/32 does not fit a bar of 4/4 at 12 ticks per quarter note; write 1/8, 1/16, 1/8t, 1/16t or tick');
  refuses('loop a 3/4 step 1/2', 'loops.grid, line 1, column 17: a step of 1/2 does not fit a bar of 3/4 at 12 ticks per quarter note; write 1/8, 1/16, 1/8t, 1/16t or tick');
  refuses('loop a 4/4\n\nloop a 3/4', "loops.grid, line 3, column 1: a loop named 'a' is already on line 1; give each loop its own name");
  refuses('loop "a 4/4', 'loops.grid, line 1, column 6: the quote " is never closed');
});
