// How each Oscine model is configured in Weka 3.6 — the settings Wekinator uses — so that a
// benchmark runs both with the same hyperparameters.
import type { Dataset } from '../src/core/data/dataset.ts';

export interface WekaEquivalent {
  readonly classifier: string;
  readonly options: (inputCount: number) => string[];
  /** Data as Weka must see it to learn the same thing (poly: inputs expanded beforehand). */
  readonly transform?: (dataset: Dataset) => Dataset;
}

const J48 = ['-C', '0.25', '-M', '2'];
const POLY_KERNEL = 'weka.classifiers.functions.supportVector.PolyKernel -C 250007 -E 2.0';

export const WEKA: Readonly<Record<string, WekaEquivalent>> = {
  knn: { classifier: 'weka.classifiers.lazy.IBk', options: () => ['-K', '1'] },
  mlp: {
    classifier: 'weka.classifiers.functions.MultilayerPerceptron',
    options: (inputs) => ['-L', '0.3', '-M', '0.2', '-N', '500', '-V', '0', '-S', '0', '-E', '20', '-H', String(inputs)],
  },
  linear: { classifier: 'weka.classifiers.functions.LinearRegression', options: () => ['-S', '1', '-R', '1.0E-8'] },
  poly: {
    classifier: 'weka.classifiers.functions.LinearRegression',
    options: () => ['-S', '1', '-R', '1.0E-8'],
    transform: (dataset) => expandPowers(dataset, 2),
  },
  j48: { classifier: 'weka.classifiers.trees.J48', options: () => J48 },
  adaboost: {
    classifier: 'weka.classifiers.meta.AdaBoostM1',
    options: () => ['-P', '100', '-S', '1', '-I', '100', '-W', 'weka.classifiers.trees.J48', '--', ...J48],
  },
  svm: {
    classifier: 'weka.classifiers.functions.SMO',
    options: () => ['-C', '1.0', '-L', '0.001', '-P', '1.0E-12', '-N', '0', '-V', '-1', '-W', '1', '-K', POLY_KERNEL],
  },
  'naive-bayes': { classifier: 'weka.classifiers.bayes.NaiveBayes', options: () => [] },
  stump: { classifier: 'weka.classifiers.trees.DecisionStump', options: () => [] },
};

/** Every numeric input x becomes x, x², …, x^degree (the class stays last). */
export function expandPowers(dataset: Dataset, degree: number): Dataset {
  const inputs = dataset.attributes.slice(0, -1);
  const target = dataset.attributes[dataset.attributes.length - 1];
  const attributes = inputs.flatMap((a) =>
    Array.from({ length: degree }, (_, p) => ({ name: p === 0 ? a.name : `${a.name}^${p + 1}`, kind: 'numeric' as const })),
  );
  const rows = dataset.rows.map((row) => {
    const out = new Float64Array(attributes.length + 1);
    inputs.forEach((_, i) => {
      for (let p = 0; p < degree; p++) out[i * degree + p] = row[i] ** (p + 1);
    });
    out[attributes.length] = row[row.length - 1];
    return out;
  });
  return { relation: dataset.relation, attributes: [...attributes, target], rows };
}
