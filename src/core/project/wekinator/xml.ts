import { locatedError } from '../../data/text-cursor.ts';

/** One element of an XML document: its attributes, child elements and its own text. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The text directly inside the element (not its children's), entities decoded. */
  readonly text: string;
  /** Where the element starts, for messages. */
  readonly line: number;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME = /[A-Za-z_:\u00C0-\uFFFF][-\w.:\u00B7\u00C0-\uFFFF]*/y;

/**
 * Reads the XML that Wekinator (through XStream) writes: elements, attributes, text with the
 * five named entities and numeric character references, CDATA sections, comments and the
 * `<?xml?>` declaration. Document type declarations are refused, not half-read. `source`
 * names the file in errors ("inputConfig.xml, line 3, column 5: ...").
 */
export function parseXml(text: string, source: string): XmlElement {
  return new XmlReader(text.replace(/^\uFEFF/, ''), source).document();
}

class XmlReader {
  private at = 0;
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly text: string,
    private readonly source: string,
  ) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  document(): XmlElement {
    this.skipMisc();
    if (this.at >= this.text.length) this.fail('the file is empty; expected an XML document');
    if (this.text.startsWith('<!DOCTYPE', this.at)) this.fail('document type declarations (<!DOCTYPE>) are not supported');
    if (this.text[this.at] !== '<') this.fail('expected an element such as <OSCInputGroup>');
    const root = this.element();
    this.skipMisc();
    if (this.at < this.text.length) this.fail('only one top-level element is allowed; this is more after it');
    return root;
  }

  /** Skips white space, comments and processing instructions (the declaration among them). */
  private skipMisc(): void {
    for (;;) {
      while (/\s/.test(this.text[this.at] ?? '')) this.at++;
      if (this.text.startsWith('<!--', this.at)) this.comment();
      else if (this.text.startsWith('<?', this.at)) this.skipPast('?>', 'the processing instruction <? is never closed with ?>');
      else return;
    }
  }

  private comment(): void {
    this.skipPast('-->', 'the comment <!-- is never closed with -->');
  }

  private skipPast(end: string, problem: string): void {
    const found = this.text.indexOf(end, this.at);
    if (found < 0) this.fail(problem);
    this.at = found + end.length;
  }

  private element(): XmlElement {
    const start = this.at;
    this.at++; // '<'
    const name = this.name('an element name after <');
    const attributes: Record<string, string> = {};
    for (;;) {
      const spaced = this.skipSpaces();
      const c = this.text[this.at];
      if (c === '/' || c === '>') break;
      if (c === undefined) this.fail(`the tag <${name}> is never closed with >`, start);
      if (!spaced) this.fail(`expected a space, > or /> in the tag <${name}>`);
      const attribute = this.name(`an attribute name in <${name}>`);
      if (attribute in attributes) this.fail(`the attribute '${attribute}' is given twice in <${name}>`);
      this.skipSpaces();
      if (this.text[this.at] !== '=') this.fail(`expected = after the attribute '${attribute}' in <${name}>`);
      this.at++;
      this.skipSpaces();
      attributes[attribute] = this.attributeValue(attribute);
    }
    const line = this.lineOf(start);
    if (this.text.startsWith('/>', this.at)) {
      this.at += 2;
      return { name, attributes, children: [], text: '', line };
    }
    this.at++; // '>'
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (this.at >= this.text.length) this.fail(`<${name}> is never closed with </${name}>`, start);
      if (this.text.startsWith('</', this.at)) break;
      if (this.text.startsWith('<!--', this.at)) this.comment();
      else if (this.text.startsWith('<![CDATA[', this.at)) text += this.cdata();
      else if (this.text.startsWith('<?', this.at)) this.skipPast('?>', 'the processing instruction <? is never closed with ?>');
      else if (this.text[this.at] === '<') children.push(this.element());
      else text += this.characters('<');
    }
    const closeAt = this.at;
    this.at += 2;
    const closing = this.name(`the element name after </ (closing <${name}>)`);
    if (closing !== name) this.fail(`</${closing}> closes <${name}>, which was opened on line ${line}`, closeAt);
    this.skipSpaces();
    if (this.text[this.at] !== '>') this.fail(`expected > after </${closing}`);
    this.at++;
    return { name, attributes, children, text, line };
  }

  private attributeValue(attribute: string): string {
    const quote = this.text[this.at];
    if (quote !== '"' && quote !== "'") this.fail(`the value of '${attribute}' must be in quotes`);
    const start = this.at;
    this.at++;
    const value = this.characters(quote);
    if (this.text[this.at] !== quote) this.fail(`the quote ${quote} that starts the value of '${attribute}' is never closed`, start);
    this.at++;
    return value;
  }

  /** Text up to `stop` (or the end), with entities decoded. */
  private characters(stop: string): string {
    let value = '';
    while (this.at < this.text.length && this.text[this.at] !== stop) {
      const c = this.text[this.at];
      if (c === '&') value += this.entity();
      else if (c === '<') this.fail('a < inside a value must be written &lt;');
      else {
        value += c;
        this.at++;
      }
    }
    return value;
  }

  private entity(): string {
    const start = this.at;
    const end = this.text.indexOf(';', start);
    const body = end < 0 ? '' : this.text.slice(start + 1, end);
    let decoded: string | undefined = ENTITIES[body];
    const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(body);
    if (numeric) {
      const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
      if (code > 0 && code <= 0x10ffff) decoded = String.fromCodePoint(code);
    }
    if (decoded === undefined) {
      const shown = end < 0 || end - start > 12 ? '&' : `&${body};`;
      this.fail(`'${shown}' is not an entity this reader knows (write &amp; for &)`, start);
    }
    this.at = end + 1;
    return decoded;
  }

  private cdata(): string {
    const start = this.at + '<![CDATA['.length;
    const end = this.text.indexOf(']]>', start);
    if (end < 0) this.fail('the <![CDATA[ section is never closed with ]]>');
    this.at = end + 3;
    return this.text.slice(start, end);
  }

  private name(what: string): string {
    NAME.lastIndex = this.at;
    const match = NAME.exec(this.text);
    if (!match) this.fail(`expected ${what}`);
    this.at += match[0].length;
    return match[0];
  }

  private skipSpaces(): boolean {
    const start = this.at;
    while (/\s/.test(this.text[this.at] ?? '')) this.at++;
    return this.at > start;
  }

  private lineOf(position: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= position) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  private fail(message: string, position = this.at): never {
    const line = this.lineOf(position);
    throw locatedError(this.source, line, position - this.lineStarts[line - 1] + 1, message);
  }
}
