import { getContext, setContext } from 'svelte';
import type { Instrument } from './instrument.svelte.ts';
import type { Studio } from './studio.svelte.ts';
import type { Transport } from './transport.svelte.ts';

interface StudioParts {
  readonly studio: Studio;
  readonly instrument: Instrument;
  readonly transport: Transport;
}

const KEY = Symbol('studio');

/** Made once by the App; every component below reads them. */
export function provide(parts: StudioParts): void {
  setContext(KEY, parts);
}

export const useStudio = (): StudioParts => getContext<StudioParts>(KEY);
