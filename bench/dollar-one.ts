// The $1 unistroke recogniser (Wobbrock, Wilson & Li, UIST 2007), written from the paper's
// pseudocode, as a peer for bench/gestures.ts: resample to 64 points along the path, rotate so the
// centroid-to-first-point angle is 0, scale to a 250 × 250 square, move the centroid to the
// origin; recognise by the smallest mean point distance at the best angle in ±45° found by
// golden-section search down to 2°.
type Point = readonly [number, number];

const POINTS = 64;
const SQUARE = 250;
const RANGE = Math.PI / 4;
const PRECISION = (2 * Math.PI) / 180;
const PHI = 0.5 * (Math.sqrt(5) - 1);

export function dollarOne(templates: readonly { label: string; points: Point[] }[]): (points: Point[]) => string {
  const prepared = templates.map((t) => ({ label: t.label, points: normalise(t.points) }));
  return (points) => {
    const candidate = normalise(points);
    let best = Infinity;
    let label = prepared[0].label;
    for (const template of prepared) {
      const d = distanceAtBestAngle(candidate, template.points);
      if (d < best) [best, label] = [d, template.label];
    }
    return label;
  };
}

function normalise(points: Point[]): Point[] {
  const resampled = resamplePath(points, POINTS);
  const [cx, cy] = centroid(resampled);
  const angle = Math.atan2(cy - resampled[0][1], cx - resampled[0][0]);
  const rotated = rotate(resampled, -angle);
  const xs = rotated.map((p) => p[0]);
  const ys = rotated.map((p) => p[1]);
  const width = Math.max(...xs) - Math.min(...xs) || 1;
  const height = Math.max(...ys) - Math.min(...ys) || 1;
  const scaled = rotated.map(([x, y]): Point => [(x * SQUARE) / width, (y * SQUARE) / height]);
  const [sx, sy] = centroid(scaled);
  return scaled.map(([x, y]): Point => [x - sx, y - sy]);
}

function resamplePath(points: Point[], n: number): Point[] {
  const interval = pathLength(points) / (n - 1);
  const pts = points.map((p): Point => [p[0], p[1]]);
  const out: Point[] = [pts[0]];
  let travelled = 0;
  for (let i = 1; i < pts.length; i++) {
    const d = Math.hypot(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]);
    if (travelled + d >= interval && d > 0) {
      const t = (interval - travelled) / d;
      const q: Point = [pts[i - 1][0] + t * (pts[i][0] - pts[i - 1][0]), pts[i - 1][1] + t * (pts[i][1] - pts[i - 1][1])];
      out.push(q);
      pts.splice(i, 0, q);
      travelled = 0;
    } else {
      travelled += d;
    }
  }
  while (out.length < n) out.push(pts[pts.length - 1]);
  return out.slice(0, n);
}

function pathLength(points: Point[]): number {
  let length = 0;
  for (let i = 1; i < points.length; i++) length += Math.hypot(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1]);
  return length;
}

function centroid(points: Point[]): Point {
  return [points.reduce((s, p) => s + p[0], 0) / points.length, points.reduce((s, p) => s + p[1], 0) / points.length];
}

function rotate(points: Point[], angle: number): Point[] {
  const [cx, cy] = centroid(points);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return points.map(([x, y]): Point => [(x - cx) * cos - (y - cy) * sin + cx, (x - cx) * sin + (y - cy) * cos + cy]);
}

function pathDistance(a: Point[], b: Point[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.hypot(a[i][0] - b[i][0], a[i][1] - b[i][1]);
  return sum / a.length;
}

function distanceAtBestAngle(points: Point[], template: Point[]): number {
  let low = -RANGE;
  let high = RANGE;
  let x1 = PHI * low + (1 - PHI) * high;
  let f1 = pathDistance(rotate(points, x1), template);
  let x2 = (1 - PHI) * low + PHI * high;
  let f2 = pathDistance(rotate(points, x2), template);
  while (Math.abs(high - low) > PRECISION) {
    if (f1 < f2) {
      high = x2;
      x2 = x1;
      f2 = f1;
      x1 = PHI * low + (1 - PHI) * high;
      f1 = pathDistance(rotate(points, x1), template);
    } else {
      low = x1;
      x1 = x2;
      f1 = f2;
      x2 = (1 - PHI) * low + PHI * high;
      f2 = pathDistance(rotate(points, x2), template);
    }
  }
  return Math.min(f1, f2);
}
