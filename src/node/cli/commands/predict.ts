import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArff } from '../../../core/data/arff.ts';
import { parseCsv } from '../../../core/data/csv.ts';
import type { Dataset } from '../../../core/data/dataset.ts';
import { InputError } from '../../../core/errors.ts';
import { loadModel, type TrainedModel } from '../../../core/learn/trained-model.ts';
import { readText } from '../../files/read-dataset.ts';
import { readInputColumns } from '../../../core/learn/read-inputs.ts';

export interface PredictOptions {
  readonly probabilities?: boolean;
}

/**
 * Prints one prediction per input row: the class name, or the number. Rows come from a CSV or
 * ARFF file or from stdin as CSV; a CSV may have a header (columns matched by name) or be bare
 * numbers in the model's input order.
 */
export function predictCommand(modelFile: string, inputFile: string | undefined, options: PredictOptions): void {
  const model = loadModel(parseJson(readText(modelFile), modelFile), modelFile);
  const source = inputFile ?? 'stdin';
  const text = inputFile ? readText(inputFile) : readFileSync(0, 'utf8');
  const dataset = inputFile && extname(inputFile).toLowerCase() === '.arff' ? parseArff(text, source) : parseCsvRows(text, source, model);
  const rows = readInputColumns(dataset, model.encoder.columns, source);
  const out = new Float64Array(Math.max(1, model.classCount));
  const lines = rows.map((row) => describe(model, row, out, options.probabilities ?? false));
  if (lines.length) process.stdout.write(lines.join('\n') + '\n');
}

function describe(model: TrainedModel, row: Float64Array, out: Float64Array, probabilities: boolean): string {
  const prediction = model.predict(row);
  if (!model.classes) return String(prediction);
  const label = model.classes[prediction];
  if (!probabilities) return label;
  model.distribution(row, out);
  return [label, ...Array.from(out, (p) => p.toFixed(4))].join(',');
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new InputError(`${source} is not a model file: it is not valid JSON`);
  }
}

/** A CSV whose first line is all numbers has no header: name its columns after the model's inputs. */
function parseCsvRows(text: string, source: string, model: TrainedModel): Dataset {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const bare = firstLine.trim() !== '' && firstLine.split(',').every((cell) => cell.trim() === '?' || Number.isFinite(Number(cell)) && cell.trim() !== '');
  if (!bare) return parseCsv(text, source);
  const width = firstLine.split(',').length;
  const names = model.encoder.columns.map((c) => c.name);
  if (width !== names.length) {
    throw new InputError(`${source}, line 1: ${width} values, but the model takes ${names.length} inputs (${names.join(', ')})`);
  }
  const header = names.map((n) => `"${n.replace(/"/g, '""')}"`).join(',');
  return parseCsv(`${header}\n${text}`, source);
}
