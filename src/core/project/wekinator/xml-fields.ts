import { InputError } from '../../errors.ts';
import type { XmlElement } from './xml.ts';

/**
 * Reads the fields XStream writes as child elements (`<min>-1.0</min>`) with messages that say
 * which file, line and field is wrong, and what was expected. `what` names the element for a
 * person ("output 'pitch'"), `source` the file.
 */
export class XmlFields {
  constructor(
    readonly element: XmlElement,
    private readonly source: string,
    private readonly what = `<${element.name}>`,
  ) {}

  has(name: string): boolean {
    return this.element.children.some((c) => c.name === name);
  }

  child(name: string): XmlElement {
    const found = this.element.children.find((c) => c.name === name);
    if (!found) throw this.error(this.element, `${this.what} has no <${name}>`);
    return found;
  }

  /** The text of a field, as written (names keep their spaces). */
  text(name: string): string {
    return this.child(name).text;
  }

  integer(name: string): number {
    const text = this.text(name).trim();
    if (!/^[+-]?\d+$/.test(text)) throw this.error(this.child(name), `<${name}> of ${this.what} is '${text}', not a whole number`);
    return Number(text);
  }

  number(name: string): number {
    const text = this.text(name).trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) throw this.error(this.child(name), `<${name}> of ${this.what} is '${text}', not a number`);
    return value;
  }

  /** A boolean field, or `fallback` when it is absent (older Wekinator versions left some out). */
  boolean(name: string, fallback: boolean): boolean {
    if (!this.has(name)) return fallback;
    const text = this.text(name).trim();
    if (text !== 'true' && text !== 'false') throw this.error(this.child(name), `<${name}> of ${this.what} is '${text}', not true or false`);
    return text === 'true';
  }

  /** One of the names of a Java enum. */
  choice<T extends string>(name: string, choices: readonly T[]): T {
    const text = this.text(name).trim();
    const found = choices.find((c) => c === text);
    if (found === undefined) throw this.error(this.child(name), `<${name}> of ${this.what} is '${text}'; expected ${choices.join(' or ')}`);
    return found;
  }

  /** A list of strings, as XStream writes an array or a list: `<inputNames><string>x</string>…`. */
  strings(name: string): string[] {
    return this.child(name).children.map((item) => {
      if (item.name !== 'string') throw this.error(item, `<${name}> of ${this.what} should hold only <string> items, not <${item.name}>`);
      return item.text;
    });
  }

  error(at: XmlElement, message: string): InputError {
    return new InputError(`${this.source}, line ${at.line}: ${message}`);
  }
}
