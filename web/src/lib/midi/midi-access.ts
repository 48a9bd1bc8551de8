/**
 * Asks the browser for its MIDI ports, with messages that say what to do when it cannot give them.
 */
export async function requestMidi(): Promise<MIDIAccess> {
  if (typeof navigator.requestMIDIAccess !== 'function') {
    throw new Error('This browser has no Web MIDI; use Chrome, Edge, Opera or Firefox (Safari has none).');
  }
  try {
    return await navigator.requestMIDIAccess({ sysex: false });
  } catch (error) {
    const name = error instanceof DOMException || error instanceof Error ? error.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError') {
      throw new Error('MIDI access was refused. Allow MIDI devices for this page (the icon in the address bar), then start again.');
    }
    throw new Error(`MIDI could not be opened (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/** The ports of one kind, optionally only the one whose name contains `name`. */
export function midiPorts<Port extends MIDIPort>(ports: ReadonlyMap<string, Port>, name?: string): Port[] {
  const all = [...ports.values()];
  return name === undefined ? all : all.filter((port) => port.name?.toLowerCase().includes(name.toLowerCase()));
}

/** The message for a missing port, naming the ones there are. */
export function noMidiPortError(kind: 'input' | 'output', name: string | undefined, present: readonly MIDIPort[]): Error {
  const wanted = name === undefined ? `No MIDI ${kind} found` : `No MIDI ${kind} named "${name}"`;
  const others = present.length > 0 ? ` (there is: ${present.map((port) => port.name ?? port.id).join(', ')})` : '';
  return new Error(`${wanted}${others}. Connect the device, or a virtual MIDI port, then start again.`);
}
