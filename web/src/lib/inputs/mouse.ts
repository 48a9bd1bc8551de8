import type { InputSource } from './input-source.ts';
import { startFrameClock } from './frame-clock.ts';

export interface MouseOptions {
  /** The area the position is measured over; the whole page by default. */
  element?: Element;
  /** Default 100. */
  framesPerSecond?: number;
}

/**
 * Mouse, pen or touch position over an element: x from 0 (left) to 1 (right), y from 0 (bottom) to
 * 1 (top), so that "up" means "more". Positions outside the element are clamped to its edges.
 * Give the element `touch-action: none` so that a finger moving on it does not scroll the page.
 */
export function createMouseInput(options: MouseOptions = {}): InputSource {
  const framesPerSecond = options.framesPerSecond ?? 100;
  const frame = new Float64Array([0.5, 0.5]);
  let stopClock: (() => void) | undefined;
  let target: Element | undefined;

  function follow(event: Event): void {
    const { clientX, clientY } = event as PointerEvent;
    const box = (target ?? document.documentElement).getBoundingClientRect();
    frame[0] = clamp01((clientX - box.left) / (box.width || 1));
    frame[1] = clamp01(1 - (clientY - box.top) / (box.height || 1));
  }

  return {
    id: 'mouse',
    label: 'Mouse or touch position',
    names: ['mouse-x', 'mouse-y'],
    start(onFrame) {
      if (stopClock) return Promise.resolve();
      target = options.element ?? document.documentElement;
      // pointermove covers mouse, pen and touch; on the window it keeps following outside the element.
      window.addEventListener('pointermove', follow);
      window.addEventListener('pointerdown', follow);
      stopClock = startFrameClock(framesPerSecond, () => onFrame(frame));
      return Promise.resolve();
    },
    stop() {
      window.removeEventListener('pointermove', follow);
      window.removeEventListener('pointerdown', follow);
      stopClock?.();
      stopClock = undefined;
    },
  };
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
