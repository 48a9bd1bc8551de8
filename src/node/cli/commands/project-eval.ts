import { InputError } from '../../../core/errors.ts';
import type { EvaluationReport } from '../../../core/evaluate/metrics.ts';
import { openSession } from '../../store/open-session.ts';

/** Judges every output of a project that has examples (k-fold, or on the training data). */
export async function evalProject(path: string, options: { folds: number; seed: number; training?: boolean; json?: boolean }): Promise<void> {
  const { session, file } = openSession(path);
  try {
    const folds = options.training ? 0 : options.folds;
    const results = [];
    for (const [j, output] of session.settings.outputs.entries()) {
      const count = session.exampleCounts()[j];
      if (count === 0) {
        results.push({ output: output.name, model: output.model, examples: 0 });
        continue;
      }
      const result = await session.evaluateOutput(j, Math.min(folds, count), options.seed);
      if (!result.ok) throw new InputError(`${path}: ${result.reason}`);
      const { report, trainMs, predictMs } = result.value;
      results.push({ output: output.name, model: output.model, folds: result.value.folds, ...figures(report), trainMs, predictMs });
    }
    if (options.json) {
      console.log(JSON.stringify({ project: session.settings.name, outputs: results }));
      return;
    }
    const how = folds ? `${folds}-fold cross-validation (seed ${options.seed})` : 'on the training data';
    const lines = results.map((r) => {
      if (!('task' in r)) return `  ${r.output}: no examples`;
      const figure = r.task === 'classification' ? `accuracy ${(r.accuracy * 100).toFixed(2)} %` : `RMSE ${r.rmse.toPrecision(4)}, correlation ${r.correlation.toFixed(3)}`;
      return `  ${r.output} (${r.model}, ${r.examples} examples): ${figure}`;
    });
    console.log([`${session.settings.name} · ${how}`, ...lines].join('\n'));
  } finally {
    file.close();
  }
}

function figures(report: EvaluationReport) {
  if (report.task === 'classification') {
    const { task, examples, accuracy, confusion, precision, recall } = report;
    return { task, examples, accuracy, confusion, precision, recall };
  }
  const { task, examples, rmse, mae, correlation } = report;
  return { task, examples, rmse, mae, correlation };
}
