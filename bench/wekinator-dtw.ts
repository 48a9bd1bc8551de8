// Wekinator's continuous DTW matcher, rebuilt as the reference for bench/gesture-speed.ts: at every
// frame, every window of the latest frames from the shortest template's length to the longest's is
// down-sampled to 10 frames and compared with every template (also down-sampled to 10) by FastDTW
// with radius 5; a gesture's distance is its nearest template's.
import { fastDtw } from './fast-dtw.ts';

const POINTS = 10;
const RADIUS = 5;

function pick(frames: readonly (readonly number[])[]): number[][] {
  return Array.from({ length: Math.min(POINTS, frames.length) }, (_, i) => [...frames[Math.floor((i * frames.length) / Math.min(POINTS, frames.length))]]);
}

export class WekinatorMatcher {
  private readonly templates: { gesture: number; frames: number[][] }[];
  private readonly shortest: number;
  private readonly longest: number;
  private readonly recent: number[][] = [];
  readonly distances: Float64Array;

  constructor(gestures: readonly (readonly number[][][])[]) {
    this.templates = gestures.flatMap((templates, gesture) => templates.map((t) => ({ gesture, frames: pick(t) })));
    const lengths = gestures.flat().map((t) => t.length);
    this.shortest = Math.min(...lengths);
    this.longest = Math.max(...lengths);
    this.distances = new Float64Array(gestures.length);
  }

  push(frame: readonly number[]): Float64Array {
    this.recent.push([...frame]);
    if (this.recent.length > this.longest) this.recent.shift();
    this.distances.fill(Infinity);
    for (let length = this.shortest; length <= Math.min(this.longest, this.recent.length); length++) {
      const window = pick(this.recent.slice(this.recent.length - length));
      for (const template of this.templates) {
        const d = fastDtw(window, template.frames, RADIUS);
        if (d < this.distances[template.gesture]) this.distances[template.gesture] = d;
      }
    }
    return this.distances;
  }
}
