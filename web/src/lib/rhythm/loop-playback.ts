import { Clock, Draw, getContext, now } from 'tone';
import type { Pattern } from '../../../../src/generative/rhythm/pattern.ts';
import { createDrumKit } from '../sounds/drum-kit.ts';
import { fadeOutAndDispose, glide, openToneOutput, volumeToGain } from '../sounds/tone-voice.ts';

/** Told of every hit as it is scheduled: the drum's row, when (audio context seconds) and how hard (0..1). */
export type HitListener = (instrument: number, time: number, velocity: number) => void;

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
  const clock = new Clock((time, count) => {
    const tick = (count ?? 0) % loop.ticks;
    for (let instrument = 0, cell = tick; cell < loop.onset.length; instrument++, cell += loop.ticks) {
      if (!loop.onset[cell]) continue;
      // A hit pushed early lands before this tick's time, never before the audio clock's now.
      const at = Math.max(getContext().currentTime, time + loop.offset[cell] * tickSeconds);
      kit.hit(instrument, at, loop.velocity[cell]);
      onHit(instrument, at, loop.velocity[cell]);
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
