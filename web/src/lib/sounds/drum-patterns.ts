import { DRUMS, emptyPattern, type Pattern } from '../../../../src/generative/rhythm/pattern.ts';

type DrumName = (typeof DRUMS)[number]['name'];

/** One bar of 4/4 in sixteenths: X a loud hit, x a soft one, . a rest. */
type Rows = Partial<Record<DrumName, string>>;

const SIXTEENTHS = 16;

/** The drum machine's built-in patterns; a classifier's class k plays the k-th. */
export const BUILT_IN_PATTERNS: readonly { name: string; pattern: Pattern }[] = [
  {
    name: 'four on the floor',
    pattern: fromRows({
      kick: 'X...X...X...X...',
      snare: '....X.......X...',
      'closed-hat': 'x...x...x...x...',
      'open-hat': '..x...x...x...x.',
    }),
  },
  {
    name: 'rock backbeat',
    pattern: fromRows({
      kick: 'X.......X.X.....',
      snare: '....X.......X...',
      'closed-hat': 'X.x.X.x.X.x.X.x.',
    }),
  },
  {
    name: 'half time',
    pattern: fromRows({
      kick: 'X.....x...X.....',
      snare: '........X.......',
      'closed-hat': 'x.x.x.x.x.x.x.x.',
      ride: 'X...............',
    }),
  },
  {
    name: 'breakbeat',
    pattern: fromRows({
      kick: 'X.x.......X..x..',
      snare: '....X..x.x..X..x',
      'closed-hat': 'xxxxxxxxxxxxxxxx',
    }),
  },
  {
    name: 'toms and crash',
    pattern: fromRows({
      kick: 'X.....X.....X...',
      'high-tom': '..X.....X.......',
      'mid-tom': '...X.....X...X..',
      'low-tom': '....X.....X...X.',
      crash: 'X...............',
    }),
  },
];

/** Writes text rows into a one-bar 4/4 pattern of the shared rhythm format. */
export function fromRows(rows: Rows): Pattern {
  const pattern = emptyPattern({ beats: 4, beatUnit: 4 });
  const ticksPerStep = pattern.ticks / SIXTEENTHS;
  DRUMS.forEach((drum, instrument) => {
    const row = rows[drum.name] ?? '';
    for (let step = 0; step < Math.min(row.length, SIXTEENTHS); step++) {
      if (row[step] === '.') continue;
      const cell = instrument * pattern.ticks + step * ticksPerStep;
      pattern.onset[cell] = 1;
      pattern.velocity[cell] = row[step] === 'X' ? 1 : 0.6;
    }
  });
  return pattern;
}
