import { InputError } from '../errors.ts';
import { MODEL_FORMAT_VERSION, type ModelDocument, readModelDocument } from '../format/model-document.ts';
import type { Algorithm, Model, Task, TrainOptions } from './algorithm.ts';
import { algorithmsFor, findAlgorithm } from './algorithms.ts';
import type { ParamsOf, ParamSpecs } from './params.ts';
import { resolveParams } from './params.ts';
import { InputEncoder, type PreparedData } from './prepare.ts';

/**
 * A model together with everything needed to use it on raw inputs: how inputs are encoded and
 * filled in, the class names, the algorithm and its parameters. This is what a model file holds.
 */
export class TrainedModel {
  readonly classCount: number;
  private readonly encoded: Float64Array;
  private readonly answer = new Float64Array(1);

  constructor(
    readonly algorithm: Algorithm,
    readonly params: Readonly<Record<string, number | string | boolean>>,
    readonly encoder: InputEncoder,
    readonly task: Task,
    readonly target: string,
    readonly classes: readonly string[] | undefined,
    readonly examples: number,
    private readonly model: Model,
  ) {
    this.classCount = classes?.length ?? 0;
    this.encoded = new Float64Array(encoder.width);
  }

  /** How many raw input values `predict` takes. */
  get inputCount(): number {
    return this.encoder.columns.length;
  }

  /** The class index or the value, from raw inputs (NaN where unknown). Allocates nothing. */
  predict(raw: ArrayLike<number>): number {
    this.encoder.encode(raw, this.encoded);
    // V8 puts a number returned by a call it has not inlined (as when several kinds of model share
    // this call site) on the heap unless it is a small integer, so a value comes back through
    // `distribution`, and either answer through a typed array, which keeps it unboxed.
    if (this.task === 'classification') this.answer[0] = this.model.predict(this.encoded);
    else this.model.distribution(this.encoded, this.answer);
    return this.answer[0];
  }

  /** Class probabilities (or the value in out[0]) from raw inputs. Allocates nothing. */
  distribution(raw: ArrayLike<number>, out: Float64Array): void {
    this.encoder.encode(raw, this.encoded);
    this.model.distribution(this.encoded, out);
  }

  toDocument(): ModelDocument {
    return {
      format: 'oscine-model',
      version: MODEL_FORMAT_VERSION,
      algorithm: this.algorithm.name,
      params: { ...this.params },
      task: this.task,
      target: this.target,
      classes: this.classes ? [...this.classes] : null,
      inputs: this.encoder.columns.map((c) => (c.kind === 'nominal' ? { ...c, values: [...c.values] } : { ...c })),
      examples: this.examples,
      state: this.model.state(),
    };
  }
}

/** Checks parameters given by a user (text or values) against an algorithm's specs. */
export function paramsFor(algorithm: Algorithm, given: Readonly<Record<string, unknown>>): ParamsOf<ParamSpecs> {
  return resolveParams(algorithm.name, algorithm.params, given);
}

/** Trains `algorithm` on prepared data; the parameters must already be resolved. */
export function trainModel(
  data: PreparedData,
  algorithm: Algorithm,
  params: ParamsOf<ParamSpecs>,
  options?: TrainOptions,
): TrainedModel {
  if (!algorithm.tasks.includes(data.set.task)) {
    const what = data.set.task === 'classification' ? `'${data.target}' holds classes` : `'${data.target}' holds numbers`;
    throw new InputError(`${algorithm.name} cannot do ${data.set.task}: ${what}; use one of ${algorithmsFor(data.set.task).join(', ')}`);
  }
  const model = algorithm.train(data.set, params, options);
  return new TrainedModel(algorithm, params, data.encoder, data.set.task, data.target, data.classes, data.set.inputs.length, model);
}

/** Brings a saved model back, refusing damaged files and files from newer versions. */
export function loadModel(json: unknown, source: string): TrainedModel {
  const document = readModelDocument(json, source);
  const algorithm = findAlgorithm(document.algorithm);
  const params = resolveParams(algorithm.name, algorithm.params, document.params);
  const encoder = new InputEncoder(document.inputs);
  const classCount = document.classes?.length ?? 0;
  if ((document.task === 'classification') !== (document.classes !== null)) {
    throw new InputError(`${source} is damaged: a ${document.task} model ${classCount ? 'has' : 'lacks'} class names`);
  }
  const shape = { task: document.task, inputCount: encoder.width, classCount };
  let model: Model;
  try {
    model = algorithm.restore(document.state, params, shape);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${source} is damaged: ${error.message}`);
    throw error;
  }
  return new TrainedModel(algorithm, params, encoder, document.task, document.target, document.classes ?? undefined, document.examples, model);
}
