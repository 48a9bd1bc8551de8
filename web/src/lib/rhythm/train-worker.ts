import { InputError } from '../../../../src/core/errors.ts';
import type { Loop } from '../../../../src/generative/rhythm/pattern.ts';
import { rhythmModelDocument } from '../../../../src/generative/rhythm/vae/model-file.ts';
import { trainRhythmModel } from '../../../../src/generative/rhythm/vae/train.ts';
import { useTrainingBackend } from './train-backend.ts';
import type { TrainReply, TrainRequest } from './train-messages.ts';

/** Trains a rhythm model off the page's thread, so the pad and the sound never stall. */
const reply = (message: TrainReply) => postMessage(message);

onmessage = async (event: MessageEvent<TrainRequest>) => {
  try {
    const backend = await useTrainingBackend();
    const loops: Loop[] = event.data.loops;
    const started = performance.now();
    const model = trainRhythmModel(loops, { settings: event.data.settings, onProgress: (fraction) => reply({ kind: 'progress', fraction }) });
    reply({ kind: 'trained', document: rhythmModelDocument(model), backend, seconds: (performance.now() - started) / 1000 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    reply({ kind: 'failed', reason: error instanceof InputError ? reason : `Training failed: ${reason}` });
  }
};
