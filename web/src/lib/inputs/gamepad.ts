import type { InputSource } from './input-source.ts';
import { startFrameClock } from './frame-clock.ts';

export interface GamepadOptions {
  /** Default 4 and 17: the browser's "standard" layout (two sticks; face, shoulder, stick, d-pad and home buttons). */
  axes?: number;
  buttons?: number;
  framesPerSecond?: number;
}

/**
 * The first connected gamepad: each stick axis from −1 to 1 (0 at rest; up is −1 on most pads),
 * then each button from 0 to 1 (triggers are gradual). Unplugging the pad sends zeros.
 */
export function createGamepadInput(options: GamepadOptions = {}): InputSource {
  const { axes = 4, buttons = 17, framesPerSecond = 60 } = options;
  const names = [
    ...Array.from({ length: axes }, (_, i) => `gamepad-axis-${i + 1}`),
    ...Array.from({ length: buttons }, (_, i) => `gamepad-button-${i + 1}`),
  ];
  const frame = new Float64Array(names.length);
  let stopClock: (() => void) | undefined;

  function read(): void {
    frame.fill(0);
    const pad = firstGamepad();
    if (!pad) return;
    for (let i = 0; i < Math.min(axes, pad.axes.length); i++) frame[i] = pad.axes[i];
    for (let i = 0; i < Math.min(buttons, pad.buttons.length); i++) frame[axes + i] = pad.buttons[i].value;
  }

  return {
    id: 'gamepad',
    label: 'Gamepad axes and buttons',
    names,
    start(onFrame) {
      if (stopClock) return Promise.resolve();
      if (typeof navigator.getGamepads !== 'function') {
        return Promise.reject(new Error('This browser cannot read gamepads; try a current Chrome, Edge, Firefox or Safari.'));
      }
      if (!firstGamepad()) {
        return Promise.reject(
          new Error('No gamepad found. Connect one and press any of its buttons (browsers only show a gamepad after a press), then start again.'),
        );
      }
      stopClock = startFrameClock(framesPerSecond, () => {
        read();
        onFrame(frame);
      });
      return Promise.resolve();
    },
    stop() {
      stopClock?.();
      stopClock = undefined;
    },
  };
}

function firstGamepad(): Gamepad | undefined {
  return navigator.getGamepads().find((pad): pad is Gamepad => pad !== null && pad.connected);
}
