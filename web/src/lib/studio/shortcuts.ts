/** The big buttons' keys, as Wekinator users' hands expect from a DAW: Space plays and stops. */
export interface TransportKeys {
  record(): void;
  train(): void;
  run(): void;
  stop(): void;
  undo(): void;
  redo(): void;
}

/** Listens for the transport's keys on the page; typing in a field or pressing a focused button is left alone. */
export function listenForShortcuts(keys: TransportKeys): () => void {
  const onKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    const typing = target?.closest('input, textarea, select, [contenteditable="true"]') !== null && target?.closest('input[type="checkbox"], input[type="range"]') === null;
    if (typing || event.altKey || event.repeat) return;
    const command = event.ctrlKey || event.metaKey;
    if (command && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      if (event.shiftKey) keys.redo();
      else keys.undo();
      return;
    }
    if (command) return;
    if (event.key === 'r' || event.key === 'R') keys.record();
    else if (event.key === 't' || event.key === 'T') keys.train();
    else if (event.key === ' ' && target?.closest('button, input, [role="tab"]') == null) {
      event.preventDefault();
      keys.run();
    } else if (event.key === 'Escape') keys.stop();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
