import { InputError } from '../../errors.ts';

const MAGIC = 0xaced;
const VERSION = 5;
const TC_STRING = 0x74;
const TC_LONGSTRING = 0x7c;

/**
 * The first object of a Java serialisation stream, when it is a String. Wekinator's model files
 * (`current/models/model0.xml`…) are such streams: first the output's settings as XStream XML
 * (a String), then the trained Java model, which nothing outside a JVM can read.
 */
export function firstJavaString(bytes: Uint8Array, source: string): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (problem: string): never => {
    throw new InputError(`${source}: ${problem}`);
  };
  if (bytes.length < 7 || view.getUint16(0) !== MAGIC || view.getUint16(2) !== VERSION) fail('not a Java serialisation stream as Wekinator writes its model files');
  const tag = bytes[4];
  let start: number;
  let length: number;
  if (tag === TC_STRING) {
    start = 7;
    length = view.getUint16(5);
  } else if (tag === TC_LONGSTRING && bytes.length >= 13) {
    start = 13;
    length = Number(view.getBigUint64(5));
  } else {
    return fail('the stream does not start with the model settings (a string)');
  }
  if (start + length > bytes.length) fail(`the settings are cut short (${bytes.length - start} of ${length} bytes)`);
  return modifiedUtf8(bytes.subarray(start, start + length), fail);
}

/** Java's "modified UTF-8": one to three bytes per UTF-16 unit (so surrogates come in pairs). */
function modifiedUtf8(bytes: Uint8Array, fail: (problem: string) => never): string {
  const units: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const a = bytes[i];
    if (a < 0x80) {
      units.push(a);
      i += 1;
    } else if ((a & 0xe0) === 0xc0 && (bytes[i + 1] & 0xc0) === 0x80) {
      units.push(((a & 0x1f) << 6) | (bytes[i + 1] & 0x3f));
      i += 2;
    } else if ((a & 0xf0) === 0xe0 && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80) {
      units.push(((a & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f));
      i += 3;
    } else {
      fail(`byte ${i} of the settings is not valid modified UTF-8`);
    }
  }
  let text = '';
  for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode(...units.slice(i, i + 8192));
  return text;
}
