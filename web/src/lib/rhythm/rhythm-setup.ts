/**
 * What this browser remembers of the rhythm tab per project file: which output drives which
 * control, by their names (so it survives outputs being reordered, and models being swapped).
 */
export type Drivers = Readonly<Record<string, string>>;

const key = (file: string) => `oscine.rhythm-drivers.${file}`;

export function loadDrivers(file: string | undefined): Drivers {
  if (!file) return {};
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(key(file)) ?? '{}');
    if (typeof saved !== 'object' || saved === null) return {};
    return Object.fromEntries(Object.entries(saved).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    // A damaged entry (edited by hand, or from an older page) is forgotten, not fatal.
    return {};
  }
}

export function saveDrivers(file: string | undefined, drivers: Drivers): void {
  if (file) localStorage.setItem(key(file), JSON.stringify(drivers));
}
