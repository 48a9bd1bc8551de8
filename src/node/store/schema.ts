/**
 * The project file: one SQLite database, readable with any SQLite tool. Input and output values
 * are JSON arrays (null where a value is missing), settings and models are JSON documents.
 */

/** 'OSCI' — marks the file as an Oscine project (SQLite's application_id). */
export const APPLICATION_ID = 0x4f534349;

/** The file format this Oscine writes (SQLite's user_version); newer files are refused. */
export const PROJECT_FORMAT_VERSION = 1;

export const CREATE_TABLES = `
CREATE TABLE settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  json TEXT NOT NULL
);
CREATE TABLE examples (
  id INTEGER PRIMARY KEY,
  round INTEGER NOT NULL,
  time REAL NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  inputs TEXT NOT NULL,
  outputs TEXT NOT NULL
);
CREATE TABLE models (
  output INTEGER PRIMARY KEY,
  status TEXT NOT NULL,
  inputs TEXT NOT NULL,
  document TEXT
);
CREATE TABLE history (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  json TEXT NOT NULL
);
`;

/** Values as JSON text: NaN (missing) becomes null. */
export function valuesToJson(values: Float64Array): string {
  return JSON.stringify(Array.from(values, (v) => (Number.isNaN(v) ? null : v)));
}

export function valuesFromJson(text: string): Float64Array {
  const values = JSON.parse(text) as (number | null)[];
  return Float64Array.from(values, (v) => (v === null ? Number.NaN : v));
}
