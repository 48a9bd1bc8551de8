import { valueText } from './arff.ts';
import { type Attribute, type Dataset, isMissing } from './dataset.ts';
import { isNonFiniteNumber, locatedError, readNumber } from './text-cursor.ts';

/** One field of a CSV file and where it starts (1-based line and column). */
interface Cell {
  readonly text: string;
  readonly quoted: boolean;
  readonly line: number;
  readonly column: number;
}

/** One row of fields, and where it ends, for "too few values" errors. */
interface Row {
  readonly cells: Cell[];
  readonly endLine: number;
  readonly endColumn: number;
}

/**
 * Reads a comma-separated file as a spreadsheet writes it: the first row names the columns,
 * fields may be "quoted" (holding commas, line breaks and "" for a quote), spaces around a
 * field are dropped, `?` or an empty field is missing. A column whose every value is a number
 * is numeric, any other is nominal with its values in order of first appearance, as in Weka's
 * CSVLoader; `NaN` or `Infinity` among numbers is refused rather than guessed at. `source`
 * names the file in errors and, without its folder and extension, becomes the relation name.
 */
export function parseCsv(text: string, source = 'CSV data'): Dataset {
  const [header, ...body] = new RowReader(text.replace(/^\uFEFF/, ''), source).rows();
  if (!header) throw locatedError(source, 1, 1, 'the file is empty; its first line must name the columns, e.g. x,y,label');
  const names = columnNames(header, source);
  for (const row of body) checkWidth(row, names.length, source);
  const columns = names.map((name, j) => readColumn(name, body.map((row) => row.cells[j]), source));
  const rows = body.map((_, r) => Float64Array.from(columns, (column) => column.values[r]));
  return { relation: source.replace(/^.*[\\/]/, '').replace(/\.csv$/i, ''), attributes: columns.map((c) => c.attribute), rows };
}

function columnNames(header: Row, source: string): string[] {
  const only = header.cells.length === 1 ? header.cells[0] : undefined;
  const separator = only && !only.quoted ? /[;\t]/.exec(only.text)?.[0] : undefined;
  if (only && separator) {
    const name = separator === ';' ? 'semicolons' : 'tabs';
    throw locatedError(source, only.line, only.column,
      `the first line is separated by ${name}, not commas; save the file as comma-separated values (CSV)`);
  }
  const names: string[] = [];
  header.cells.forEach((cell, j) => {
    if (cell.text === '') {
      throw locatedError(source, cell.line, cell.column, `column ${j + 1} has no name; the first line must name every column`);
    }
    if (names.includes(cell.text)) {
      throw locatedError(source, cell.line, cell.column, `the name '${cell.text}' is given to two columns; each column needs its own name`);
    }
    names.push(cell.text);
  });
  return names;
}

function checkWidth(row: Row, width: number, source: string): void {
  const count = row.cells.length;
  if (count === width) return;
  const mismatch = `this row has ${plural(count, 'value')} but the first line names ${plural(width, 'column')}`;
  if (count > width) {
    const extra = row.cells[width];
    throw locatedError(source, extra.line, extra.column, `${mismatch}; put a value that holds a comma in "quotes"`);
  }
  throw locatedError(source, row.endLine, row.endColumn, `${mismatch}; write ? for an unknown value`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function isMissingText(text: string): boolean {
  return text === '' || text === '?';
}

/** Decides a column's kind from its values and turns them into numbers (NaN where missing). */
function readColumn(name: string, cells: readonly Cell[], source: string): { attribute: Attribute; values: Float64Array } {
  const numbers = cells.map((cell) => (isMissingText(cell.text) ? Number.NaN : readNumber(cell.text)));
  const notNumbers = cells.filter((_, r) => numbers[r] === undefined);
  if (notNumbers.length === 0) {
    return { attribute: { name, kind: 'numeric' }, values: Float64Array.from(numbers as number[]) };
  }
  if (notNumbers.every((cell) => isNonFiniteNumber(cell.text))) {
    const cell = notNumbers[0];
    throw locatedError(source, cell.line, cell.column,
      `'${cell.text}' in the numeric column '${name}' is not a usable number; write ? for an unknown value`);
  }
  const labels: string[] = [];
  const indexOf = new Map<string, number>();
  const values = Float64Array.from(cells, (cell) => {
    if (isMissingText(cell.text)) return Number.NaN;
    let index = indexOf.get(cell.text);
    if (index === undefined) {
      index = labels.push(cell.text) - 1;
      indexOf.set(cell.text, index);
    }
    return index;
  });
  return { attribute: { name, kind: 'nominal', values: labels }, values };
}

/** Splits CSV text into rows of fields (RFC 4180), skipping blank lines. */
class RowReader {
  private at = 0;
  private line = 1;
  private lineStart = 0;

  constructor(
    private readonly text: string,
    private readonly source: string,
  ) {}

  rows(): Row[] {
    const rows: Row[] = [];
    while (this.at < this.text.length) {
      const cells = [this.cell()];
      while (this.text[this.at] === ',') {
        this.at++;
        cells.push(this.cell());
      }
      const blank = cells.length === 1 && cells[0].text === '' && !cells[0].quoted;
      if (!blank) rows.push({ cells, endLine: this.line, endColumn: this.column() });
      this.skipLineEnd();
    }
    return rows;
  }

  private column(): number {
    return this.at - this.lineStart + 1;
  }

  private cell(): Cell {
    while (this.isBlank()) this.at++;
    const line = this.line;
    const column = this.column();
    if (this.text[this.at] !== '"') {
      const start = this.at;
      while (this.at < this.text.length && this.text[this.at] !== ',' && !this.isLineEnd()) this.at++;
      return { text: this.text.slice(start, this.at).trim(), quoted: false, line, column };
    }
    const text = this.quoted(line, column);
    while (this.isBlank()) this.at++;
    if (this.at < this.text.length && this.text[this.at] !== ',' && !this.isLineEnd()) {
      throw locatedError(this.source, this.line, this.column(), 'expected a comma after the quoted value; write "" for a quote inside quotes');
    }
    return { text, quoted: true, line, column };
  }

  /** The text between quotes, which may hold commas, line breaks and "" for one quote. */
  private quoted(line: number, column: number): string {
    let value = '';
    this.at++;
    for (;;) {
      if (this.at >= this.text.length) {
        throw locatedError(this.source, line, column, 'this quote is never closed; end the value with " (and write "" for a quote inside it)');
      }
      const c = this.text[this.at];
      if (c === '"' && this.text[this.at + 1] === '"') {
        value += '"';
        this.at += 2;
      } else if (c === '"') {
        this.at++;
        return value;
      } else if (this.isLineEnd()) {
        const start = this.at;
        this.skipLineEnd();
        value += this.text.slice(start, this.at);
      } else {
        value += c;
        this.at++;
      }
    }
  }

  private isBlank(): boolean {
    return this.text[this.at] === ' ' || this.text[this.at] === '\t';
  }

  private isLineEnd(): boolean {
    return this.text[this.at] === '\n' || this.text[this.at] === '\r';
  }

  private skipLineEnd(): void {
    if (this.at >= this.text.length) return;
    this.at += this.text.startsWith('\r\n', this.at) ? 2 : 1;
    this.line++;
    this.lineStart = this.at;
  }
}

/**
 * Writes the header and the rows, quoting a field only when it must be quoted, `?` for a
 * missing value. parseCsv reads it back unchanged except where CSV cannot say it: a nominal
 * column of numbers comes back numeric, nominal values come back in order of first
 * appearance, a value that is empty or `?` comes back missing, and dates and strings come
 * back as nominal.
 */
export function writeCsv(dataset: Dataset): string {
  const lines = [dataset.attributes.map((attribute) => field(attribute.name)).join(',')];
  for (const row of dataset.rows) {
    lines.push(dataset.attributes.map((attribute, i) => (isMissing(row[i]) ? '?' : field(valueText(attribute, row[i])))).join(','));
  }
  return lines.join('\n') + '\n';
}

/** Quotes a field only when a reader would otherwise split, trim or lose it. */
function field(text: string): string {
  const plain = text !== '' && text !== '?' && text === text.trim() && !/[",\r\n]/.test(text);
  return plain ? text : `"${text.replace(/"/g, '""')}"`;
}
