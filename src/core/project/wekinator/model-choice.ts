import { InputError } from '../../errors.ts';
import { findAlgorithm } from '../../learn/algorithms.ts';
import { paramsFor } from '../../learn/trained-model.ts';
import type { Output } from '../project.ts';
import { parseXml } from './xml.ts';
import { XmlFields } from './xml-fields.ts';

type Params = Record<string, number | string | boolean>;

/** An output's model and input selection as Wekinator saved them, and what could not be kept. */
export interface ModelChoice {
  readonly model: string;
  readonly params: Readonly<Params>;
  readonly inputs: readonly boolean[];
  readonly notes: readonly string[];
}

const LEARNING = 'wekimini.learning.';

/**
 * The model Wekinator's user chose for an output, from the settings XML at the start of its
 * model file (see java-string.ts): the model builder and its fields, and the inputs the
 * output reads. Choices Oscine does not have (feature selection in linear regression, the
 * lower-order terms of the polynomial SVM kernel) are left out with a note; an unknown model
 * keeps Oscine's default. `inputNames` are the project's inputs.
 */
export function wekinatorModelChoice(xml: string, output: Output, inputNames: readonly string[], source: string): ModelChoice {
  const path = new XmlFields(parseXml(xml, source), source, 'the model settings');
  const notes: string[] = [];
  const inputs = selectedInputs(path, output, inputNames, notes);
  const builder = new XmlFields(path.child('modelBuilder'), source, 'the model builder');
  const kind = (builder.element.attributes.class ?? '').replace(LEARNING, '');
  const chosen = builderChoice(kind, builder, notes);
  if (!chosen) {
    notes.push(`'${output.name}' used ${kind || 'a model'} in Wekinator, which Oscine does not have; it gets ${output.model}`);
    return { model: output.model, params: output.params, inputs, notes };
  }
  try {
    const algorithm = findAlgorithm(chosen.model);
    const task = output.kind === 'classifier' ? 'classification' : 'regression';
    if (!algorithm.tasks.includes(task)) throw new InputError(`${chosen.model} cannot do ${task}`);
    paramsFor(algorithm, chosen.params);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    notes.push(`the model of '${output.name}' cannot be kept (${error.message}); it gets ${output.model}`);
    return { model: output.model, params: output.params, inputs, notes };
  }
  return { ...chosen, inputs, notes };
}

function selectedInputs(path: XmlFields, output: Output, inputNames: readonly string[], notes: string[]): boolean[] {
  if (!path.has('inputNames')) return [...output.inputs];
  const names = path.strings('inputNames');
  const unknown = names.filter((name) => !inputNames.includes(name));
  if (unknown.length > 0) notes.push(`'${output.name}' read inputs the project no longer has (${unknown.join(', ')}); they are left out`);
  const flags = inputNames.map((name) => names.includes(name));
  if (flags.some(Boolean)) return flags;
  notes.push(`'${output.name}' read none of the project's inputs; it reads all of them now`);
  return [...output.inputs];
}

/** Wekinator's model builder as an Oscine model and parameters, or undefined for one Oscine lacks. */
function builderChoice(kind: string, fields: XmlFields, notes: string[]): { model: string; params: Params } | undefined {
  const params: Params = {};
  const set = (key: string, field: string, read: (name: string) => number | boolean) => {
    if (fields.has(field)) params[key] = read(field);
  };
  const whole = (name: string) => fields.integer(name);
  const number = (name: string) => fields.number(name);
  switch (kind) {
    case 'KNNModelBuilder':
      set('k', 'numNeighbors', whole);
      return { model: 'knn', params };
    case 'NeuralNetModelBuilder': {
      set('hiddenLayers', 'numHiddenLayers', whole);
      const fixedSize = fields.has('hiddenLayerType') && fields.choice('hiddenLayerType', ['NUM_FEATURES', 'NUMBER'] as const) === 'NUMBER';
      if (fixedSize && params.hiddenLayers !== 0) set('hiddenUnits', 'numNodesPerHiddenLayer', whole);
      return { model: 'mlp', params };
    }
    case 'LinearRegressionModelBuilder': {
      const degree = fields.has('exponent') ? fields.integer('exponent') : 1;
      set('eliminateColinear', 'removeColinear', (name) => fields.boolean(name, false));
      const selection = fields.has('featureSelectionType') ? fields.choice('featureSelectionType', ['NONE', 'M5', 'GREEDY'] as const) : 'NONE';
      if (selection !== 'NONE') notes.push(`feature selection (${selection}) in linear regression is not in Oscine; every selected input is used`);
      if (degree === 1) return { model: 'linear', params };
      return { model: 'poly', params: { ...params, degree } };
    }
    case 'SVMModelBuilder': {
      const kernel = fields.choice('kernelType', ['LINEAR', 'POLYNOMIAL', 'RBF'] as const);
      params.kernel = { LINEAR: 'linear', POLYNOMIAL: 'poly', RBF: 'rbf' }[kernel];
      if (kernel === 'POLYNOMIAL') set('exponent', 'polyExponent', number);
      if (kernel === 'POLYNOMIAL' && fields.boolean('polyUseLowerOrder', false)) notes.push("the SVM kernel's lower-order terms are not in Oscine; the plain polynomial kernel is used");
      if (kernel === 'RBF') set('gamma', 'rbfGamma', number);
      set('c', 'complexity', number);
      return { model: 'svm', params };
    }
    case 'AdaboostModelBuilder':
      set('rounds', 'numRounds', whole);
      if (fields.has('baseLearnerType')) params.base = fields.choice('baseLearnerType', ['DECISION_TREE', 'DECISION_STUMP'] as const) === 'DECISION_STUMP' ? 'stump' : 'j48';
      return { model: 'adaboost', params };
    case 'J48ModelBuilder':
      return { model: 'j48', params };
    case 'DecisionStumpModelBuilder':
      return { model: 'stump', params };
    case 'NaiveBayesModelBuilder':
      return { model: 'naive-bayes', params };
    default:
      return undefined;
  }
}
