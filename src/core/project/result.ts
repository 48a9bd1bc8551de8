/** What every engine command answers: done (with a value), or refused with a reason a person can act on. */
export type Result<T = undefined> = { readonly ok: true; readonly value: T; readonly warning?: string } | { readonly ok: false; readonly reason: string };

export function done(): Result;
export function done<T>(value: T, warning?: string): Result<T>;
export function done<T>(value?: T, warning?: string): Result<T | undefined> {
  return warning === undefined ? { ok: true, value } : { ok: true, value, warning };
}

export function refused(reason: string): { readonly ok: false; readonly reason: string } {
  return { ok: false, reason };
}
