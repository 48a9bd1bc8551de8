/** What a musician types for a gesture output's gestures: how many ("3"), or their names ("circle, swipe"). */
export function readGestures(text: string): number | string[] {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return trimmed
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

export function showGestures(gestures: number | readonly string[]): string {
  return typeof gestures === 'number' ? String(gestures) : gestures.join(', ');
}
