import { z } from 'zod';
import { InputError } from '../errors.ts';
import { type Algorithm, type Model, type ModelShape, type TrainOptions, type TrainingSet, defineAlgorithm } from './algorithm.ts';
import { checkpoint } from './cancel.ts';
import { j48 } from './j48.ts';
import { type ParamSpecs, type ParamsOf, defaultParams } from './params.ts';
import { stump } from './stump.ts';
import { isAbout, isAtLeast } from './tree/tolerance.ts';

export const adaboostParams = {
  rounds: {
    type: 'integer',
    default: 100,
    min: 1,
    help: 'How many models to train, each paying more attention to the examples the earlier ones got wrong (Weka -I)',
  },
  base: {
    type: 'choice',
    default: 'j48',
    choices: ['j48', 'stump'],
    help: 'The model that is boosted: a j48 decision tree or a one-question decision stump (Weka -W)',
  },
} as const satisfies ParamSpecs;

export type AdaBoostParams = ParamsOf<typeof adaboostParams>;

const BASES: Readonly<Record<string, Algorithm>> = { j48: j48 as Algorithm, stump: stump as Algorithm };

/**
 * Weka 3.6's AdaBoostM1 as Wekinator sets it up (-I 100 -P 100, J48 by default), by
 * reweighting: after each round the weights of the examples the new model gets wrong are
 * multiplied by (1 - error)/error and all are rescaled to the old total. Boosting stops at a
 * round whose error is 0 or at least 0.5; that round's model is dropped, unless it is the first.
 */
export const adaboost = defineAlgorithm({
  name: 'adaboost',
  summary: 'AdaBoost: many small models trained in turn on the mistakes of the others, then a weighted vote (Weka AdaBoostM1, as Wekinator sets it up)',
  tasks: ['classification'],
  params: adaboostParams,
  train(set: TrainingSet, params: AdaBoostParams, options?: TrainOptions): Model {
    requireClassification(set.task);
    const base = baseOf(params.base);
    const baseParams = defaultParams(base.params);
    const weights = Float64Array.from(set.weights ?? new Float64Array(set.targets.length).fill(1));
    const scratch = new Float64Array(set.classCount);
    const models: Model[] = [];
    const votes: number[] = [];
    for (let round = 0; round < params.rounds; round++) {
      checkpoint(options, round / params.rounds);
      const model = base.train({ ...set, weights: Float64Array.from(weights) }, baseParams, { isCancelled: options?.isCancelled });
      const error = weightedError(model, set, weights, scratch);
      if (isAtLeast(error, 0.5) || isAbout(error, 0)) {
        // A first model that is perfect, or no better than chance, is all there is: it answers alone.
        if (round === 0) {
          models.push(model);
          votes.push(0);
        }
        break;
      }
      models.push(model);
      votes.push(Math.log((1 - error) / error));
      reweight(model, set, weights, (1 - error) / error);
    }
    checkpoint(options, 1);
    return new BoostedModel(models, votes, set.classCount);
  },
  restore(state: unknown, params: AdaBoostParams, shape: ModelShape): Model {
    requireClassification(shape.task);
    const parsed = stateSchema.safeParse(state);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`the saved adaboost model is damaged (${issue.message} at '${issue.path.join('.')}'); train it again`);
    }
    const { votes, models } = parsed.data;
    if (votes.length !== models.length) {
      throw new InputError(`the saved adaboost model is damaged (${votes.length} votes for ${models.length} models); train it again`);
    }
    const base = baseOf(params.base);
    const baseParams = defaultParams(base.params);
    const restored = models.map((model, round) => {
      try {
        return base.restore(model, baseParams, shape);
      } catch (error) {
        if (error instanceof InputError) throw new InputError(`the saved adaboost model is damaged in round ${round + 1}: ${error.message}`);
        throw error;
      }
    });
    return new BoostedModel(restored, votes, shape.classCount);
  },
});

function requireClassification(task: string): void {
  if (task !== 'classification') {
    throw new InputError('adaboost learns classes, not numbers; use a regression model (e.g. linear or mlp) for a numeric output');
  }
}

function baseOf(name: string): Algorithm {
  const base = BASES[name];
  if (!base) throw new InputError(`adaboost can boost ${Object.keys(BASES).join(' or ')}, not '${name}'`);
  return base;
}

/**
 * The weight of examples the model gets wrong, over the total, as Weka's Evaluation counts it:
 * the predicted class is the first most probable one, and an all-zero distribution counts as
 * no prediction (not wrong, though its weight still counts in the total).
 */
function weightedError(model: Model, set: TrainingSet, weights: Float64Array, scratch: Float64Array): number {
  let wrong = 0;
  let total = 0;
  set.inputs.forEach((input, i) => {
    model.distribution(input, scratch);
    const predicted = firstMostProbable(scratch);
    total += weights[i];
    if (predicted >= 0 && predicted !== set.targets[i]) wrong += weights[i];
  });
  return wrong / total;
}

function reweight(model: Model, set: TrainingSet, weights: Float64Array, factor: number): void {
  const before = sum(weights);
  set.inputs.forEach((input, i) => {
    if (model.predict(input) !== set.targets[i]) weights[i] *= factor;
  });
  const after = sum(weights);
  for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] * before) / after;
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

/** The first class with the highest probability, or -1 when every probability is 0. */
function firstMostProbable(distribution: Float64Array): number {
  let best = -1;
  let bestProbability = 0;
  for (let c = 0; c < distribution.length; c++) {
    if (distribution[c] > bestProbability) {
      best = c;
      bestProbability = distribution[c];
    }
  }
  return best;
}

/** The boosted vote: each model's class gets log((1 - error)/error), turned into probabilities as Weka's logs2probs does. */
class BoostedModel implements Model {
  private readonly ballot: Float64Array;
  private readonly shares: Float64Array;

  constructor(
    private readonly models: readonly Model[],
    private readonly votes: readonly number[],
    classCount: number,
  ) {
    this.ballot = new Float64Array(classCount);
    this.shares = new Float64Array(classCount);
  }

  predict(input: ArrayLike<number>): number {
    this.distribution(input, this.shares);
    return Math.max(firstMostProbable(this.shares), 0);
  }

  distribution(input: ArrayLike<number>, out: Float64Array): void {
    if (this.models.length === 1) {
      this.models[0].distribution(input, out);
      return;
    }
    const ballot = this.ballot;
    ballot.fill(0);
    for (let m = 0; m < this.models.length; m++) ballot[this.models[m].predict(input)] += this.votes[m];
    let most = 0;
    for (let c = 1; c < ballot.length; c++) if (ballot[c] > ballot[most]) most = c;
    let total = 0;
    for (let c = 0; c < ballot.length; c++) {
      out[c] = Math.exp(ballot[c] - ballot[most]);
      total += out[c];
    }
    for (let c = 0; c < ballot.length; c++) out[c] /= total;
  }

  state(): BoostedState {
    return { votes: [...this.votes], models: this.models.map((model) => model.state()) };
  }
}

const stateSchema = z.object({
  /** Each model's say in the vote, log((1 - error)/error); unused when there is only one model. */
  votes: z.array(z.number().min(0)),
  models: z.array(z.unknown()).min(1),
});

type BoostedState = z.infer<typeof stateSchema>;
