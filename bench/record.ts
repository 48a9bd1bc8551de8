// Records 1,000 frames a second for 60 s into a project while a second process reads it: is every
// frame stored, does any write take more than 5 ms, how big is the file? The peer, in the same run:
// the same frames written as a naive recorder would, one autocommit INSERT each with plain
// better-sqlite3 — with its defaults, and with the project file's WAL settings.
// Run: node --import tsx bench/record.ts [--seconds 60]
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { makeProject } from '../src/core/project/project.ts';
import { Session } from '../src/core/project/session.ts';
import { ProjectFile } from '../src/node/store/project-file.ts';
import { CREATE_TABLES } from '../src/node/store/schema.ts';
import { machineLine, median } from './machine.ts';

const FRAMES_PER_SECOND = 1000;
const INPUTS = 8;
const WRITE_BUDGET_MS = 5;
const READ_EVERY_MS = 100;
/** The naive peer with SQLite's defaults syncs the disk on every frame; it gets this long at most. */
const PEER_BUDGET_MS = 15_000;

interface ReaderSummary {
  readMs: number[];
  failures: string[];
  lastCount: number;
  wentBackwards: number;
}

interface PeerResult {
  written: number;
  writeMs: number[];
}

interface StoredRow {
  id: number;
  round: number;
  time: number;
  inputs: string;
  outputs: string;
}

const { values: flags } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, read: { type: 'string' } } });
if (flags.read) readUntilTold(flags.read);
else await main(Number(flags.seconds));

async function main(seconds: number): Promise<void> {
  if (!(seconds > 0)) throw new Error(`--seconds takes a positive number, not ${flags.seconds}`);
  const dir = mkdtempSync(join(tmpdir(), 'oscine-record-'));
  const path = join(dir, 'take.oscine');
  const settings = makeProject({ name: 'Bench take', inputs: INPUTS, outputs: [{ kind: 'continuous', min: -1, max: 1 }, { kind: 'classifier', classes: 4 }] });
  const file = ProjectFile.create(path, settings);
  const writeMs: number[] = [];
  file.onWrite = (ms) => writeMs.push(ms);
  const session = new Session(settings, { store: file });

  const loadBefore = loadavg()[0];
  const reader = fork(fileURLToPath(import.meta.url), ['--read', path], { execArgv: ['--import', 'tsx'] });
  await once(reader, 'message');
  session.startRecording();
  const sent = await recordFrames(session, seconds * FRAMES_PER_SECOND);
  session.stopRecording();
  file.flush();
  const summary = once(reader, 'message') as Promise<[ReaderSummary]>;
  reader.send('stop');
  const [readerSummary] = await summary;
  const loadAfter = loadavg()[0];
  file.close();
  const bytes = statSync(path).size;

  const stored = new Database(path, { readonly: true });
  const rows = stored.prepare('SELECT id, round, time, inputs, outputs FROM examples ORDER BY id').all() as StoredRow[];
  stored.close();
  const gapless = rows.every((row, i) => row.id === i + 1);

  const naive = insertOneByOne(join(dir, 'naive.sqlite'), rows, () => {});
  const naiveWal = insertOneByOne(join(dir, 'naive-wal.sqlite'), rows, (db) => {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  });

  const perFrame = (ms: number[], frames: number) => (sum(ms) / frames) * 1000;
  const oscinePerFrame = perFrame(writeMs, rows.length);
  const line = (name: string, sentText: string, storedText: string, ms: number[], frames: number) => {
    const micros = perFrame(ms, frames);
    const ratio = micros / oscinePerFrame;
    const over = ms.filter((m) => m > WRITE_BUDGET_MS).length;
    const cells = [name, sentText, storedText, count(ms.length), fixed(median(ms), 3), fixed(percentile(ms, 0.99), 3), fixed(Math.max(...ms), 2), count(over), fixed(micros, 1), ratio === 1 ? '1×' : `${fixed(ratio, 1)}×`];
    console.log(`| ${cells.join(' | ')} |`);
  };

  console.log(`### Recording ${count(FRAMES_PER_SECOND)} frames a second for ${seconds} s while another process reads the project\n`);
  console.log(`${machineLine()}\n`);
  console.log(
    `Each frame: ${INPUTS} inputs and 2 output values, through \`Session.input\` into a \`ProjectFile\` (WAL, synchronous NORMAL, ` +
      `examples written in one transaction at most every 50 ms). A second process counted the examples every ${READ_EVERY_MS} ms ` +
      'through its own read-only connection. The peers write the very frames that were stored, one autocommit INSERT per frame, ' +
      'back to back in this process, with no reader beside them. "Write time per frame" is the time spent in writes divided by the frames written.\n',
  );
  console.log('| recorder | frames sent | frames stored | writes | write p50 ms | p99 ms | max ms | writes over 5 ms | write time per frame µs | vs Oscine |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  line('Oscine `ProjectFile`', count(sent), count(rows.length), writeMs, rows.length);
  line('naive: plain better-sqlite3 defaults (rollback journal, synchronous FULL)', '—', peerStored(naive, rows.length), naive.writeMs, naive.written);
  line("naive, with the project file's WAL and synchronous NORMAL", '—', peerStored(naiveWal, rows.length), naiveWal.writeMs, naiveWal.written);
  console.log('');
  console.log(`- No frame lost: **${rows.length === sent && gapless ? 'yes' : 'NO'}** (${count(rows.length)} of ${count(sent)} stored, ids ${gapless ? 'without gaps' : 'WITH GAPS'}).`);
  const over = writeMs.filter((m) => m > WRITE_BUDGET_MS).length;
  console.log(`- No write above ${WRITE_BUDGET_MS} ms: **${over === 0 ? 'yes' : `NO, ${over} of ${count(writeMs.length)}`}** (longest ${fixed(Math.max(...writeMs), 2)} ms).`);
  console.log(`- File size after closing: ${megabytes(bytes)} (${fixed(bytes / rows.length, 0)} bytes per example).`);
  const { readMs, failures } = readerSummary;
  console.log(
    `- The reader: ${count(readMs.length)} counts, ${failures.length} failed${failures.length ? ` (first: ${failures[0]})` : ''}; ` +
      `each took ${fixed(median(readMs), 2)} ms (median), ${fixed(percentile(readMs, 0.99), 2)} ms (p99), ${fixed(Math.max(...readMs), 2)} ms at most; ` +
      `the count went backwards ${readerSummary.wentBackwards} times; its last count was ${count(readerSummary.lastCount)}.`,
  );
  console.log(`- 1-minute load average: ${fixed(loadBefore, 1)} before the take, ${fixed(loadAfter, 1)} after it, on ${availableParallelism()} cores.`);
  for (const [name, peer] of [["SQLite's defaults", naive], ['WAL', naiveWal]] as const) {
    const rate = peer.written / (sum(peer.writeMs) / 1000);
    const verdict = rate < FRAMES_PER_SECOND ? `cannot keep up with ${count(FRAMES_PER_SECOND)}` : `spends ${fixed((FRAMES_PER_SECOND / rate) * 100, 1)}% of the time writing`;
    console.log(`- The naive recorder with ${name} writes ${count(Math.round(rate))} frames a second at most: it ${verdict}.`);
  }
}

/** Sends `total` frames at 1 kHz: each millisecond's timer sends the frames that are due. */
function recordFrames(session: Session, total: number): Promise<number> {
  const frame = new Float64Array(INPUTS);
  const outputs = new Float64Array(2);
  const started = performance.now();
  let sent = 0;
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor((performance.now() - started) * (FRAMES_PER_SECOND / 1000)));
      while (sent < due) {
        sent++;
        for (let i = 0; i < INPUTS; i++) frame[i] = Math.sin(sent / (50 + 13 * i));
        outputs[0] = frame[0] * frame[1];
        outputs[1] = 1 + (Math.floor(sent / 250) % 4);
        session.setOutputValues(outputs);
        session.input(frame);
      }
      if (sent === total) {
        clearInterval(timer);
        resolve(sent);
      }
    }, 1);
  });
}

/** The naive way: one INSERT per frame, each its own transaction, timed one by one. */
function insertOneByOne(path: string, rows: readonly StoredRow[], configure: (db: Database.Database) => void): PeerResult {
  const db = new Database(path);
  configure(db);
  db.exec(CREATE_TABLES);
  const insert = db.prepare('INSERT INTO examples (id, round, time, active, inputs, outputs) VALUES (?, ?, ?, 1, ?, ?)');
  const writeMs: number[] = [];
  const started = performance.now();
  for (const row of rows) {
    if (performance.now() - started > PEER_BUDGET_MS) break;
    const before = performance.now();
    insert.run(row.id, row.round, row.time, row.inputs, row.outputs);
    writeMs.push(performance.now() - before);
  }
  db.close();
  return { written: writeMs.length, writeMs };
}

/** The second process: counts the examples every 100 ms until told to stop, then reports. */
function readUntilTold(path: string): void {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const countExamples = db.prepare('SELECT count(*) AS n FROM examples');
  const summary: ReaderSummary = { readMs: [], failures: [], lastCount: 0, wentBackwards: 0 };
  const timer = setInterval(() => {
    const started = performance.now();
    try {
      const { n } = countExamples.get() as { n: number };
      if (n < summary.lastCount) summary.wentBackwards++;
      summary.lastCount = n;
      summary.readMs.push(performance.now() - started);
    } catch (error) {
      summary.failures.push(error instanceof Error ? error.message : String(error));
    }
  }, READ_EVERY_MS);
  process.once('message', () => {
    clearInterval(timer);
    db.close();
    process.send?.(summary, () => process.exit(0));
  });
  process.send?.('ready');
}

function peerStored(peer: PeerResult, of: number): string {
  return peer.written === of ? count(of) : `${count(peer.written)} of ${count(of)} (stopped after ${PEER_BUDGET_MS / 1000} s)`;
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function fixed(n: number, digits: number): string {
  return n.toFixed(digits);
}

function megabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}
