import { type Command, Option } from 'commander';
import { parseSeriesLines } from '../../../core/temporal/series-file.ts';
import { type LabelledSeries, type SeriesEvaluation, evaluateSeries } from '../../../core/temporal/series-evaluation.ts';
import { SERIES_NORMALISATIONS, type SeriesNormalisation } from '../../../core/temporal/series-normalise.ts';
import { DEFAULT_COMPARISON, type SeriesComparison, SeriesClassifier } from '../../../core/temporal/whole-series.ts';
import { readText } from '../../files/read-dataset.ts';
import { wholeNumber } from '../options.ts';

interface EvalSeriesOptions {
  readonly templatesPerClass: number;
  readonly repeats: number;
  readonly seed: number;
  readonly resample: number;
  readonly normalize: SeriesNormalisation;
  readonly json?: boolean;
}

/** Adds `oscine eval-series` to the program. */
export function addEvalSeries(program: Command): void {
  program
    .command('eval-series')
    .description('judge gesture recognition (DTW) on labelled series: within each group, T templates per label, the rest classified')
    .argument('<file.jsonl>', 'one example a line: {"label": "...", "group": "...", "series": [[x, y, ...], ...]}')
    .option('-t, --templates-per-class <T>', 'templates per label in each group', wholeNumber('--templates-per-class', 1), 1)
    .option('-r, --repeats <R>', 'repeats with fresh random templates', wholeNumber('--repeats', 1), 10)
    .option('-s, --seed <S>', 'seed for picking templates', wholeNumber('--seed', 0), 1)
    .option('--resample <N>', 'frames every series is resampled to', wholeNumber('--resample', 2), DEFAULT_COMPARISON.resample ?? undefined)
    .addOption(new Option('--normalize <how>', 'per-series normalisation').choices(SERIES_NORMALISATIONS).default(DEFAULT_COMPARISON.normalise))
    .option('--json', 'print one JSON object')
    .action(evalSeriesCommand);
}

function evalSeriesCommand(file: string, options: EvalSeriesOptions): void {
  const examples = parseSeriesLines(readText(file), file);
  const how: SeriesComparison = { ...DEFAULT_COMPARISON, resample: options.resample, normalise: options.normalize };
  const evaluation = evaluateSeries(
    examples,
    (templates) => {
      const classifier = new SeriesClassifier(templates, how);
      return (series) => classifier.classify(series);
    },
    { templatesPerClass: options.templatesPerClass, repeats: options.repeats, seed: options.seed, now: () => performance.now() },
  );
  const ms = Math.round(evaluation.msPerClassification * 1000) / 1000;
  if (options.json) {
    const { accuracy, perLabel, classified } = evaluation;
    const { templatesPerClass, repeats, seed, resample, normalize } = options;
    console.log(JSON.stringify({ accuracy, templatesPerClass, repeats, examples: examples.length, classified, msPerClassification: ms, seed, resample, normalize, perLabel }));
    return;
  }
  console.log(report(file, examples, evaluation, options, ms));
}

function report(file: string, examples: readonly LabelledSeries[], evaluation: SeriesEvaluation, options: EvalSeriesOptions, ms: number): string {
  const groups = new Set(examples.map((e) => e.group)).size;
  const labels = Object.keys(evaluation.perLabel);
  const width = Math.max(5, ...labels.map((l) => l.length));
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    `${file} · ${plural(examples.length, 'example')}, ${plural(labels.length, 'label')}, ${plural(groups, 'group')}`,
    `DTW on series resampled to ${options.resample} frames, ${options.normalize} normalisation, with derivatives · ${plural(options.templatesPerClass, 'template')} per label, ${plural(options.repeats, 'repeat')} (seed ${options.seed})`,
    '',
    `Accuracy   ${percent(evaluation.accuracy)}  (mean of ${plural(options.repeats, 'repeat')}, ${evaluation.classified} classified in each)`,
    '',
    `${'label'.padEnd(width)}  accuracy`,
    ...labels.map((label) => `${label.padEnd(width)}  ${percent(evaluation.perLabel[label]).padStart(8)}`),
    '',
    `Time: ${ms} ms per classification`,
  ].join('\n');
}

function percent(x: number): string {
  return `${(x * 100).toFixed(2)} %`;
}
