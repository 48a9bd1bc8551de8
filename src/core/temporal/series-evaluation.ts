import { InputError } from '../errors.ts';
import { JavaRandom } from '../util/java-random.ts';
import type { Series } from './series.ts';

/** A recorded example: what it is (label), who or how it was recorded (group), and its frames. */
export interface LabelledSeries {
  readonly label: string;
  readonly group: string;
  readonly series: Series;
}

/** Learns from templates and returns a function that names a series. */
export type SeriesRecogniser = (templates: readonly LabelledSeries[]) => (series: Series) => string;

export interface SeriesEvaluationOptions {
  readonly templatesPerClass: number;
  readonly repeats: number;
  readonly seed: number;
  /** A clock in milliseconds, passed in so the core reads none itself. */
  readonly now: () => number;
}

export interface SeriesEvaluation {
  /** Mean over the repeats of the share of series named right. */
  readonly accuracy: number;
  /** Per label, the share named right over all repeats. */
  readonly perLabel: Readonly<Record<string, number>>;
  /** Series classified in each repeat. */
  readonly classified: number;
  readonly msPerClassification: number;
}

/**
 * The user-dependent protocol of the $1 recogniser paper: within each group, T random examples of
 * each label become templates and the group's other examples are classified against them; repeated
 * with fresh picks. A label with T or fewer examples in a group lends them all as templates.
 */
export function evaluateSeries(examples: readonly LabelledSeries[], recognise: SeriesRecogniser, options: SeriesEvaluationOptions): SeriesEvaluation {
  const groups = groupBy(examples, (e) => e.group);
  const random = new JavaRandom(options.seed);
  const right = new Map<string, number>();
  const tried = new Map<string, number>();
  let accuracySum = 0;
  let classified = 0;
  let ms = 0;
  for (let repeat = 0; repeat < options.repeats; repeat++) {
    let correct = 0;
    classified = 0;
    for (const group of groups.values()) {
      const templates: LabelledSeries[] = [];
      const tests: LabelledSeries[] = [];
      for (const same of groupBy(group, (e) => e.label).values()) {
        const shuffled = [...same];
        random.shuffle(shuffled);
        templates.push(...shuffled.slice(0, options.templatesPerClass));
        tests.push(...shuffled.slice(options.templatesPerClass));
      }
      const name = recognise(templates);
      const started = options.now();
      for (const test of tests) {
        const ok = name(test.series) === test.label;
        if (ok) correct++;
        right.set(test.label, (right.get(test.label) ?? 0) + (ok ? 1 : 0));
        tried.set(test.label, (tried.get(test.label) ?? 0) + 1);
      }
      ms += options.now() - started;
      classified += tests.length;
    }
    if (classified === 0) {
      throw new InputError(`no example is left to classify with ${options.templatesPerClass} templates per label; give fewer templates per label or more examples per group`);
    }
    accuracySum += correct / classified;
  }
  const perLabel: Record<string, number> = {};
  for (const [label, count] of tried) perLabel[label] = (right.get(label) ?? 0) / count;
  return { accuracy: accuracySum / options.repeats, perLabel, classified, msPerClassification: ms / (classified * options.repeats) };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
