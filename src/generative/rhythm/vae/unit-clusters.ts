import { SeededRandom } from './seeded-random.ts';

const MAX_ROUNDS = 100;

/**
 * Groups units that respond alike over the latent space: k-means (k-means++ start, seeded) on each
 * unit's activation profile, standardised so a unit's shape counts and not its loudness. Clusters
 * are numbered in the order of their first unit, so the numbering is stable. Returns each unit's
 * cluster.
 */
export function clusterUnits(profiles: Float64Array, units: number, clusters: number, seed: number): Int32Array {
  const length = profiles.length / units;
  const rows = Array.from({ length: units }, (_, unit) => standardised(profiles.subarray(unit * length, (unit + 1) * length)));
  const random = new SeededRandom(seed);
  const centres = firstCentres(rows, clusters, random);
  const assignment = new Int32Array(units).fill(-1);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let moved = false;
    rows.forEach((row, unit) => {
      const nearest = nearestCentre(row, centres);
      if (nearest !== assignment[unit]) moved = true;
      assignment[unit] = nearest;
    });
    if (!moved) break;
    centres.forEach((centre, c) => {
      const members = rows.filter((_, unit) => assignment[unit] === c);
      if (members.length === 0) return; // an empty cluster keeps its centre
      centre.fill(0);
      for (const member of members) member.forEach((value, i) => (centre[i] += value / members.length));
    });
  }
  return renumbered(assignment);
}

function standardised(profile: Float64Array): Float64Array {
  const mean = profile.reduce((sum, value) => sum + value, 0) / profile.length;
  const spread = Math.sqrt(profile.reduce((sum, value) => sum + (value - mean) ** 2, 0) / profile.length);
  return profile.map((value) => (spread > 0 ? (value - mean) / spread : 0));
}

function distance(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] - b[i]) ** 2;
  return sum;
}

function nearestCentre(row: Float64Array, centres: readonly Float64Array[]): number {
  let best = 0;
  for (let c = 1; c < centres.length; c++) if (distance(row, centres[c]) < distance(row, centres[best])) best = c;
  return best;
}

/** k-means++: each next centre is a unit drawn with chance in proportion to its squared distance. */
function firstCentres(rows: readonly Float64Array[], clusters: number, random: SeededRandom): Float64Array[] {
  const centres = [Float64Array.from(rows[random.nextInt(rows.length)])];
  while (centres.length < clusters) {
    const weights = rows.map((row) => distance(row, centres[nearestCentre(row, centres)]));
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let pick = random.nextDouble() * total;
    let chosen = total > 0 ? rows.length - 1 : centres.length % rows.length;
    if (total > 0) {
      for (let unit = 0; unit < rows.length; unit++) {
        pick -= weights[unit];
        if (pick < 0) {
          chosen = unit;
          break;
        }
      }
    }
    centres.push(Float64Array.from(rows[chosen]));
  }
  return centres;
}

function renumbered(assignment: Int32Array): Int32Array {
  const order = new Map<number, number>();
  for (const cluster of assignment) if (!order.has(cluster)) order.set(cluster, order.size);
  return assignment.map((cluster) => order.get(cluster) ?? 0);
}
