import { Clock, Draw, getContext, now } from 'tone';
import type { Pattern } from '../../../../src/generative/rhythm/pattern.ts';
import { createDrumKit } from '../sounds/drum-kit.ts';
import { fadeOutAndDispose, glide, openToneOutput, volumeToGain } from '../sounds/tone-voice.ts';

/** Told of every hit as it is scheduled: the drum's row, when (audio context seconds) and how hard (0..1). */
export type HitListener = (instrument: number, time: number, velocity: number) => void;

/** The least time between two hits: far below hearing, enough for Tone to keep them in order. */
const APART_SECONDS = 0.0002;
/** A hit that would be later than due is played this long after now (only when the page stalls). */
const LATE_SECONDS = 0.01;

export interface LoopPlaying {
  setTempo(bpm: number): void;
  setVolume(volume: number): void;
  stop(): void;
}

/**
 * Plays a loop that keeps changing under it: `loop` is read afresh on every tick (the rhythm
 * player rewrites it in place), so each move on the pad is heard from the next tick on, with
 * the loop's place in the bar kept. Hits keep their micro-timing. `onTick` hears which tick
 * sounds, on the screen's clock, for a playhead.
 */
export async function playLoop(loop: Pattern, tempo: number, volume: number, onHit: HitListener, onTick: (tick: number) => void): Promise<LoopPlaying> {
  const output = await openToneOutput(volumeToGain(volume));
  const kit = createDrumKit(output);
  const ticksPerSecond = (bpm: number) => (bpm / 60) * loop.ticksPerQuarter;
  let tickSeconds = 1 / ticksPerSecond(tempo);
  const order = new Int8Array(loop.onset.length / loop.ticks);
  let lastHit = 0;
  const clock = new Clock((time, count) => {
    const tick = (count ?? 0) % loop.ticks;
    const struck = hitsInTimeOrder(loop, tick, order);
    for (let k = 0; k < struck; k++) {
      const cell = order[k] * loop.ticks + tick;
      // A hit pushed early lands before this tick's time, but never so near the audio clock's now
      // that Tone moves it (the clock can advance while this runs); drums sharing a voice in the
      // kit need strictly later times, so hits never coincide.
      const at = Math.max(getContext().currentTime + LATE_SECONDS, time + loop.offset[cell] * tickSeconds, lastHit + APART_SECONDS);
      lastHit = at;
      kit.hit(order[k], at, loop.velocity[cell]);
      onHit(order[k], at, loop.velocity[cell]);
    }
    Draw.schedule(() => onTick(tick), time);
  }, ticksPerSecond(tempo));
  clock.start(now());
  return {
    setTempo(bpm) {
      tickSeconds = 1 / ticksPerSecond(bpm);
      clock.frequency.setValueAtTime(ticksPerSecond(bpm), getContext().currentTime);
    },
    setVolume(level) {
      glide(output.gain, volumeToGain(level));
    },
    stop() {
      clock.stop();
      fadeOutAndDispose(output, [clock, ...kit.nodes]);
    },
  };
}

/**
 * The drums struck on `tick`, into `order`, earliest micro-timing first; returns how many. Drums
 * that share a voice in the kit (the hats, the toms, the cymbals) must be struck in time order,
 * and offsets stay within half a tick, so sorting within a tick is enough.
 */
function hitsInTimeOrder(loop: Pattern, tick: number, order: Int8Array): number {
  let count = 0;
  for (let instrument = 0; instrument < order.length; instrument++) {
    const cell = instrument * loop.ticks + tick;
    if (!loop.onset[cell]) continue;
    let place = count++;
    while (place > 0 && loop.offset[order[place - 1] * loop.ticks + tick] > loop.offset[cell]) {
      order[place] = order[place - 1];
      place--;
    }
    order[place] = instrument;
  }
  return count;
}
