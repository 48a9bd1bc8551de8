import type { Output } from '../../../../src/core/project/project.ts';
import type { SoundParameter } from '../sounds/sound.ts';

/** For each parameter of the sound, the output that drives it (its index), or null: left alone. */
export type Routes = (number | null)[];

/**
 * Routes that make sense before the musician chooses: an output with the parameter's name
 * drives it; otherwise outputs drive parameters in order, a classifier preferring a
 * whole-number parameter (a drum pattern, a note).
 */
export function defaultRoutes(outputs: readonly Pick<Output, 'name' | 'kind'>[], parameters: readonly SoundParameter[]): Routes {
  const taken = new Set<number>();
  const routes: Routes = parameters.map((p) => {
    const j = outputs.findIndex((o) => o.name === p.name);
    if (j >= 0) taken.add(j);
    return j >= 0 ? j : null;
  });
  parameters.forEach((p, k) => {
    if (routes[k] !== null) return;
    const j = outputs.findIndex((o, j) => !taken.has(j) && (o.kind === 'classifier') === (p.whole === true));
    if (j < 0) return;
    routes[k] = j;
    taken.add(j);
  });
  return routes;
}

/**
 * The value each parameter gets from its output: a continuous output's range is stretched over
 * the parameter's; a class number is used as it is by a whole-number parameter (a pattern, a
 * note) and spread over the range otherwise. NaN leaves a parameter where it is.
 */
export function parameterValues(outputs: readonly Output[], values: ArrayLike<number>, parameters: readonly SoundParameter[], routes: Routes, into: Float64Array): Float64Array {
  for (let k = 0; k < parameters.length; k++) {
    const j = routes[k];
    into[k] = j === null || j === undefined || j >= outputs.length ? Number.NaN : mapValue(outputs[j], values[j], parameters[k]);
  }
  return into;
}

function mapValue(output: Output, value: number, parameter: SoundParameter): number {
  if (output.kind === 'classifier') {
    if (parameter.whole) return value;
    return parameter.min + ((value - 1) / Math.max(1, output.classes - 1)) * (parameter.max - parameter.min);
  }
  const fraction = (value - output.min) / (output.max - output.min);
  return parameter.min + fraction * (parameter.max - parameter.min);
}
