import type { Pattern } from '../../../../src/generative/rhythm/pattern.ts';
import { type LoopPlaying, playLoop } from './loop-playback.ts';
import { midiOutputs, sendDrumHit } from './midi-drums.ts';

/** Playing the decoded loop: synthesised drums, optionally MIDI out, tempo, volume and a playhead. */
export class RhythmPlayback {
  playing = $state(false);
  tempo = $state(100);
  volume = $state(0.8);
  /** The tick now sounding, for the step view's playhead; -1 when stopped. */
  playhead = $state(-1);
  /** The MIDI outputs found, once the musician asked for them. */
  ports = $state.raw<MIDIOutput[]>([]);
  /** The id of the MIDI output that hears the hits; '' for none. */
  port = $state('');
  problem = $state<string | undefined>(undefined);
  private playingNow: LoopPlaying | undefined;
  private midi: MIDIOutput | undefined;

  async start(loop: Pattern): Promise<void> {
    this.stop();
    this.problem = undefined;
    try {
      this.playingNow = await playLoop(
        loop,
        this.tempo,
        this.volume,
        (instrument, time, velocity) => {
          if (this.midi) sendDrumHit(this.midi, instrument, time, velocity);
        },
        // The screen's clock may still be drawing ticks scheduled before a stop.
        (tick) => {
          if (this.playing) this.playhead = tick;
        },
      );
      this.playing = true;
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  stop(): void {
    this.playingNow?.stop();
    this.playingNow = undefined;
    this.playing = false;
    this.playhead = -1;
  }

  setTempo(bpm: number): void {
    this.tempo = bpm;
    this.playingNow?.setTempo(bpm);
  }

  setVolume(volume: number): void {
    this.volume = volume;
    this.playingNow?.setVolume(volume);
  }

  async findMidiOutputs(): Promise<void> {
    this.problem = undefined;
    try {
      this.ports = await midiOutputs();
      if (this.ports.length === 0) this.problem = 'No MIDI outputs found. Connect a device or a virtual MIDI port, then look again.';
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  chooseMidiOutput(id: string): void {
    this.port = id;
    this.midi = this.ports.find((port) => port.id === id);
  }
}
