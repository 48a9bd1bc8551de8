/** The notes of the built-in sample, one after another: C4, E4, G4, C5. */
const NOTES = [261.63, 329.63, 392, 523.25];
const SECONDS_PER_NOTE = 0.5;

/**
 * The sampler's built-in sample, synthesised so that nothing is downloaded: four plucked-string
 * notes (Karplus–Strong: a burst of noise circulating in a delay line one period long, softened a
 * little on every pass), so that each position in the sample has its own pitch.
 */
export function pluckedPhrase(sampleRate: number): Float32Array {
  const noteLength = Math.round(SECONDS_PER_NOTE * sampleRate);
  const samples = new Float32Array(noteLength * NOTES.length);
  let seed = 12345;
  NOTES.forEach((frequency, note) => {
    // Averaging two neighbours delays the loop by half a sample more.
    const period = Math.round(sampleRate / frequency - 0.5);
    const start = note * noteLength;
    for (let i = 0; i < noteLength; i++) {
      if (i < period) {
        seed = (seed * 16807) % 2147483647;
        samples[start + i] = (seed / 2147483647) * 1.6 - 0.8;
      } else {
        const back = start + i - period;
        samples[start + i] = 0.498 * (samples[back] + samples[back - 1 < start ? back : back - 1]);
      }
    }
  });
  return samples;
}
