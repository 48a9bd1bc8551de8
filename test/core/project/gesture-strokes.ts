/** Synthetic 2-D pen strokes for gesture tests: a circle, a caret and an S, each at any speed. */
type Stroke = (t: number) => readonly [number, number];

const STROKES: readonly Stroke[] = [
  (t) => [Math.cos(2 * Math.PI * t), Math.sin(2 * Math.PI * t)],
  (t) => [2 * t - 1, t < 0.5 ? 2 * t : 2 - 2 * t],
  (t) => [Math.sin(4 * Math.PI * t), 2 * t - 1],
];

/** Stroke `gesture` (0: circle, 1: caret, 2: S) in `frames` frames, with a little wobble of size `wobble`. */
export function stroke(gesture: number, frames: number, wobble = 0): number[][] {
  return Array.from({ length: frames }, (_, i) => {
    const [x, y] = STROKES[gesture](i / (frames - 1));
    return [x + wobble * Math.sin(i), y + wobble * Math.cos(i * 1.3)];
  });
}

/** The pen resting away from every stroke. */
export const rest = (frames: number): number[][] => Array.from({ length: frames }, () => [2.5, 2.5]);

/** The takes recorded as templates: each stroke three times, at three speeds, a little shakier each time. */
export function takes(): { gesture: number; frames: number[][] }[] {
  return [0, 1, 2].flatMap((gesture) => [36, 40, 46].map((length, take) => ({ gesture, frames: stroke(gesture, length, 0.02 * take) })));
}

/** A performance: rest, then each stroke at its own speed with rest between; and where each stroke is. */
export function performance(): { frames: number[][]; spans: [number, number][] } {
  const frames: number[][] = [...rest(30)];
  const spans: [number, number][] = [];
  for (const [gesture, length] of [[0, 42], [1, 38], [2, 44]]) {
    spans.push([frames.length, frames.length + length - 1]);
    frames.push(...stroke(gesture, length, 0.01), ...rest(30));
  }
  return { frames, spans };
}
