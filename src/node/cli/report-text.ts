import type { Dataset } from '../../core/data/dataset.ts';
import type { Evaluation } from '../../core/evaluate/cross-validate.ts';

export interface Summary {
  readonly file: string;
  readonly model: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly classIndex: number;
  readonly dataset: Dataset;
}

/** An evaluation as a person reads it on a terminal. */
export function formatReport(summary: Summary, evaluation: Evaluation, seed: number): string {
  const { report } = evaluation;
  const target = summary.dataset.attributes[summary.classIndex];
  const params = Object.entries(summary.params).map(([k, v]) => `${k}=${String(v)}`).join(', ');
  const how = evaluation.folds ? `${evaluation.folds}-fold cross-validation (seed ${seed})` : 'on the training data';
  const lines = [`${summary.file} · ${summary.model}${params ? ` (${params})` : ''} · ${how}`];
  if (report.task === 'classification' && target.kind === 'nominal') {
    const correct = Math.round(report.accuracy * report.examples);
    lines.push(`${report.examples} examples, ${target.values.length} classes of '${target.name}'`, '');
    lines.push(`Accuracy   ${(report.accuracy * 100).toFixed(2)} %  (${correct} of ${report.examples})`, '');
    lines.push(...table(['class', 'precision', 'recall', ...target.values.map((_, i) => `→${i + 1}`)], target.values.map((name, c) => [
      `${c + 1} ${name}`,
      report.precision[c].toFixed(3),
      report.recall[c].toFixed(3),
      ...report.confusion[c].map(String),
    ])));
    lines.push('(→k: how many examples of the row\'s class were predicted as class k)');
  } else if (report.task === 'regression') {
    lines.push(`${report.examples} examples of '${target.name}'`, '');
    lines.push(`RMSE          ${report.rmse.toPrecision(6)}`, `MAE           ${report.mae.toPrecision(6)}`, `Correlation   ${report.correlation.toFixed(4)}`);
  }
  lines.push('', `Time: training ${evaluation.trainMs.toFixed(1)} ms, predicting ${evaluation.predictMs.toFixed(1)} ms`);
  return lines.join('\n');
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}
