import { z } from 'zod';
import { InputError } from '../errors.ts';
import { type Model, type ModelShape, type TrainOptions, type TrainingSet, defineAlgorithm } from './algorithm.ts';
import { type LinearModel, type LinearState, fitLinear, linearParams, requireRegression, restoreLinear } from './linear.ts';
import type { ParamSpecs, ParamsOf } from './params.ts';

const polyParams = {
  degree: {
    type: 'integer',
    default: 2,
    min: 1,
    max: 10,
    help: 'The highest power of each input: 2 lets each input bend the output once, 3 twice, …',
  },
  ...linearParams,
} as const satisfies ParamSpecs;

type PolyParams = ParamsOf<typeof polyParams>;

/**
 * Wekinator's polynomial regression: each input x becomes x, x², …, xⁿ (no products of
 * different inputs), in that order input by input, and Weka's linear regression fits those.
 * Conditioning is left as Weka leaves it: the linear fit scales every power to unit spread
 * before solving, and the ridge keeps nearly colinear powers solvable. Only a power whose
 * spread overflows a double is left out, where Weka would turn every weight to NaN.
 */
export const poly = defineAlgorithm({
  name: 'poly',
  summary: 'Polynomial regression: a weighted sum of each input and its powers up to a degree (Wekinator)',
  tasks: ['regression'],
  params: polyParams,
  train(set: TrainingSet, params: PolyParams, options?: TrainOptions): Model {
    requireRegression(set.task);
    const inputs = set.inputs.map((input) => {
      const powers = new Float64Array(set.inputCount * params.degree);
      expandPowers(input, params.degree, powers);
      return powers;
    });
    const examples = { inputs, targets: set.targets, weights: set.weights, inputCount: set.inputCount * params.degree };
    return new PolyModel(params.degree, fitLinear(examples, params, options));
  },
  restore(state: unknown, params: PolyParams, shape: ModelShape): Model {
    requireRegression(shape.task);
    const parsed = polyStateSchema.safeParse(state);
    if (!parsed.success) throw new InputError(`the saved poly model is damaged (no valid degree); train it again`);
    if (parsed.data.degree !== params.degree) {
      throw new InputError(`the saved poly model was trained with degree ${parsed.data.degree}, not ${params.degree}; set the degree back or train again`);
    }
    return new PolyModel(params.degree, restoreLinear(parsed.data, shape.inputCount * params.degree, 'poly'));
  },
});

/** Writes x, x², …, x^degree of each input into `out`, input after input, as Wekinator does. */
export function expandPowers(input: ArrayLike<number>, degree: number, out: Float64Array): void {
  let at = 0;
  for (let i = 0; i < out.length / degree; i++) {
    for (let power = 1; power <= degree; power++) out[at++] = Math.pow(input[i], power);
  }
}

const polyStateSchema = z.looseObject({ degree: z.number().int().min(1).max(10) });

class PolyModel implements Model {
  private readonly powers: Float64Array;

  constructor(
    private readonly degree: number,
    private readonly linear: LinearModel,
  ) {
    this.powers = new Float64Array(linear.inputCount);
  }

  predict(input: ArrayLike<number>): number {
    expandPowers(input, this.degree, this.powers);
    return this.linear.predict(this.powers);
  }

  distribution(input: ArrayLike<number>, out: Float64Array): void {
    out[0] = this.predict(input);
  }

  state(): LinearState & { degree: number } {
    return { degree: this.degree, ...this.linear.state() };
  }
}
