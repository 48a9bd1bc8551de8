import type { Pattern } from '../pattern.ts';

/**
 * How well decoded loops hit the onsets of the originals: F1 over every cell of every loop
 * (hits the model found, missed, and added). 1 when two silent sets of loops are compared.
 */
export function onsetF1(originals: readonly Pattern[], decoded: readonly Pattern[]): number {
  let found = 0;
  let missed = 0;
  let added = 0;
  originals.forEach((original, loop) => {
    const copy = decoded[loop];
    for (let cell = 0; cell < original.onset.length; cell++) {
      if (original.onset[cell] && copy.onset[cell]) found++;
      else if (original.onset[cell]) missed++;
      else if (copy.onset[cell]) added++;
    }
  });
  return found + missed + added === 0 ? 1 : (2 * found) / (2 * found + missed + added);
}
