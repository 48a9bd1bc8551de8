/**
 * Calls `tick` `framesPerSecond` times a second until the returned function is called. Sensors
 * that only report changes (mouse, MIDI, phone motion) still send steady frames, so that
 * recording and running see a held position as many examples, as Wekinator's senders do.
 */
export function startFrameClock(framesPerSecond: number, tick: () => void): () => void {
  const timer = setInterval(tick, 1000 / framesPerSecond);
  return () => clearInterval(timer);
}
