import { z } from 'zod';
import { InputError } from '../errors.ts';
import { featureSpecSchema } from './features/feature-spec.ts';
import { GestureModel, type GestureModelState } from './gesture-model.ts';
import { matchOptionsSchema } from './match-options.ts';

/** The gesture model format this Oscine writes; files from newer versions are refused. */
export const GESTURE_FORMAT_VERSION = 1;

const frame = z.array(z.number());

const gestureDocument = z.object({
  format: z.literal('oscine-gestures'),
  version: z.literal(GESTURE_FORMAT_VERSION),
  inputCount: z.int().min(1),
  options: matchOptionsSchema,
  features: featureSpecSchema,
  scaling: z.object({ offset: z.array(z.number()), scale: z.array(z.number().positive()) }),
  gestures: z.array(
    z.object({
      name: z.string(),
      enabled: z.boolean(),
      /** The user's threshold, or null for the learned one. */
      threshold: z.number().min(0).nullable(),
      /** null: no threshold could be learned (+Infinity). */
      learnedThreshold: z.number().min(0).nullable(),
      /** Each template as its raw input frames. */
      templates: z.array(z.array(frame).min(1)),
    }),
  ),
});

export type GestureDocument = z.infer<typeof gestureDocument>;

/** A gesture model as one self-describing JSON document; JSON numbers read back to the same doubles. */
export function gestureDocumentOf(model: GestureModel): GestureDocument {
  return { format: 'oscine-gestures', version: GESTURE_FORMAT_VERSION, ...structuredState(model.state) };
}

/**
 * Restores a gesture model from its document, checked; `source` names it in messages. The model
 * prepares its templates again from their raw frames, so it matches exactly as the saved one did.
 */
export function readGestureDocument(json: unknown, source: string): GestureModel {
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== 'oscine-gestures') {
    throw new InputError(`${source} is not an Oscine gesture model (it has no "format": "oscine-gestures")`);
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > GESTURE_FORMAT_VERSION) {
    throw new InputError(`${source} was saved by a newer Oscine (gesture format ${version}); this one reads format ${GESTURE_FORMAT_VERSION} — update Oscine to open it`);
  }
  const parsed = gestureDocument.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${source} is damaged: ${issue.path.join('.') || 'the document'}: ${issue.message}; record or train the gestures again`);
  }
  const { inputCount, options, features, scaling, gestures } = parsed.data;
  const state = { inputCount, options, features, scaling, gestures };
  checkWidths(state, source);
  return new GestureModel(state);
}

function checkWidths(state: GestureModelState, source: string): void {
  const features = state.features.features;
  const width = features.length * (state.options.derivatives ? 2 : 1);
  if (state.scaling.offset.length !== width || state.scaling.scale.length !== width) {
    throw new InputError(`${source} is damaged: scaling: it has ${state.scaling.offset.length} values for ${width} features; train the gestures again`);
  }
  const outside = features.findIndex((f) => f.input >= state.inputCount);
  if (outside >= 0) throw new InputError(`${source} is damaged: features.${outside}: it reads input ${features[outside].input + 1} of ${state.inputCount}`);
  state.gestures.forEach((gesture, g) =>
    gesture.templates.forEach((template, t) => {
      const bad = template.findIndex((row) => row.length !== state.inputCount);
      if (bad >= 0) {
        throw new InputError(`${source} is damaged: gestures.${g}.templates.${t}.${bad}: a frame has ${template[bad].length} values, not ${state.inputCount}`);
      }
      if (template.length < state.options.downsample) throw new InputError(`${source} is damaged: gestures.${g}.templates.${t}: shorter than the down-sampling factor`);
    }),
  );
}

/** The state as plain data, so the document shares no arrays with the live model. */
function structuredState(state: GestureModelState): Omit<GestureDocument, 'format' | 'version'> {
  return JSON.parse(JSON.stringify(state)) as Omit<GestureDocument, 'format' | 'version'>;
}
