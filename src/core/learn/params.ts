import { InputError } from '../errors.ts';

/** What one parameter of an algorithm accepts, so every face can check and explain it. */
export type ParamSpec =
  | { readonly type: 'number'; readonly default: number; readonly min?: number; readonly max?: number; readonly help: string }
  | { readonly type: 'integer'; readonly default: number; readonly min?: number; readonly max?: number; readonly help: string }
  | { readonly type: 'boolean'; readonly default: boolean; readonly help: string }
  | { readonly type: 'choice'; readonly default: string; readonly choices: readonly string[]; readonly help: string };

export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

/** The parameter values a set of specs describes. */
export type ParamsOf<S extends ParamSpecs> = {
  -readonly [K in keyof S]: S[K] extends { type: 'boolean' } ? boolean : S[K] extends { type: 'choice' } ? string : number;
};

export function defaultParams<S extends ParamSpecs>(specs: S): ParamsOf<S> {
  const params: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) params[key] = spec.default;
  return params as ParamsOf<S>;
}

/**
 * Checks parameters given as values (from a file) or as text (from a command line) and fills
 * in defaults. `owner` names the algorithm in messages.
 */
export function resolveParams<S extends ParamSpecs>(
  owner: string,
  specs: S,
  given: Readonly<Record<string, unknown>>,
): ParamsOf<S> {
  const params: Record<string, unknown> = defaultParams(specs);
  for (const [key, raw] of Object.entries(given)) {
    const spec = specs[key];
    if (!spec) {
      const known = Object.keys(specs);
      throw new InputError(
        `${owner} has no parameter '${key}'; ` +
          (known.length ? `it takes: ${known.join(', ')}.` : 'it takes none.'),
      );
    }
    params[key] = checkValue(owner, key, spec, raw);
  }
  return params as ParamsOf<S>;
}

function checkValue(owner: string, key: string, spec: ParamSpec, raw: unknown): number | boolean | string {
  const where = `${owner} parameter '${key}'`;
  switch (spec.type) {
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'yes' || raw === '1') return true;
      if (raw === 'false' || raw === 'no' || raw === '0') return false;
      throw new InputError(`${where} must be true or false, not '${String(raw)}'.`);
    }
    case 'choice': {
      if (typeof raw === 'string' && spec.choices.includes(raw)) return raw;
      throw new InputError(`${where} must be one of ${spec.choices.join(', ')}, not '${String(raw)}'.`);
    }
    case 'number':
    case 'integer': {
      const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(value)) throw new InputError(`${where} must be a number, not '${String(raw)}'.`);
      if (spec.type === 'integer' && !Number.isInteger(value)) {
        throw new InputError(`${where} must be a whole number, not ${value}.`);
      }
      if (spec.min !== undefined && value < spec.min) throw new InputError(`${where} must be at least ${spec.min}, not ${value}.`);
      if (spec.max !== undefined && value > spec.max) throw new InputError(`${where} must be at most ${spec.max}, not ${value}.`);
      return value;
    }
  }
}
