/** Hands the browser a file to save: text, or bytes (a MIDI file). */
export function download(fileName: string, content: string | Uint8Array<ArrayBuffer>): void {
  const url = URL.createObjectURL(new Blob([content], { type: typeof content === 'string' ? 'text/plain' : 'application/octet-stream' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The files of a folder the musician chose, with their paths inside it, ready to send. */
export async function folderFiles(list: FileList | null): Promise<{ path: string; base64: string }[]> {
  const files = [...(list ?? [])];
  return Promise.all(files.map(async (file) => ({ path: file.webkitRelativePath || file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) })));
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}
