// A straightforward full-matrix DTW, written from the textbook recurrences, as the reference the
// engine's lattice is checked against (and the "plain DTW" peer of bench/gestures.ts).
export type Pattern = 'classic' | 'symmetric' | 'slope';

function distance(a: readonly number[], b: readonly number[]): number {
  return Math.sqrt(a.reduce((sum, x, i) => sum + (x - b[i]) ** 2, 0));
}

/**
 * The cost of the cheapest warping path from (0, 0) to (n-1, m-1) of template `a` (rows) and
 * `b` (columns); with `radius`, only cells within that many rows of the diagonal count.
 */
export function fullDtw(a: readonly number[][], b: readonly number[][], pattern: Pattern = 'classic', radius = Infinity): number {
  const n = a.length;
  const m = b.length;
  const D: number[][] = Array.from({ length: n }, () => new Array<number>(m).fill(Infinity));
  const d = (i: number, j: number) => distance(a[i], b[j]);
  const at = (i: number, j: number) => (i < 0 || j < 0 ? Infinity : D[i][j]);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < n; i++) {
      const centre = m > 1 ? (j * (n - 1)) / (m - 1) : 0;
      if (Math.abs(i - centre) > radius) continue;
      if (i === 0 && j === 0) {
        D[i][j] = (pattern === 'classic' ? 1 : 2) * d(0, 0);
      } else if (pattern === 'classic') {
        D[i][j] = d(i, j) + Math.min(at(i - 1, j), at(i, j - 1), at(i - 1, j - 1));
      } else if (pattern === 'symmetric') {
        D[i][j] = Math.min(at(i - 1, j) + d(i, j), at(i, j - 1) + d(i, j), at(i - 1, j - 1) + 2 * d(i, j));
      } else {
        D[i][j] = Math.min(
          at(i - 1, j - 1) + 2 * d(i, j),
          j >= 1 && i >= 1 ? at(i - 1, j - 2) + 2 * d(i, j - 1) + d(i, j) : Infinity,
          i >= 2 ? at(i - 2, j - 1) + 2 * d(i - 1, j) + d(i, j) : Infinity,
        );
      }
    }
  }
  return D[n - 1][m - 1];
}
