import { density, instrumentActivity, swing, syncopation } from '../features.ts';
import { DRUMS } from '../pattern.ts';
import type { Attribute } from './directions.ts';

/** The attributes a model finds directions for: density, syncopation, swing, and how busy each drum is. */
export function rhythmAttributes(): Attribute[] {
  return [
    { name: 'density', measure: density },
    { name: 'syncopation', measure: syncopation },
    { name: 'swing', measure: swing },
    ...DRUMS.map((drum, index): Attribute => ({ name: drum.name, measure: (pattern) => instrumentActivity(pattern, index) })),
  ];
}
