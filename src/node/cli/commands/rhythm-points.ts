import { existsSync } from 'node:fs';
import { InputError } from '../../../core/errors.ts';
import { steer } from '../../../generative/rhythm/vae/directions.ts';
import type { RhythmModel } from '../../../generative/rhythm/vae/rhythm-model.ts';
import { readLoops } from '../../rhythm/read-loops.ts';

/** A latent point written as numbers with commas: "0.5,-1". */
export function parsePoint(text: string, model: RhythmModel, flag: string): Float64Array {
  const values = text.split(',').map((part) => Number(part.trim()));
  if (values.some((value, i) => !Number.isFinite(value) || text.split(',')[i].trim() === '')) {
    throw new InputError(`${flag} takes a point in the latent space as numbers with commas (for example 0.5,-1), not '${text}'.`);
  }
  if (values.length !== model.latentSize) {
    throw new InputError(`${flag}: this model's latent space has ${model.latentSize} dimensions, so give ${model.latentSize} numbers, not ${values.length}.`);
  }
  return Float64Array.from(values);
}

/** Where a loop is: a MIDI file or text grid (encoded), a training loop's name, or a point "x,y". */
export async function findPoint(where: string, model: RhythmModel): Promise<{ point: Float64Array; label: string }> {
  if (existsSync(where)) {
    const [loop] = await readLoops([where]);
    if (!loop) throw new InputError(`${where} holds no loop.`);
    return { point: model.encode(loop.pattern), label: loop.name };
  }
  const known = model.loop(where);
  if (known) return { point: known.position, label: known.name };
  if (/^[\s\d.,eE+-]+$/.test(where)) return { point: parsePoint(where, model, where), label: where };
  throw new InputError(`'${where}' is not a file, a loop the model learned, or a point like 0.5,-1.`);
}

/** Collects repeated `--steer attribute=amount` flags. */
export function collectSteer(text: string, previous: Record<string, number> = {}): Record<string, number> {
  const at = text.indexOf('=');
  const amount = Number(text.slice(at + 1));
  if (at <= 0 || !Number.isFinite(amount) || text.slice(at + 1).trim() === '') {
    throw new InputError(`--steer takes attribute=amount (for example --steer syncopation=1.5), not '${text}'.`);
  }
  return { ...previous, [text.slice(0, at).trim()]: amount };
}

/** The point moved along the model's attribute directions, `amount` steps each. */
export function steered(point: Float64Array, model: RhythmModel, amounts: Record<string, number> = {}): Float64Array {
  const out = Float64Array.from(point);
  for (const [attribute, amount] of Object.entries(amounts)) steer(out, model.direction(attribute), amount, out);
  return out;
}
