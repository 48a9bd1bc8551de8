import Database from 'better-sqlite3';
import { existsSync, openSync, readSync, closeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { InputError } from '../../core/errors.ts';
import type { Example } from '../../core/project/example.ts';
import type { GestureTemplate } from '../../core/project/gesture-template.ts';
import type { HistoryState } from '../../core/project/history.ts';
import type { ProjectSettings } from '../../core/project/project.ts';
import type { ModelStatus, ProjectStore, SavedModel } from '../../core/project/store.ts';
import { readModelDocument } from '../../core/format/model-document.ts';
import { type FeatureSpec, readFeatureSpec } from '../../core/temporal/features/feature-spec.ts';
import { APPLICATION_ID, CREATE_TABLES, CREATE_TEMPLATES_TABLE, PROJECT_FORMAT_VERSION, framesFromBlob, framesToBlob, valuesFromJson, valuesToJson } from './schema.ts';
import { readSettings } from './settings-schema.ts';

/** Examples wait at most this long in memory before they are written. */
export const FLUSH_INTERVAL_MS = 50;
/**
 * Copying the write-ahead log back into the database (a checkpoint) can take tens of
 * milliseconds, so instead of SQLite's automatic checkpoint in the middle of a recording it waits
 * for a pause in the writing, or for this many writes in a row (five minutes of recording).
 */
const CHECKPOINT_AFTER_IDLE_MS = 1000;
const CHECKPOINT_AFTER_WRITES = 6000;

/** Everything a project file holds, as the session needs it to start. */
export interface ProjectContents {
  readonly settings: ProjectSettings;
  readonly examples: Example[];
  readonly inactiveExamples: number[];
  readonly history: HistoryState;
  readonly models: (SavedModel | undefined)[];
  readonly templates: GestureTemplate[];
  readonly inactiveTemplates: number[];
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * A project as one SQLite file (`name.oscine`). It mirrors every change a session makes:
 * examples are written in small transactions at most every 50 ms, everything else at once.
 * WAL mode lets another process read the file while a server writes it, and a killed process
 * loses at most the examples of the last 50–100 ms, never the file.
 */
export class ProjectFile implements ProjectStore {
  private pending: Example[] = [];
  private timer: NodeJS.Timeout | undefined;
  private checkpointTimer: NodeJS.Timeout | undefined;
  private writesSinceCheckpoint = 0;
  private readonly insertExample: Database.Statement;
  /** The longest a write took, in milliseconds, for benchmarks and `info`. */
  longestWriteMs = 0;
  /** Told how long each write took, in milliseconds (bench/record.ts lists them). */
  onWrite: ((ms: number) => void) | undefined;

  private constructor(
    readonly path: string,
    private readonly db: Database.Database,
  ) {
    this.insertExample = db.prepare('INSERT INTO examples (id, round, time, active, inputs, outputs) VALUES (?, ?, ?, 1, ?, ?)');
  }

  /** Makes a new project file; refuses to overwrite anything. */
  static create(path: string, settings: ProjectSettings): ProjectFile {
    if (existsSync(path)) throw new InputError(`${path} already exists; open it, or choose another name`);
    const folder = dirname(resolve(path));
    if (!existsSync(folder)) throw new InputError(`cannot create ${path}: the folder ${folder} does not exist; create it first or choose another place`);
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${PROJECT_FORMAT_VERSION}`);
    db.exec(CREATE_TABLES);
    const file = new ProjectFile(path, db);
    file.configure();
    file.saveSettings(settings);
    file.saveHistory({ undo: [], redo: [] });
    return file;
  }

  /**
   * Opens an existing project. A file that is not an Oscine project, or is from a newer
   * Oscine, is refused before anything is written to it.
   */
  static open(path: string, options: { readonly?: boolean } = {}): ProjectFile {
    checkIsProject(path);
    const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: true });
    const id = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (id !== APPLICATION_ID) {
      db.close();
      throw new InputError(`${path} is an SQLite database but not an Oscine project; it was left untouched`);
    }
    if (version > PROJECT_FORMAT_VERSION) {
      db.close();
      throw new InputError(`${path} was saved by a newer Oscine (project format ${version}; this one reads ${PROJECT_FORMAT_VERSION}); update Oscine to open it. The file was left untouched`);
    }
    const file = new ProjectFile(path, db);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      file.configure();
      db.exec(CREATE_TEMPLATES_TABLE);
      if (!file.modelsHaveFeatures()) db.exec('ALTER TABLE models ADD COLUMN features TEXT');
      db.pragma(`user_version = ${PROJECT_FORMAT_VERSION}`);
    }
    return file;
  }

  private configure(): void {
    // In WAL mode NORMAL survives a killed process (not a power cut) and keeps writes quick.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('wal_autocheckpoint = 0');
    this.db.pragma('busy_timeout = 2000');
  }

  load(): ProjectContents {
    const settingsRow = this.db.prepare('SELECT json FROM settings WHERE id = 1').get() as { json: string } | undefined;
    if (!settingsRow) throw new InputError(`${this.path} is damaged: it has no settings`);
    const settings = readSettings(JSON.parse(settingsRow.json), this.path);
    const rows = this.db.prepare('SELECT id, round, time, active, inputs, outputs FROM examples ORDER BY id').all() as ExampleRow[];
    const examples = rows.map((row) => ({ id: row.id, round: row.round, time: row.time, inputs: valuesFromJson(row.inputs), outputs: valuesFromJson(row.outputs) }));
    const inactiveExamples = rows.filter((row) => row.active === 0).map((row) => row.id);
    const historyRow = this.db.prepare('SELECT json FROM history WHERE id = 1').get() as { json: string } | undefined;
    const history = historyRow ? historySchema.parse(JSON.parse(historyRow.json)) : { undo: [], redo: [] };
    const models: (SavedModel | undefined)[] = settings.outputs.map(() => undefined);
    const features = this.modelsHaveFeatures() ? 'features' : 'NULL AS features';
    for (const row of this.db.prepare(`SELECT output, status, inputs, document, ${features} FROM models`).all() as ModelRow[]) {
      if (row.output >= models.length) continue;
      const where = `${this.path}, model of output ${row.output + 1}`;
      const document = row.document ? readModelDocument(JSON.parse(row.document), where) : null;
      const inputs = JSON.parse(row.inputs) as number[];
      models[row.output] = { status: row.status as ModelStatus, inputs, document, features: row.features ? readModelFeatures(row.features, settings.inputs.length, where) : null };
    }
    return { settings, examples, inactiveExamples, history, models, ...this.loadTemplates() };
  }

  /** Files before format 4 have no features column (one opened read-only keeps it so). */
  private modelsHaveFeatures(): boolean {
    return (this.db.prepare('PRAGMA table_info(models)').all() as { name: string }[]).some((column) => column.name === 'features');
  }

  /** A format 1 file opened read-only has no templates table: it has no templates either. */
  private loadTemplates(): { templates: GestureTemplate[]; inactiveTemplates: number[] } {
    const table = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'templates'").get();
    if (!table) return { templates: [], inactiveTemplates: [] };
    const rows = this.db.prepare('SELECT id, output, gesture, round, time, active, width, frames FROM templates ORDER BY id').all() as TemplateRow[];
    const templates = rows.map(({ frames, width, active: _active, ...row }) => {
      const values = framesFromBlob(frames);
      return { ...row, frames: { length: values.length / width, width, values } };
    });
    return { templates, inactiveTemplates: rows.filter((row) => row.active === 0).map((row) => row.id) };
  }

  // ── ProjectStore ───────────────────────────────────────────────────────────

  saveSettings(settings: ProjectSettings): void {
    this.write(() => this.db.prepare('INSERT OR REPLACE INTO settings (id, json) VALUES (1, ?)').run(JSON.stringify(settings)));
  }

  addExample(example: Example): void {
    this.pending.push(example);
    this.timer ??= setTimeout(() => this.flush(), FLUSH_INTERVAL_MS);
  }

  setActive(ids: readonly number[], active: boolean): void {
    const statement = this.db.prepare('UPDATE examples SET active = ? WHERE id = ?');
    this.write(() => ids.forEach((id) => statement.run(active ? 1 : 0, id)));
  }

  setOutputValues(output: number, changes: readonly (readonly [number, number])[]): void {
    const statement = this.db.prepare('UPDATE examples SET outputs = json_replace(outputs, ?, json(?)) WHERE id = ?');
    const path = `$[${output}]`;
    this.write(() => changes.forEach(([id, value]) => statement.run(path, Number.isNaN(value) ? 'null' : JSON.stringify(value), id)));
  }

  purge(ids: readonly number[]): void {
    const statement = this.db.prepare('DELETE FROM examples WHERE id = ?');
    this.write(() => ids.forEach((id) => statement.run(id)));
  }

  replaceExamples(examples: readonly Example[]): void {
    const update = this.db.prepare('UPDATE examples SET inputs = ?, outputs = ? WHERE id = ?');
    this.write(() => examples.forEach((e) => update.run(valuesToJson(e.inputs), valuesToJson(e.outputs), e.id)));
  }

  saveHistory(history: HistoryState): void {
    this.write(() => this.db.prepare('INSERT OR REPLACE INTO history (id, json) VALUES (1, ?)').run(JSON.stringify(history)));
  }

  saveModel(output: number, model: SavedModel): void {
    this.write(() =>
      this.db
        .prepare('INSERT OR REPLACE INTO models (output, status, inputs, document, features) VALUES (?, ?, ?, ?, ?)')
        .run(output, model.status, JSON.stringify(model.inputs), model.document ? JSON.stringify(model.document) : null, model.features ? JSON.stringify(model.features) : null),
    );
  }

  addTemplate(template: GestureTemplate): void {
    const { id, output, gesture, round, time, frames } = template;
    this.write(() =>
      this.db.prepare('INSERT INTO templates (id, output, gesture, round, time, active, width, frames) VALUES (?, ?, ?, ?, ?, 1, ?, ?)').run(id, output, gesture, round, time, frames.width, framesToBlob(frames.values)),
    );
  }

  setTemplatesActive(ids: readonly number[], active: boolean): void {
    const statement = this.db.prepare('UPDATE templates SET active = ? WHERE id = ?');
    this.write(() => ids.forEach((id) => statement.run(active ? 1 : 0, id)));
  }

  purgeTemplates(ids: readonly number[]): void {
    const statement = this.db.prepare('DELETE FROM templates WHERE id = ?');
    this.write(() => ids.forEach((id) => statement.run(id)));
  }

  replaceTemplates(templates: readonly GestureTemplate[]): void {
    const update = this.db.prepare('UPDATE templates SET width = ?, frames = ? WHERE id = ?');
    this.write(() => templates.forEach((t) => update.run(t.frames.width, framesToBlob(t.frames.values), t.id)));
  }

  // ── writing ────────────────────────────────────────────────────────────────

  /** Writes the examples waiting in memory, in one transaction. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.transaction(() => {
      for (const e of batch) this.insertExample.run(e.id, e.round, e.time, valuesToJson(e.inputs), valuesToJson(e.outputs));
    });
  }

  /** Every other change: pending examples first, so the file sees changes in their order. */
  private write(change: () => void): void {
    this.flush();
    this.transaction(change);
  }

  private transaction(change: () => void): void {
    const started = performance.now();
    this.db.transaction(change)();
    const ms = performance.now() - started;
    this.longestWriteMs = Math.max(this.longestWriteMs, ms);
    this.onWrite?.(ms);
    if (++this.writesSinceCheckpoint >= CHECKPOINT_AFTER_WRITES) this.checkpoint();
    else {
      clearTimeout(this.checkpointTimer);
      this.checkpointTimer = setTimeout(() => this.checkpoint(), CHECKPOINT_AFTER_IDLE_MS).unref();
    }
  }

  private checkpoint(): void {
    clearTimeout(this.checkpointTimer);
    this.writesSinceCheckpoint = 0;
    if (this.db.open) this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  close(): void {
    clearTimeout(this.checkpointTimer);
    this.flush();
    if (!this.db.readonly) this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}

/** Makes a new project file holding these examples, and closes it. */
export function createProjectFile(path: string, settings: ProjectSettings, examples: readonly Example[] = []): void {
  const file = ProjectFile.create(path, settings);
  try {
    for (const example of examples) file.addExample(example);
  } finally {
    file.close();
  }
}

interface ExampleRow {
  id: number;
  round: number;
  time: number;
  active: number;
  inputs: string;
  outputs: string;
}

interface TemplateRow {
  id: number;
  output: number;
  gesture: number;
  round: number;
  time: number;
  active: number;
  width: number;
  frames: Buffer;
}

interface ModelRow {
  output: number;
  status: string;
  inputs: string;
  document: string | null;
  features: string | null;
}

function readModelFeatures(json: string, inputCount: number, where: string): FeatureSpec {
  try {
    return readFeatureSpec(JSON.parse(json), inputCount);
  } catch (error) {
    if (error instanceof InputError || error instanceof SyntaxError) throw new InputError(`${where} is damaged: ${error.message}`);
    throw error;
  }
}

const historyEntry = z.union([
  z.object({ kind: z.literal('remove'), label: z.string(), ids: z.array(z.int()) }),
  z.object({ kind: z.literal('clear-output'), label: z.string(), output: z.int().min(0), changes: z.array(z.tuple([z.int(), z.number()])) }),
  z.object({ kind: z.literal('relabel'), label: z.string(), output: z.int().min(0), changes: z.array(z.tuple([z.int(), z.number(), z.number()])) }),
  z.object({ kind: z.literal('remove-templates'), label: z.string(), ids: z.array(z.int()) }),
]);
const historySchema = z.object({ undo: z.array(historyEntry), redo: z.array(historyEntry) });

/** Reads the first bytes, so a file that is not SQLite at all is refused without SQLite touching it. */
function checkIsProject(path: string): void {
  if (!existsSync(path)) throw new InputError(`${path}: no such project file`);
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_MAGIC) throw new InputError(`${path} is not an Oscine project (not an SQLite file); it was left untouched`);
}
