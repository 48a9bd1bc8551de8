import type { Loop } from './pattern.ts';
import { BREAKS_ELECTRONIC } from './starter/breaks-electronic.ts';
import { FUNK_HIP_HOP } from './starter/funk-hip-hop.ts';
import { LATIN_AFRO } from './starter/latin-afro.ts';
import { METERS_JAZZ } from './starter/meters-jazz.ts';
import { ROCK_POP } from './starter/rock-pop.ts';
import { parseTextGrid } from './text-grid.ts';

/**
 * The loops Oscine ships, written by hand in the text grid (see text-grid.ts) so that a newcomer
 * can train a model before bringing their own: rock, funk, hip-hop, breakbeats, dance music,
 * bossa nova, samba, Cuban and West African grooves, shuffles and blues in 12/8, bembé in 6/8,
 * waltzes in 3/4, grooves in 5/4 and 7/8, jazz.
 *
 * They are on the default grid of 12 ticks per quarter note, the smallest that holds every
 * subdivision they use without rounding: sixteenths (3 ticks), eighth-note triplets (4),
 * sixteenth triplets (2), the eighths of 6/8 and 12/8 (6, three to the dotted-quarter beat of 18),
 * and thirty-second triplets (1) for trap rolls. Swing and laid-back hits are micro-timing
 * (offsets within a tick) or, for full triplet swing, triplet positions on the grid.
 */
export function starterLoops(): Loop[] {
  const files = { 'rock-pop': ROCK_POP, 'funk-hip-hop': FUNK_HIP_HOP, 'breaks-electronic': BREAKS_ELECTRONIC, 'latin-afro': LATIN_AFRO, 'meters-jazz': METERS_JAZZ };
  return Object.entries(files).flatMap(([name, text]) => parseTextGrid(text, `starter/${name}.ts`));
}
