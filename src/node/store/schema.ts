/**
 * The project file: one SQLite database, readable with any SQLite tool. Input and output values
 * are JSON arrays (null where a value is missing), settings and models are JSON documents. A
 * gesture template's frames are one blob of little-endian float64s, frame after frame (`width`
 * values each): a template holds hundreds of frames, and a blob keeps it small and exact.
 */

/** 'OSCI' — marks the file as an Oscine project (SQLite's application_id). */
export const APPLICATION_ID = 0x4f534349;

/**
 * The file format this Oscine writes (SQLite's user_version); newer files are refused. Format 2
 * added gesture outputs and templates, format 3 their features and following, format 4 features for
 * the other outputs and their trained models (settings an older Oscine would drop when saving). An older file is upgraded when opened for writing, so an older
 * Oscine cannot then open it and lose what it does not know about.
 */
export const PROJECT_FORMAT_VERSION = 4;

/** What format 2 added; made when missing, so older files open. */
export const CREATE_TEMPLATES_TABLE = `
CREATE TABLE IF NOT EXISTS templates (
  id INTEGER PRIMARY KEY,
  output INTEGER NOT NULL,
  gesture INTEGER NOT NULL,
  round INTEGER NOT NULL,
  time REAL NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  width INTEGER NOT NULL,
  frames BLOB NOT NULL
);
`;

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
  document TEXT,
  features TEXT
);
CREATE TABLE history (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  json TEXT NOT NULL
);
${CREATE_TEMPLATES_TABLE}`;

/** Values as JSON text: NaN (missing) becomes null. */
export function valuesToJson(values: Float64Array): string {
  return JSON.stringify(Array.from(values, (v) => (Number.isNaN(v) ? null : v)));
}

export function valuesFromJson(text: string): Float64Array {
  const values = JSON.parse(text) as (number | null)[];
  return Float64Array.from(values, (v) => (v === null ? Number.NaN : v));
}

/** A template's frames as the blob stored in the file (little-endian float64s). */
export function framesToBlob(values: Float64Array): Buffer {
  const blob = Buffer.alloc(values.length * 8);
  values.forEach((v, i) => blob.writeDoubleLE(v, i * 8));
  return blob;
}

export function framesFromBlob(blob: Buffer): Float64Array {
  return Float64Array.from({ length: blob.length / 8 }, (_, i) => blob.readDoubleLE(i * 8));
}
