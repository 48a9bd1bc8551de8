import { z } from 'zod';
import { InputError } from '../../../core/errors.ts';
import { BEND_TRANSFORMS } from './bending.ts';
import { cellsOf, loopGrid } from './loop-grid.ts';
import { floatsToText, textToFloats } from './float-text.ts';
import { RhythmModel } from './rhythm-model.ts';
import { vaeSettings } from './settings.ts';
import { LAYER_NAMES, type LayerName, type VaeWeights, layerShapes } from './vae-weights.ts';
import type { Dense } from './dense.ts';

export const RHYTHM_MODEL_FORMAT = 'oscine-rhythm-model';
/** The rhythm model format this Oscine writes; files from newer versions are refused. */
export const RHYTHM_MODEL_VERSION = 1;

const layer = z.object({ inputs: z.int().min(1), outputs: z.int().min(1), weights: z.string(), biases: z.string() });
const unitChoice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('units'), units: z.array(z.int()) }),
  z.object({ kind: z.literal('random'), fraction: z.number(), seed: z.int() }),
  z.object({ kind: z.literal('cluster'), clusters: z.int(), cluster: z.int(), seed: z.int() }),
]);

const documentSchema = z.object({
  format: z.literal(RHYTHM_MODEL_FORMAT),
  version: z.literal(RHYTHM_MODEL_VERSION),
  grid: z.object({
    meter: z.object({ beats: z.int().min(1).max(32), beatUnit: z.union([z.literal(4), z.literal(8)]) }),
    bars: z.int().min(1),
    ticksPerQuarter: z.int().min(1),
  }),
  settings: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  /** The network's layers, each weight matrix as base64 float32 (see float-text.ts). */
  weights: z.object(Object.fromEntries(LAYER_NAMES.map((name) => [name, layer])) as Record<LayerName, typeof layer>),
  loops: z.array(z.object({ name: z.string(), style: z.string().optional(), position: z.array(z.number()) })),
  directions: z.array(z.object({ attribute: z.string(), unit: z.array(z.number()), step: z.number(), perStep: z.number() })),
  bends: z.array(z.object({ layer: z.int(), units: unitChoice, transform: z.enum(BEND_TRANSFORMS), mix: z.number(), value: z.number() })),
  training: z.object({ onsetF1: z.number(), loss: z.number(), leftOut: z.array(z.string()) }),
});

export type RhythmModelDocument = z.infer<typeof documentSchema>;

/** A model as one JSON-ready document: everything needed to play it anywhere. */
export function rhythmModelDocument(model: RhythmModel): RhythmModelDocument {
  const { meter, bars, ticksPerQuarter } = model.grid;
  const weights = Object.fromEntries(
    LAYER_NAMES.map((name) => {
      const dense = model.weights[name];
      return [name, { inputs: dense.inputs, outputs: dense.outputs, weights: floatsToText(dense.weights), biases: floatsToText(dense.biases) }];
    }),
  ) as RhythmModelDocument['weights'];
  return {
    format: RHYTHM_MODEL_FORMAT,
    version: RHYTHM_MODEL_VERSION,
    grid: { meter: { beats: meter.beats, beatUnit: meter.beatUnit }, bars, ticksPerQuarter },
    settings: { ...model.settings },
    weights,
    loops: model.loops.map((loop) => ({ name: loop.name, ...(loop.style === undefined ? {} : { style: loop.style }), position: [...loop.position] })),
    directions: model.directions.map((direction) => ({ ...direction, unit: [...direction.unit] })),
    bends: model.bends.map((bend) => ({ ...bend, units: bend.units.kind === 'units' ? { kind: 'units', units: [...bend.units.units] } : { ...bend.units } })),
    training: { onsetF1: model.summary.onsetF1, loss: model.summary.loss, leftOut: [...model.summary.leftOut] },
  };
}

/**
 * Reads a parsed model file back into a model that decodes exactly as the one saved. `source`
 * names the file in messages; a newer format, or a damaged file, is an InputError that says so.
 */
export function readRhythmModel(json: unknown, source: string): RhythmModel {
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== RHYTHM_MODEL_FORMAT) {
    throw new InputError(`${source} is not an Oscine rhythm model (it has no "format": "${RHYTHM_MODEL_FORMAT}"); make one with \`oscine rhythm train\`.`);
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > RHYTHM_MODEL_VERSION) {
    throw new InputError(`${source} was saved by a newer Oscine (rhythm model format ${version}); this one reads format ${RHYTHM_MODEL_VERSION} — update Oscine to open it.`);
  }
  const parsed = documentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${source} is damaged: ${issue.path.join('.') || 'the document'}: ${issue.message}.`);
  }
  const document = parsed.data;
  const damaged = (what: string) => new InputError(`${source} is damaged: ${what}.`);
  const grid = loopGrid(document.grid.meter, document.grid.bars, document.grid.ticksPerQuarter);
  const settings = vaeSettings(document.settings);
  const shapes = layerShapes(settings, cellsOf(grid));
  const weights = {} as Record<LayerName, Dense>;
  for (const name of LAYER_NAMES) {
    const { inputs, outputs, weights: text, biases } = document.weights[name];
    if (inputs !== shapes[name][0] || outputs !== shapes[name][1]) throw damaged(`layer ${name} is ${inputs} × ${outputs}, but its settings and grid make it ${shapes[name].join(' × ')}`);
    weights[name] = { inputs, outputs, weights: textToFloats(text, inputs * outputs, `${source}: layer ${name}`), biases: textToFloats(biases, outputs, `${source}: layer ${name}'s biases`) };
  }
  const latent = settings.latent;
  if (document.loops.some((loop) => loop.position.length !== latent)) throw damaged(`a loop's position does not have ${latent} coordinates`);
  if (document.directions.some((direction) => direction.unit.length !== latent)) throw damaged(`a direction does not have ${latent} coordinates`);
  const loops = document.loops.map((loop) => ({ ...loop, position: Float64Array.from(loop.position) }));
  try {
    return new RhythmModel(grid, settings, weights as VaeWeights, loops, document.directions, document.training, document.bends);
  } catch (error) {
    throw error instanceof InputError ? new InputError(`${source}: ${error.message}`) : error;
  }
}
