import { JavaRandom } from '../src/core/util/java-random.ts';

/** A synthetic performance: gestures as smooth 2-D curves, their templates, and a stream that plays them. */
export interface GestureStream {
  /** Per gesture, its templates, each a list of frames. */
  readonly templates: number[][][][];
  readonly stream: number[][];
  /** Per performance in the stream: the gesture and the frame where it ends. */
  readonly performed: { gesture: number; end: number }[];
}

/**
 * `gestures` random curves (each input a sum of three sines), each recorded `perGesture` times at a
 * random tempo (lengths around `frames`) with a little noise; then a stream where performances of
 * random gestures alternate with a still hand.
 */
export function gestureStream(gestures: number, perGesture: number, frames: number, inputs: number, performances: number, seed = 1): GestureStream {
  const random = new JavaRandom(seed);
  const shapes = Array.from({ length: gestures }, () =>
    Array.from({ length: inputs }, () => Array.from({ length: 3 }, (_, h) => ({ harmonic: h + 1, amplitude: random.nextDouble() / (h + 1), phase: random.nextDouble() * 2 * Math.PI }))),
  );
  const perform = (g: number): number[][] => {
    const length = Math.round(frames * (0.85 + 0.3 * random.nextDouble()));
    const bend = 0.15 * (random.nextDouble() - 0.5);
    return Array.from({ length }, (_, i) => {
      const u = i / (length - 1);
      const t = u + bend * Math.sin(Math.PI * u); // a smooth change of tempo inside the gesture
      return shapes[g].map((parts) => parts.reduce((s, p) => s + p.amplitude * Math.sin(2 * Math.PI * p.harmonic * t + p.phase), 0) + 0.02 * (random.nextDouble() - 0.5));
    });
  };
  const templates = shapes.map((_, g) => Array.from({ length: perGesture }, () => perform(g)));
  const stream: number[][] = [];
  const performed: { gesture: number; end: number }[] = [];
  const rest = () => Array.from({ length: inputs }, () => 0.02 * (random.nextDouble() - 0.5));
  for (let p = 0; p < performances; p++) {
    for (let i = 0; i < 30; i++) stream.push(rest());
    const gesture = random.nextInt(gestures);
    stream.push(...perform(gesture));
    performed.push({ gesture, end: stream.length - 1 });
  }
  for (let i = 0; i < 30; i++) stream.push(rest());
  return { templates, stream, performed };
}
