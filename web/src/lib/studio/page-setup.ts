import type { Routes } from './routing.ts';

/**
 * What a page chooses around a project, which the engine does not hold: the browser's inputs
 * that feed it, the sound it plays and how outputs drive the sound. Kept in the browser, by
 * project file, so every tab of this browser shares it.
 */
export interface PageSetup {
  /** Ids of the built-in inputs, in the order their numbers fill the project's inputs. */
  readonly inputs: readonly string[];
  readonly sound: string | null;
  readonly routes: Routes;
}

const KEY = 'oscine.setup.';

export function loadSetup(file: string): PageSetup | undefined {
  try {
    const text = localStorage.getItem(KEY + file);
    return text ? (JSON.parse(text) as PageSetup) : undefined;
  } catch {
    return undefined;
  }
}

export function saveSetup(file: string, setup: PageSetup): void {
  localStorage.setItem(KEY + file, JSON.stringify(setup));
}
