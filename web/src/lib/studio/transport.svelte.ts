import type { Studio } from './studio.svelte.ts';

/**
 * The big Record, Train and Run buttons' behaviour, shared by the buttons, the keyboard and
 * simple mode: recording can start after a count-in and stop by itself after a set time.
 */
export class Transport {
  /** Seconds counted aloud before recording starts; 0 starts at once. */
  countIn = $state(0);
  /** Seconds after which recording stops by itself; 0 records until stopped. */
  limit = $state(0);
  /** The number being counted in, or 0. */
  counting = $state(0);
  private timers: ReturnType<typeof setTimeout>[] = [];

  constructor(private readonly studio: Studio) {}

  get recording(): boolean {
    return this.studio.state === 'recording' || this.counting > 0;
  }

  async record(): Promise<void> {
    if (this.recording) return this.stopRecording();
    if (this.onlyGestures()) return this.studio.notify('This project has only gesture outputs: hold a gesture’s “Hold to record” button (or Space on it) while you perform it');
    for (let n = this.countIn; n > 0; n--) {
      this.counting = n;
      this.studio.announce(String(n));
      await new Promise((resolve) => this.timers.push(setTimeout(resolve, 1000)));
      if (this.counting === 0) return; // stopped during the count-in
    }
    this.counting = 0;
    const started = await this.studio.ask({ do: 'record', on: true });
    if (started !== undefined && this.limit > 0) this.timers.push(setTimeout(() => void this.stopRecording(), this.limit * 1000));
  }

  async stopRecording(): Promise<void> {
    this.cancelTimers();
    await this.studio.ask({ do: 'record', on: false });
  }

  async train(): Promise<void> {
    if (this.onlyGestures()) return this.studio.notify('Gesture outputs learn as soon as you record a gesture: there is nothing to train; press Run and perform');
    if (this.studio.state === 'training') await this.studio.ask({ do: 'cancelTraining' });
    else await this.studio.ask({ do: 'train' });
  }

  async run(): Promise<void> {
    await this.studio.ask({ do: 'run', on: !this.studio.playing });
  }

  async stop(): Promise<void> {
    this.cancelTimers();
    if (this.studio.state === 'recording') await this.studio.ask({ do: 'record', on: false });
    if (this.studio.playing) await this.studio.ask({ do: 'run', on: false });
  }

  private onlyGestures(): boolean {
    const settings = this.studio.settings;
    return settings !== undefined && settings.outputs.length === 0 && settings.gestureOutputs.length > 0;
  }

  private cancelTimers(): void {
    this.counting = 0;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }
}
