import type { Output } from '../../../../src/core/project/project.ts';
import { soundKinds } from '../sounds/index.ts';
import type { Sound, SoundParameter } from '../sounds/sound.ts';
import { type Routes, parameterValues } from './routing.ts';

/** The parameters of a built-in sound (made without starting it). */
export function soundParameters(id: string | null): readonly SoundParameter[] {
  return soundKinds.find((k) => k.id === id)?.create().parameters ?? [];
}

/** The sound the page plays, steered by the project's outputs through the routes. */
export class SoundOut {
  playing = $state(false);
  problem = $state<string | undefined>(undefined);
  private sound: Sound | undefined;
  private scratch = new Float64Array(0);

  async start(id: string): Promise<void> {
    this.stop();
    const kind = soundKinds.find((k) => k.id === id);
    if (!kind) return;
    this.problem = undefined;
    const sound = kind.create();
    this.sound = sound;
    this.scratch = new Float64Array(sound.parameters.length);
    try {
      await sound.start();
      this.playing = true;
    } catch (error) {
      this.stop();
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  stop(): void {
    this.sound?.stop();
    this.sound = undefined;
    this.playing = false;
  }

  /** A gesture fired: the sound strikes, if it has one-off hits. */
  strike(index: number): void {
    this.sound?.strike?.(index);
  }

  follow(outputs: readonly Output[], values: ArrayLike<number>, routes: Routes): void {
    const sound = this.sound;
    if (sound) sound.set(parameterValues(outputs, values, sound.parameters, routes, this.scratch));
  }
}
