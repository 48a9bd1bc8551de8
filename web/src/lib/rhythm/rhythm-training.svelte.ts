import { InputError } from '../../../../src/core/errors.ts';
import type { Loop } from '../../../../src/generative/rhythm/pattern.ts';
import { readRhythmModel } from '../../../../src/generative/rhythm/vae/model-file.ts';
import type { RhythmModel } from '../../../../src/generative/rhythm/vae/rhythm-model.ts';
import type { TrainReply, TrainRequest } from './train-messages.ts';

/** Training a rhythm model in a worker, with its progress for the page to show. */
export class RhythmTraining {
  /** 0..1 while a model trains, undefined otherwise. */
  fraction = $state<number | undefined>(undefined);
  /** How the last model trained: TensorFlow.js's backend ('webgl', 'wasm', 'cpu') and how long it took. */
  took = $state('');
  private worker: Worker | undefined;
  private finish: ((model: RhythmModel | undefined) => void) | undefined;

  /** The trained model; undefined when cancelled. A problem with the loops or settings is an InputError. */
  train(loops: Loop[], settings: Record<string, number>): Promise<RhythmModel | undefined> {
    this.cancel();
    const worker = new Worker(new URL('./train-worker.ts', import.meta.url), { type: 'module' });
    this.worker = worker;
    this.fraction = 0;
    return new Promise((resolve, reject) => {
      this.finish = resolve;
      worker.onmessage = (event: MessageEvent<TrainReply>) => {
        const reply = event.data;
        if (reply.kind === 'progress') {
          this.fraction = reply.fraction;
          return;
        }
        this.end();
        if (reply.kind === 'failed') reject(new InputError(reply.reason));
        else {
          this.took = `${reply.backend} in ${reply.seconds.toFixed(1)} s`;
          resolve(readRhythmModel(reply.document, 'the model trained in this page'));
        }
      };
      worker.onerror = (event) => {
        this.end();
        reject(new Error(`The training worker stopped: ${event.message}`));
      };
      const request: TrainRequest = { loops, settings };
      worker.postMessage(request);
    });
  }

  /** Stops a training under way; the model in use stays. */
  cancel(): void {
    const finish = this.finish;
    this.end();
    finish?.(undefined);
  }

  private end(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.finish = undefined;
    this.fraction = undefined;
  }
}
