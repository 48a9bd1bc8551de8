import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { ProjectFile } from '../../../src/node/store/project-file.ts';

const RECORDER = fileURLToPath(new URL('./record-until-killed.ts', import.meta.url));
const RUNS = 5;
/** What the project file promises: examples wait at most 50 ms in memory; 100 ms leaves room for a late timer. */
const MOST_LOST_MS = 100;

const dir = mkdtempSync(join(tmpdir(), 'oscine-kill-'));

/** Starts a recorder, kills it with SIGKILL `afterMs` into its take, and says when. */
async function recordAndKill(path: string, afterMs: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', RECORDER, path], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  const failedToStart = exited.then(([code]) => assert.fail(`the recorder stopped before recording (exit code ${String(code)})`));
  const [firstWords] = (await Promise.race([once(child.stdout, 'data'), failedToStart])) as [Buffer];
  assert.equal(firstWords.toString(), 'recording\n');
  await sleep(afterMs);
  const killedAt = Date.now();
  child.kill('SIGKILL');
  const [, signal] = await exited;
  assert.equal(signal, 'SIGKILL', 'the recorder was still recording when it was killed');
  return killedAt;
}

test('a recording process killed at a random moment leaves a sound file missing at most the last 100 ms', async (t) => {
  const losses: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const path = join(dir, `take-${run}.oscine`);
    const afterMs = 300 + Math.random() * 1200;
    const killedAt = await recordAndKill(path, afterMs);
    const where = `run ${run}, killed ${afterMs.toFixed(0)} ms into the take`;

    const raw = new Database(path);
    assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok', where);
    raw.close();

    const file = ProjectFile.open(path);
    const { examples } = file.load();
    file.close();
    assert.ok(examples.length > 0, `${where}: no example was stored`);
    examples.forEach((e, i) => {
      // Example n is frame n: nothing skipped, nothing out of order, every value exact.
      assert.equal(e.id, i + 1, where);
      assert.deepEqual([...e.inputs], [e.id, Math.sin(e.id)], where);
      assert.equal(e.round, 1, where);
    });
    const last = examples[examples.length - 1];
    const lostMs = killedAt - last.time;
    losses.push(lostMs);
    assert.ok(lostMs <= MOST_LOST_MS, `${where}: the last stored example is ${lostMs} ms older than the kill`);
    t.diagnostic(`${where}: ${examples.length} examples kept, the last ${lostMs} ms before the kill`);
  }
  t.diagnostic(`worst loss: ${Math.max(...losses)} ms`);
});
