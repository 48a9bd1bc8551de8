/** How well predictions match the truth, in the figures Wekinator and Weka report. */
export interface ClassificationReport {
  readonly task: 'classification';
  readonly examples: number;
  /** Fraction correct, 0..1. */
  readonly accuracy: number;
  /** confusion[actual][predicted] counts. */
  readonly confusion: number[][];
  /** Per class: of the examples predicted as it, the fraction that were (NaN-free: 0 when none were). */
  readonly precision: number[];
  /** Per class: of the examples of it, the fraction found. */
  readonly recall: number[];
}

export interface RegressionReport {
  readonly task: 'regression';
  readonly examples: number;
  readonly rmse: number;
  readonly mae: number;
  /** Pearson correlation of predicted with actual; 0 when either is constant. */
  readonly correlation: number;
}

export type EvaluationReport = ClassificationReport | RegressionReport;

export function classificationReport(actual: ArrayLike<number>, predicted: ArrayLike<number>, classCount: number): ClassificationReport {
  const confusion = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  let correct = 0;
  for (let i = 0; i < actual.length; i++) {
    confusion[actual[i]][predicted[i]]++;
    if (actual[i] === predicted[i]) correct++;
  }
  const precision = confusion.map((_, c) => ratio(confusion[c][c], sum(confusion.map((row) => row[c]))));
  const recall = confusion.map((row, c) => ratio(row[c], sum(row)));
  return { task: 'classification', examples: actual.length, accuracy: ratio(correct, actual.length), confusion, precision, recall };
}

export function regressionReport(actual: ArrayLike<number>, predicted: ArrayLike<number>): RegressionReport {
  const n = actual.length;
  let squared = 0;
  let absolute = 0;
  let meanA = 0;
  let meanP = 0;
  for (let i = 0; i < n; i++) {
    const error = predicted[i] - actual[i];
    squared += error * error;
    absolute += Math.abs(error);
    meanA += actual[i] / n;
    meanP += predicted[i] / n;
  }
  let covariance = 0;
  let varianceA = 0;
  let varianceP = 0;
  for (let i = 0; i < n; i++) {
    covariance += (actual[i] - meanA) * (predicted[i] - meanP);
    varianceA += (actual[i] - meanA) ** 2;
    varianceP += (predicted[i] - meanP) ** 2;
  }
  const spread = Math.sqrt(varianceA * varianceP);
  return {
    task: 'regression',
    examples: n,
    rmse: n ? Math.sqrt(squared / n) : 0,
    mae: n ? absolute / n : 0,
    correlation: spread > 0 ? covariance / spread : 0,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function ratio(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}
