import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArff } from '../../../src/core/data/arff.ts';
import { type Output, makeProject } from '../../../src/core/project/project.ts';
import { firstJavaString } from '../../../src/core/project/wekinator/java-string.ts';
import { wekinatorModelChoice } from '../../../src/core/project/wekinator/model-choice.ts';
import { wekinatorProject } from '../../../src/core/project/wekinator/project.ts';
import { needsWeka } from '../../peers/weka.ts';
import { builderXml, currentData, javaStream, pathXml } from './wekinator-fixtures.ts';

const awkward = 'nul \u0000, é, 🎵, ∑ & <tags>';

test('reads the first string of a Java serialisation stream, short or long, in modified UTF-8', () => {
  assert.equal(firstJavaString(javaStream('<Path/>'), 'model0.xml'), '<Path/>');
  assert.equal(firstJavaString(javaStream(awkward), 'model0.xml'), awkward);
  const long = 'x'.repeat(70000) + awkward;
  assert.equal(firstJavaString(javaStream(long), 'model0.xml'), long);
});

test('a file that is not such a stream is refused with a clear line', () => {
  const refuses = (bytes: Uint8Array, message: RegExp) => assert.throws(() => firstJavaString(bytes, 'model1.xml'), { name: 'InputError', message });
  refuses(new TextEncoder().encode('<Path></Path>'), /^model1\.xml: not a Java serialisation stream as Wekinator writes its model files$/);
  refuses(Uint8Array.from([0xac, 0xed, 0, 5, 0x73, 0x72, 0]), /^model1\.xml: the stream does not start with the model settings \(a string\)$/);
  refuses(javaStream('<Path/>', []).subarray(0, 10), /^model1\.xml: the settings are cut short \(3 of 7 bytes\)$/);
  refuses(Uint8Array.from([0xac, 0xed, 0, 5, 0x74, 0, 2, 0xc3, 0x41]), /^model1\.xml: byte 0 of the settings is not valid modified UTF-8$/);
});

test("matches Java's own ObjectOutputStream, model settings first and the model after", (t) => {
  if (!needsWeka(t)) return; // Weka's JDK compiles the writer
  const dir = mkdtempSync(join(tmpdir(), 'oscine-java-'));
  writeFileSync(
    join(dir, 'Write.java'),
    [
      'import java.io.*; import java.nio.file.*;',
      'public class Write { public static void main(String[] a) throws Exception {',
      '  String xml = new String(Files.readAllBytes(Paths.get(a[0])), "UTF-8");',
      '  try (ObjectOutputStream out = new ObjectOutputStream(new FileOutputStream(a[1]))) {',
      '    out.writeObject(xml); out.writeObject("weka.classifiers.lazy.IBk"); out.writeObject(new java.util.ArrayList<Integer>(java.util.Arrays.asList(1, 2)));',
      '  } } }',
    ].join('\n'),
  );
  execFileSync('javac', ['-d', dir, join(dir, 'Write.java')]);
  for (const [name, text] of [['short', pathXml(builderXml('KNNModelBuilder', { numNeighbors: 3 }), ['a', awkward])], ['long', 'é'.repeat(40000)]]) {
    writeFileSync(join(dir, `${name}.txt`), text);
    execFileSync('java', ['-cp', dir, 'Write', join(dir, `${name}.txt`), join(dir, `${name}.ser`)]);
    assert.equal(firstJavaString(readFileSync(join(dir, `${name}.ser`)), `${name}.ser`), text);
  }
});

const project = makeProject({
  inputs: ['a', 'b', 'c'],
  outputs: [{ kind: 'classifier', name: 'mode', classes: 3 }, { kind: 'continuous', name: 'level', min: 0, max: 1 }],
});
const [classifier, continuous] = project.outputs;

function choice(builder: string, output: Output = classifier, inputs = ['a', 'b', 'c']) {
  return wekinatorModelChoice(pathXml(builder, inputs), output, project.inputs, 'model0.xml');
}

test("each of Wekinator's model builders maps to Oscine's model with the same settings", () => {
  const cases: [string, Output, string, Record<string, unknown>][] = [
    [builderXml('KNNModelBuilder', { numNeighbors: 5 }), classifier, 'knn', { k: 5 }],
    [builderXml('NeuralNetModelBuilder', { numHiddenLayers: 1, hiddenLayerType: 'NUM_FEATURES', numNodesPerHiddenLayer: 1 }), continuous, 'mlp', { hiddenLayers: 1 }],
    [builderXml('NeuralNetModelBuilder', { numHiddenLayers: 2, hiddenLayerType: 'NUMBER', numNodesPerHiddenLayer: 7 }), continuous, 'mlp', { hiddenLayers: 2, hiddenUnits: 7 }],
    [builderXml('NeuralNetModelBuilder', { numHiddenLayers: 0, hiddenLayerType: 'NUMBER', numNodesPerHiddenLayer: 0 }), continuous, 'mlp', { hiddenLayers: 0 }],
    [builderXml('LinearRegressionModelBuilder', { featureSelectionType: 'NONE', exponent: 1, removeColinear: true }), continuous, 'linear', { eliminateColinear: true }],
    [builderXml('LinearRegressionModelBuilder', { featureSelectionType: 'NONE', exponent: 3, removeColinear: false }), continuous, 'poly', { degree: 3, eliminateColinear: false }],
    [builderXml('SVMModelBuilder', { kernelType: 'POLYNOMIAL', polyExponent: 3.0, polyUseLowerOrder: false, rbfGamma: 0.0, complexity: 2.5 }), classifier, 'svm', { kernel: 'poly', exponent: 3, c: 2.5 }],
    [builderXml('SVMModelBuilder', { kernelType: 'RBF', polyExponent: 2.0, polyUseLowerOrder: false, rbfGamma: 0.5, complexity: 1.0 }), classifier, 'svm', { kernel: 'rbf', gamma: 0.5, c: 1 }],
    [builderXml('SVMModelBuilder', { kernelType: 'LINEAR', polyExponent: 2.0, polyUseLowerOrder: false, rbfGamma: 0.0, complexity: 1.0 }), classifier, 'svm', { kernel: 'linear', c: 1 }],
    [builderXml('AdaboostModelBuilder', { numRounds: 50, baseLearnerType: 'DECISION_STUMP' }), classifier, 'adaboost', { rounds: 50, base: 'stump' }],
    [builderXml('AdaboostModelBuilder', { numRounds: 100, baseLearnerType: 'DECISION_TREE' }), classifier, 'adaboost', { rounds: 100, base: 'j48' }],
    [builderXml('J48ModelBuilder'), classifier, 'j48', {}],
    [builderXml('DecisionStumpModelBuilder'), classifier, 'stump', {}],
    [builderXml('NaiveBayesModelBuilder'), classifier, 'naive-bayes', {}],
  ];
  for (const [builder, output, model, params] of cases) {
    assert.deepEqual(choice(builder, output), { model, params, inputs: [true, true, true], notes: [] }, builder);
  }
});

test('choices Oscine lacks are left out with a note; impossible ones keep the default model', () => {
  const m5 = choice(builderXml('LinearRegressionModelBuilder', { featureSelectionType: 'M5', exponent: 1, removeColinear: false }), continuous);
  assert.deepEqual([m5.model, m5.params, m5.notes], ['linear', { eliminateColinear: false }, ['feature selection (M5) in linear regression is not in Oscine; every selected input is used']]);
  const lower = choice(builderXml('SVMModelBuilder', { kernelType: 'POLYNOMIAL', polyExponent: 2.0, polyUseLowerOrder: true, rbfGamma: 0.0, complexity: 1.0 }));
  assert.deepEqual(lower.notes, ["the SVM kernel's lower-order terms are not in Oscine; the plain polynomial kernel is used"]);
  const unknown = choice(builderXml('SimpleModelBuilder'));
  assert.deepEqual([unknown.model, unknown.params, unknown.notes], ['knn', {}, ["'mode' used SimpleModelBuilder in Wekinator, which Oscine does not have; it gets knn"]]);
  const zero = choice(builderXml('KNNModelBuilder', { numNeighbors: 0 }));
  assert.equal(zero.model, 'knn');
  assert.deepEqual(zero.params, {});
  assert.match(zero.notes[0], /^the model of 'mode' cannot be kept \(knn parameter 'k' .*\); it gets knn$/);
  const wrongTask = choice(builderXml('SVMModelBuilder', { kernelType: 'LINEAR', complexity: 1.0 }), continuous);
  assert.deepEqual([wrongTask.model, wrongTask.notes], ['mlp', ["the model of 'level' cannot be kept (svm cannot do regression); it gets mlp"]]);
});

test("an output's input selection comes across by name", () => {
  assert.deepEqual(choice(builderXml('KNNModelBuilder', { numNeighbors: 1 }), classifier, ['c', 'a']).inputs, [true, false, true]);
  const gone = choice(builderXml('KNNModelBuilder', { numNeighbors: 1 }), classifier, ['b', 'old']);
  assert.deepEqual([gone.inputs, gone.notes], [[false, true, false], ["'mode' read inputs the project no longer has (old); they are left out"]]);
  const none = choice(builderXml('KNNModelBuilder', { numNeighbors: 1 }), classifier, ['old']);
  assert.deepEqual(none.inputs, [true, true, true]);
  assert.equal(none.notes[1], "'mode' read none of the project's inputs; it reads all of them now");
});

test('a project takes each output’s model from its model file; an unreadable model file costs only a note', () => {
  const data = parseArff(currentData(['a', 'b', 'c'], [['mode', '{0,1,2,3}'], ['level', 'numeric']], ["1,'2020/01/01 00:00:00:000',1,1,2,3,2,0.5"]), 'currentData.arff');
  const models = [
    { path: 'model0.xml', bytes: javaStream(pathXml(builderXml('KNNModelBuilder', { numNeighbors: 4 }), ['a', 'c'])) },
    { path: 'model1.xml', bytes: new TextEncoder().encode('not a model') },
  ];
  const imported = wekinatorProject(project, data, 'currentData.arff', models);
  assert.deepEqual(imported.settings.outputs[0], { ...classifier, model: 'knn', params: { k: 4 }, inputs: [true, false, true] });
  assert.deepEqual(imported.settings.outputs[1], continuous);
  assert.deepEqual(imported.notes, ["model1.xml: not a Java serialisation stream as Wekinator writes its model files; 'level' gets mlp and reads every input"]);
  assert.equal(imported.examples.length, 1);
  assert.deepEqual(wekinatorProject(project, data, 'currentData.arff', []).settings, project);
});
