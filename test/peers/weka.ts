import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'node:test';
import { writeArff } from '../../src/core/data/arff.ts';
import type { Dataset } from '../../src/core/data/dataset.ts';

/** Weka 3.6, the version Wekinator runs inside (Debian's `weka` package; `.ci/run` installs it). */
export const WEKA_JAR = '/usr/share/java/weka.jar';
export const WEKA_EXAMPLES = '/usr/share/doc/weka/examples';

const here = dirname(fileURLToPath(import.meta.url));
let compiledIn: string | undefined;

/**
 * Skips the test when Weka is not installed on a developer's machine; in CI (CI=true) a
 * missing peer is a failure, so a reference check can never pass by being skipped.
 */
export function needsWeka(t: TestContext): boolean {
  if (existsSync(WEKA_JAR)) return true;
  if (process.env.CI) throw new Error(`Weka is missing at ${WEKA_JAR}; .ci/run should install the weka package`);
  t.skip(`Weka is not installed (apt-get install weka) — reference check skipped`);
  return false;
}

/** Compiles the small Java programs beside this file against Weka, once per process. */
function helperClasses(): string {
  if (compiledIn) return compiledIn;
  const dir = join(tmpdir(), `oscine-weka-peer-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const sources = ['WekaPredict.java', 'WekaTime.java'].map((name) => join(here, name));
  execFileSync('javac', ['-nowarn', '-cp', WEKA_JAR, '-d', dir, ...sources], { stdio: 'pipe' });
  compiledIn = dir;
  return dir;
}

function runJava(program: string, args: string[]): string {
  return execFileSync('java', ['-cp', `${WEKA_JAR}:${helperClasses()}`, program, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * Trains Weka's `classifier` (e.g. 'weka.classifiers.lazy.IBk') with `options` on `train`
 * (class = last attribute) and returns, per row of `test`, the class distribution or, for a
 * numeric class, a one-element array with the prediction — at full double precision.
 */
export function wekaPredictions(train: Dataset, test: Dataset, classifier: string, options: string[] = []): number[][] {
  const dir = mkdtempSync(join(tmpdir(), 'oscine-weka-'));
  const trainFile = join(dir, 'train.arff');
  const testFile = join(dir, 'test.arff');
  writeFileSync(trainFile, writeArff(train));
  writeFileSync(testFile, writeArff(test));
  return runJava('WekaPredict', [trainFile, testFile, classifier, ...options])
    .trim()
    .split('\n')
    .map((line) => line.split(' ').map(Number));
}

export interface WekaTiming {
  /** Milliseconds of each repeat, measured inside the JVM (no start-up). */
  readonly ms: number[];
  /** 10-fold cross-validation (java.util.Random(1)) figures, in 'cv' mode. */
  readonly accuracy?: number;
  readonly rmse?: number;
}

/** Times Weka building a model on `arffFile` ('build') or cross-validating it 10-fold ('cv'). */
export function wekaTime(mode: 'build' | 'cv', arffFile: string, repeats: number, classifier: string, options: string[] = []): WekaTiming {
  return JSON.parse(runJava('WekaTime', [mode, arffFile, String(repeats), classifier, ...options])) as WekaTiming;
}
