/** A project's name as the stem of a file name: no path separators, quotes or spaces. */
export function fileStem(name: string): string {
  return name.trim().replace(/[\\/:*?"<>|\s]+/g, '-');
}
