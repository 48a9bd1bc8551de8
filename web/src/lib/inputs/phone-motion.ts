import type { InputSource } from './input-source.ts';
import { startFrameClock } from './frame-clock.ts';

export interface PhoneMotionOptions {
  framesPerSecond?: number;
  /** How long to wait for the sensors' first reading before saying there are none. Default 1500 ms. */
  waitMs?: number;
}

/** iOS 13+ asks the player before a page may read motion; other browsers have no such method. */
interface AskingEvent {
  requestPermission?: () => Promise<'granted' | 'denied'>;
}

/**
 * A phone's motion and orientation: acceleration including gravity (x, y, z in m/s², ±9.8 when
 * still), rotation rate (alpha, beta, gamma in degrees per second) and orientation (alpha 0..360
 * compass, beta −180..180 front-back tilt, gamma −90..90 left-right tilt, in degrees).
 * Call start() from a tap: iOS only asks for permission during one.
 */
export function createPhoneMotion(options: PhoneMotionOptions = {}): InputSource {
  const { framesPerSecond = 60, waitMs = 1500 } = options;
  const frame = new Float64Array(9);
  let stopClock: (() => void) | undefined;
  let active = false;
  let heard: ((sensing: boolean) => void) | undefined;

  // Desktop Chrome sends one empty reading to say it has no sensors: it must not zero the frame.
  function onMotion(event: DeviceMotionEvent): void {
    const gravity = event.accelerationIncludingGravity;
    const rotation = event.rotationRate;
    const sensing = gravity?.x != null || rotation?.alpha != null;
    if (sensing) {
      frame[0] = gravity?.x ?? 0;
      frame[1] = gravity?.y ?? 0;
      frame[2] = gravity?.z ?? 0;
      frame[3] = rotation?.alpha ?? 0;
      frame[4] = rotation?.beta ?? 0;
      frame[5] = rotation?.gamma ?? 0;
    }
    heard?.(sensing);
  }
  function onOrientation(event: DeviceOrientationEvent): void {
    const sensing = event.alpha != null || event.beta != null;
    if (sensing) {
      frame[6] = event.alpha ?? 0;
      frame[7] = event.beta ?? 0;
      frame[8] = event.gamma ?? 0;
    }
    heard?.(sensing);
  }
  function stopListening(): void {
    window.removeEventListener('devicemotion', onMotion);
    window.removeEventListener('deviceorientation', onOrientation);
  }

  return {
    id: 'phone-motion',
    label: 'Phone motion and orientation',
    names: [
      'phone-acceleration-x', 'phone-acceleration-y', 'phone-acceleration-z',
      'phone-rotation-alpha', 'phone-rotation-beta', 'phone-rotation-gamma',
      'phone-orientation-alpha', 'phone-orientation-beta', 'phone-orientation-gamma',
    ],
    async start(onFrame) {
      if (active) return;
      if (!globalThis.isSecureContext) {
        throw new Error('Phone sensors only work on a secure page: open the studio on the phone through its https address.');
      }
      if (typeof DeviceMotionEvent === 'undefined') {
        throw new Error('This browser has no motion sensors; open the studio on a phone or tablet.');
      }
      // Both asked at once: iOS accepts a request only while the tap that started it is still current.
      await Promise.all([askPermission(DeviceMotionEvent as unknown as AskingEvent), askPermission(DeviceOrientationEvent as unknown as AskingEvent)]);
      active = true;
      const noSensor = new Error('No motion sensor answered. Open the studio on a phone or tablet (a computer has no motion sensors).');
      let timer: ReturnType<typeof setTimeout> | undefined;
      const firstReading = new Promise<void>((resolve, reject) => {
        heard = (sensing) => (sensing ? resolve() : reject(noSensor));
        timer = setTimeout(() => reject(noSensor), waitMs);
      });
      window.addEventListener('devicemotion', onMotion);
      window.addEventListener('deviceorientation', onOrientation);
      try {
        await firstReading;
      } catch (error) {
        stopListening();
        active = false;
        throw error;
      } finally {
        clearTimeout(timer);
        heard = undefined;
      }
      // stop() may have come while waiting for the sensors.
      if (!active) return;
      stopClock = startFrameClock(framesPerSecond, () => onFrame(frame));
    },
    stop() {
      active = false;
      stopListening();
      stopClock?.();
      stopClock = undefined;
    },
  };
}

async function askPermission(event: AskingEvent): Promise<void> {
  if (typeof event.requestPermission !== 'function') return;
  let answer: string;
  try {
    answer = await event.requestPermission();
  } catch {
    throw new Error('The phone only lets a page read its motion after a tap: start the phone input with a tap on its button.');
  }
  if (answer !== 'granted') {
    throw new Error('Motion access was refused. Allow "Motion & Orientation Access" for this site in the phone\'s settings, then start again.');
  }
}
