/** "1 example", "2 examples": a count with its noun, for summaries. */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
