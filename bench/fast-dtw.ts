// FastDTW (Salvador & Chan, "FastDTW: Toward accurate dynamic time warping in linear time and
// space", 2007), written from the paper for the Wekinator reference matcher: halve both series
// (means of neighbouring pairs) until they are at most radius + 2 long, align that by full DTW,
// project the path to the next resolution, widen it by `radius` cells each way, and run DTW
// only inside that window; repeat up to full resolution. Steps weigh 1 (Wekinator's pattern),
// frames are compared by Euclidean distance.
type Frames = readonly (readonly number[])[];
type Path = [number, number][];

export function fastDtw(x: Frames, y: Frames, radius: number): number {
  return align(x, y, radius).cost;
}

function align(x: Frames, y: Frames, radius: number): { cost: number; path: Path } {
  if (x.length <= radius + 2 || y.length <= radius + 2) return windowedDtw(x, y, undefined);
  const coarse = align(halve(x), halve(y), radius);
  return windowedDtw(x, y, expandWindow(coarse.path, x.length, y.length, radius));
}

function halve(series: Frames): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < series.length; i += 2) {
    const next = series[i + 1];
    out.push(next ? series[i].map((v, a) => (v + next[a]) / 2) : [...series[i]]);
  }
  return out;
}

/** Per row of x, the columns of y the search may visit: the path's cells doubled, widened by radius. */
function expandWindow(path: Path, n: number, m: number, radius: number): [number, number][] {
  const window: [number, number][] = Array.from({ length: n }, () => [m, -1]);
  for (const [i, j] of path) {
    for (let r = Math.max(0, 2 * i - radius); r <= Math.min(n - 1, 2 * i + 1 + radius); r++) {
      window[r][0] = Math.min(window[r][0], Math.max(0, 2 * j - radius));
      window[r][1] = Math.max(window[r][1], Math.min(m - 1, 2 * j + 1 + radius));
    }
  }
  return window;
}

function windowedDtw(x: Frames, y: Frames, window: [number, number][] | undefined): { cost: number; path: Path } {
  const n = x.length;
  const m = y.length;
  const cost = Array.from({ length: n }, () => new Float64Array(m).fill(Infinity));
  const at = (i: number, j: number) => (i < 0 || j < 0 ? Infinity : cost[i][j]);
  for (let i = 0; i < n; i++) {
    const [from, to] = window ? window[i] : [0, m - 1];
    for (let j = from; j <= to; j++) {
      let sum = 0;
      for (let a = 0; a < x[i].length; a++) sum += (x[i][a] - y[j][a]) ** 2;
      const d = Math.sqrt(sum);
      cost[i][j] = i === 0 && j === 0 ? d : d + Math.min(at(i - 1, j), at(i, j - 1), at(i - 1, j - 1));
    }
  }
  const path: Path = [[n - 1, m - 1]];
  let [i, j] = [n - 1, m - 1];
  while (i > 0 || j > 0) {
    const diagonal = at(i - 1, j - 1);
    const up = at(i - 1, j);
    const left = at(i, j - 1);
    if (diagonal <= up && diagonal <= left) [i, j] = [i - 1, j - 1];
    else if (up <= left) i--;
    else j--;
    path.push([i, j]);
  }
  return { cost: cost[n - 1][m - 1], path: path.reverse() };
}
