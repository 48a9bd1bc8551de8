import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real projects saved by Wekinator users (see shared/data/README.md). */
export const REAL_PROJECTS = fileURLToPath(new URL('../../../../shared/data/wekinator-projects/', import.meta.url));

/** Hand-made Wekinator 2.x files, written as Wekinator's XStream writes them. */
export const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function wekproj(name: string, port = 6448): string {
  return `<?xml version="1.0"?>\n<WekinatorFileData>\n  <oscReceivePort>${port}</oscReceivePort>\n  <projectName>${escape(name)}</projectName>\n</WekinatorFileData>`;
}

export function inputConfig(names: readonly string[], address = '/wek/inputs', count = names.length): string {
  const items = names.map((n) => `    <string>${escape(n)}</string>`).join('\n');
  return `<?xml version="1.0"?>\n<OSCInputGroup>\n  <oscMessage>${address}</oscMessage>\n  <numInputs>${count}</numInputs>\n  <groupName>Inputs</groupName>\n  <inputNames>\n${items}\n  </inputNames>\n</OSCInputGroup>`;
}

export function numericOutput(name: string, min: number | string, max: number | string, type: string = 'REAL', limit: string = 'SOFT'): string {
  return [
    '    <wekimini.osc.OSCNumericOutput>',
    `      <name>${escape(name)}</name>`,
    `      <min>${min}</min>`,
    `      <max>${max}</max>`,
    `      <outputType>${type}</outputType>`,
    `      <limitType>${limit}</limitType>`,
    `      <trainingDataLimitRestriction>${limit === 'HARD' ? 'ENFORCE_LIMITS' : 'DONT_ENFORCE_LIMITS'}</trainingDataLimitRestriction>`,
    '      <trainingDataIntegerRestriction>DONT_ENFORCE_INTEGER</trainingDataIntegerRestriction>',
    '    </wekimini.osc.OSCNumericOutput>',
  ].join('\n');
}

export function classifierOutput(name: string, classes: number, distribution?: boolean): string {
  const sending = distribution === undefined ? '' : `\n      <isSendingDistribution>${distribution}</isSendingDistribution>`;
  return `    <wekimini.osc.OSCClassificationOutput>\n      <name>${escape(name)}</name>\n      <numClasses>${classes}</numClasses>${sending}\n    </wekimini.osc.OSCClassificationOutput>`;
}

export function gestureOutput(name: string): string {
  return `    <wekimini.osc.OSCDtwOutput>\n      <name>${escape(name)}</name>\n      <numGestures>2</numGestures>\n    </wekimini.osc.OSCDtwOutput>`;
}

export function outputConfig(outputs: readonly string[], host = 'localhost', port = 12000, address = '/wek/outputs'): string {
  return `<?xml version="1.0"?>\n<OSCOutputGroup>\n  <oscMessage>${address}</oscMessage>\n  <hostName>${host}</hostName>\n  <outputPort>${port}</outputPort>\n  <outputs class="linked-list">\n${outputs.join('\n')}\n  </outputs>\n</OSCOutputGroup>`;
}

/** currentData.arff as Wekinator's ArffSaver writes it; `outputs` are the output columns' ARFF types. */
export function currentData(inputs: readonly string[], outputs: readonly [string, string][], rows: readonly string[]): string {
  const attributes = [
    '@attribute ID numeric',
    "@attribute Time date 'yyyy/MM/dd HH:mm:ss:SSS'",
    "@attribute 'Training round' numeric",
    ...inputs.map((n) => `@attribute ${n} numeric`),
    ...outputs.map(([n, type]) => `@attribute ${n} ${type}`),
  ];
  return ['@relation dataset', '', ...attributes, '', '@data', ...rows, ''].join('\n');
}

export interface FolderFiles {
  readonly project: string;
  readonly inputs: string;
  readonly outputs: string;
  readonly data?: string;
  readonly models?: Readonly<Record<number, Uint8Array>>;
}

/** Writes a Wekinator project folder; a file left undefined is left out. */
export function writeFolder(folder: string, name: string, files: FolderFiles): string {
  mkdirSync(join(folder, 'current', 'models'), { recursive: true });
  writeFileSync(join(folder, `${name}.wekproj`), files.project);
  writeFileSync(join(folder, 'inputConfig.xml'), files.inputs);
  writeFileSync(join(folder, 'outputConfig.xml'), files.outputs);
  if (files.data !== undefined) writeFileSync(join(folder, 'current', 'currentData.arff'), files.data);
  for (const [j, bytes] of Object.entries(files.models ?? {})) writeFileSync(join(folder, 'current', 'models', `model${j}.xml`), bytes);
  return folder;
}

/** The settings XML at the start of a model file, as XStream writes a Wekinator Path. */
export function pathXml(builder: string, inputs: readonly string[]): string {
  const names = inputs.map((n) => `    <string>${escape(n)}</string>`).join('\n');
  return [
    '<Path>',
    builder,
    '  <output class="wekimini.osc.OSCClassificationOutput">',
    '    <name>mode</name>',
    '    <numClasses>3</numClasses>',
    '    <isSendingDistribution>false</isSendingDistribution>',
    '  </output>',
    '  <inputNames class="linked-list">',
    names,
    '  </inputNames>',
    '  <outputNeedsCorrection>false</outputNeedsCorrection>',
    '  <modelState>BUILT</modelState>',
    '  <recordEnabled>true</recordEnabled>',
    '  <runEnabled>true</runEnabled>',
    '  <numExamples>12</numExamples>',
    '  <currentModelName>mode-v1</currentModelName>',
    '  <lastModelState>NOT_READY</lastModelState>',
    '  <trainingCompleted>true</trainingCompleted>',
    '</Path>',
  ].join('\n');
}

/** `<modelBuilder class="wekimini.learning.<kind>">` with its fields. */
export function builderXml(kind: string, fields: Readonly<Record<string, string | number | boolean>> = {}): string {
  const body = Object.entries(fields).map(([k, v]) => `    <${k}>${v}</${k}>`);
  return [`  <modelBuilder class="wekimini.learning.${kind}">`, ...body, '  </modelBuilder>'].join('\n');
}

/** Java's modified UTF-8, written out from its definition (one to three bytes per UTF-16 unit). */
export function modifiedUtf8(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u >= 1 && u <= 0x7f) bytes.push(u);
    else if (u <= 0x7ff) bytes.push(0xc0 | (u >> 6), 0x80 | (u & 0x3f));
    else bytes.push(0xe0 | (u >> 12), 0x80 | ((u >> 6) & 0x3f), 0x80 | (u & 0x3f));
  }
  return bytes;
}

/** A Java serialisation stream whose first object is `text`, as ObjectOutputStream.writeObject writes a String, then `rest`. */
export function javaStream(text: string, rest: readonly number[] = [0x74, 0, 4, 0x6e, 0x75, 0x6c, 0x6c]): Uint8Array {
  const body = modifiedUtf8(text);
  const header = body.length <= 0xffff
    ? [0x74, body.length >> 8, body.length & 0xff]
    : [0x7c, 0, 0, 0, 0, (body.length >>> 24) & 0xff, (body.length >> 16) & 0xff, (body.length >> 8) & 0xff, body.length & 0xff];
  return Uint8Array.from([0xac, 0xed, 0x00, 0x05, ...header, ...body, ...rest]);
}
