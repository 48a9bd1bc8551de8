import { InputError } from '../errors.ts';

/**
 * Reads one line of a data file token by token, keeping track of the column so that every
 * error can say exactly where it is: "iris.arff, line 12, column 5: ...".
 */
export class TextCursor {
  position = 0;

  constructor(
    readonly text: string,
    private readonly source: string,
    private readonly lineNumber: number,
  ) {}

  fail(message: string, at = this.position): never {
    throw locatedError(this.source, this.lineNumber, at + 1, message);
  }

  skipSpaces(): void {
    while (this.position < this.text.length && /\s/.test(this.text[this.position])) this.position++;
  }

  atEnd(): boolean {
    this.skipSpaces();
    return this.position >= this.text.length;
  }

  peek(): string {
    this.skipSpaces();
    return this.text[this.position] ?? '';
  }

  /** Consumes `char` if it comes next; returns whether it did. */
  take(char: string): boolean {
    if (this.peek() !== char) return false;
    this.position++;
    return true;
  }

  expect(char: string, what: string): void {
    if (!this.take(char)) this.fail(`expected ${what}`);
  }

  /**
   * A quoted token ('…' or "…", with backslash escapes) or a bare one that runs up to white
   * space or one of `stops`. Returns the token and whether it was quoted.
   */
  token(stops: string): { value: string; quoted: boolean; start: number } {
    this.skipSpaces();
    const start = this.position;
    const quote = this.text[start];
    if (quote === "'" || quote === '"') {
      let value = '';
      for (let i = start + 1; i < this.text.length; i++) {
        const c = this.text[i];
        if (c === '\\' && i + 1 < this.text.length) {
          const next = this.text[++i];
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next;
        } else if (c === quote) {
          this.position = i + 1;
          return { value, quoted: true, start };
        } else {
          value += c;
        }
      }
      this.fail(`the quote ${quote} is never closed`, start);
    }
    let end = start;
    while (end < this.text.length && !/\s/.test(this.text[end]) && !stops.includes(this.text[end])) end++;
    this.position = end;
    return { value: this.text.slice(start, end), quoted: false, start };
  }

  /** Everything left on the line, trimmed. */
  rest(): string {
    const value = this.text.slice(this.position).trim();
    this.position = this.text.length;
    return value;
  }
}

/** The one shape of every data-file error: "iris.arff, line 12, column 5: what is wrong". */
export function locatedError(source: string, line: number, column: number, message: string): InputError {
  return new InputError(`${source}, line ${line}, column ${column}: ${message}`);
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A finite number as data files write it (`12`, `-0.5`, `.5`, `1e-3`), or undefined. Stricter
 * than `Number()`, which also takes `0x1F`, `0b1`, `Infinity` and the empty string.
 */
export function readNumber(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Text a program would take for a number that is not finite: `NaN`, `Infinity`, `-inf`, `1e999`. */
export function isNonFiniteNumber(text: string): boolean {
  return /^[+-]?(nan|inf|infinity)$/i.test(text) || (DECIMAL.test(text) && !Number.isFinite(Number(text)));
}

/** Removes a `%` comment that is not inside quotes. */
export function stripComment(line: string, marker: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === marker) {
      return line.slice(0, i);
    }
  }
  return line;
}
