import { MembraneSynth, MetalSynth, NoiseSynth, Filter, type Gain, type ToneAudioNode } from 'tone';

/**
 * Synthesised drums for the nine instruments of the shared rhythm format (kick, snare, closed
 * and open hat, three toms, crash, ride), with no sample files: membranes for kick and toms,
 * filtered noise for the snare, metallic FM for hats and cymbals. An open hat is cut by the next
 * closed one, as on a real hi-hat.
 */
export interface DrumKit {
  /** Strikes instrument `instrument` (its row in a pattern) at `time` with velocity 0..1. */
  hit(instrument: number, time: number, velocity: number): void;
  readonly nodes: readonly ToneAudioNode[];
}

const TOM_NOTES = ['G2', 'C3', 'F3'];

export function createDrumKit(output: Gain): DrumKit {
  const kick = new MembraneSynth({ pitchDecay: 0.04, octaves: 6, envelope: { attack: 0.001, decay: 0.35, sustain: 0 } }).connect(output);
  const toms = new MembraneSynth({ pitchDecay: 0.08, octaves: 2, envelope: { attack: 0.001, decay: 0.3, sustain: 0 } }).connect(output);
  const snareTone = new Filter({ type: 'highpass', frequency: 1200 }).connect(output);
  const snare = new NoiseSynth({ noise: { type: 'white' }, envelope: { attack: 0.001, decay: 0.16, sustain: 0 } }).connect(snareTone);
  const hat = new MetalSynth({ envelope: { attack: 0.001, decay: 0.06, release: 0.02 }, harmonicity: 5.1, modulationIndex: 32, resonance: 6000, octaves: 1.5 }).connect(output);
  hat.volume.value = -14;
  const cymbal = new MetalSynth({ envelope: { attack: 0.001, decay: 1.2, release: 0.8 }, harmonicity: 5.1, modulationIndex: 40, resonance: 4500, octaves: 1.5 }).connect(output);
  cymbal.volume.value = -18;

  const strikes: ((time: number, velocity: number) => void)[] = [
    (time, velocity) => kick.triggerAttackRelease('C1', 0.3, time, velocity),
    (time, velocity) => snare.triggerAttackRelease(0.16, time, velocity),
    (time, velocity) => hat.triggerAttackRelease(300, 0.04, time, velocity),
    (time, velocity) => hat.triggerAttackRelease(300, 0.3, time, velocity),
    (time, velocity) => toms.triggerAttackRelease(TOM_NOTES[0], 0.3, time, velocity),
    (time, velocity) => toms.triggerAttackRelease(TOM_NOTES[1], 0.3, time, velocity),
    (time, velocity) => toms.triggerAttackRelease(TOM_NOTES[2], 0.3, time, velocity),
    (time, velocity) => cymbal.triggerAttackRelease(250, 1.2, time, velocity),
    (time, velocity) => cymbal.triggerAttackRelease(420, 0.5, time, velocity * 0.6),
  ];

  return {
    hit(instrument, time, velocity) {
      strikes[instrument]?.(time, velocity);
    },
    nodes: [kick, toms, snare, snareTone, hat, cymbal],
  };
}
