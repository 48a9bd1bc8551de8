import { PCA } from 'ml-pca';
import { UMAP } from 'umap-js';

export type MapMethod = 'pca' | 'umap';

/** At most this many examples are mapped (chosen evenly); UMAP on more would keep the page busy for long. */
const MOST = 2000;

/** Every k-th example, so a long recording is mapped as a whole, quickly. */
export function sample<T>(items: readonly T[]): T[] {
  if (items.length <= MOST) return [...items];
  const step = items.length / MOST;
  return Array.from({ length: MOST }, (_, i) => items[Math.floor(i * step)]);
}

/**
 * Places examples on a plane so that those with similar inputs sit close: PCA (the two
 * directions in which the inputs vary most, instant) or UMAP (keeps neighbours together, slower).
 */
export async function mapExamples(inputs: readonly number[][], method: MapMethod): Promise<[number, number][]> {
  const width = inputs[0]?.length ?? 0;
  if (inputs.length < 3 || width === 0) return inputs.map((row) => [row[0] ?? 0, 0]);
  if (width === 1) return inputs.map((row) => [row[0], 0]);
  if (method === 'umap') {
    const umap = new UMAP({ nComponents: 2, nNeighbors: Math.min(15, inputs.length - 1), minDist: 0.1 });
    return (await umap.fitAsync(inputs.map((row) => [...row]))) as [number, number][];
  }
  const pca = new PCA(inputs.map((row) => [...row]));
  return pca.predict(inputs.map((row) => [...row]), { nComponents: 2 }).to2DArray() as [number, number][];
}
