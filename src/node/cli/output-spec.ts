import { InputError } from '../../core/errors.ts';
import type { GestureOutputRequest } from '../../core/project/gesture-output.ts';
import type { OutputRequest } from '../../core/project/project.ts';

/**
 * Reads `--output` flags: `name:continuous[:min:max]`, `name:classifier:K` or
 * `name:gesture[:G][:following]` (following: also send the gesture under way, its progress and speed).
 * Repeatable; collected in order.
 */
export function collectOutput(text: string, previous: OutputRequest[] = []): OutputRequest[] {
  return [...previous, parseOutputSpec(text)];
}

export function parseOutputSpec(text: string): OutputRequest {
  const [name, kind, ...rest] = text.split(':');
  const example = 'write name:continuous, name:continuous:MIN:MAX, name:classifier:K or name:gesture[:G][:following]';
  if (!name || !kind) throw new InputError(`--output '${text}' is not an output; ${example}`);
  if (kind === 'continuous') {
    if (rest.length === 0) return { kind, name };
    const [min, max] = rest.map(Number);
    if (rest.length !== 2 || !Number.isFinite(min) || !Number.isFinite(max)) throw new InputError(`--output '${text}': the range must be two numbers, MIN:MAX`);
    return { kind, name, min, max };
  }
  if (kind === 'classifier') {
    const classes = Number(rest[0]);
    if (rest.length !== 1 || !Number.isInteger(classes)) throw new InputError(`--output '${text}': say how many classes, as name:classifier:K`);
    return { kind, name, classes };
  }
  if (kind === 'gesture') {
    const following = rest.at(-1) === 'following';
    const count = following ? rest.slice(0, -1) : rest;
    const request: GestureOutputRequest = following ? { kind, name, following } : { kind, name };
    if (count.length === 0) return request;
    const gestures = Number(count[0]);
    if (count.length !== 1 || !Number.isInteger(gestures) || gestures < 1) {
      throw new InputError(`--output '${text}': say how many gestures, as name:gesture:G (G from 1; 5 if left out), then :following to send the gesture under way`);
    }
    return { ...request, gestures };
  }
  throw new InputError(`--output '${text}': '${kind}' is not an output type (continuous, classifier or gesture); ${example}`);
}
