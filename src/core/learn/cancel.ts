import { TrainingCancelled } from '../errors.ts';
import type { TrainOptions } from './algorithm.ts';

/** Reports progress and stops training when asked; call between epochs or rounds. */
export function checkpoint(options: TrainOptions | undefined, fraction: number): void {
  if (options?.isCancelled?.()) throw new TrainingCancelled();
  options?.onProgress?.(fraction);
}
