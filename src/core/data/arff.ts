import { DEFAULT_DATE_FORMAT, dateFormatProblem, formatDate, parseDate } from './dates.ts';
import { type Attribute, type Dataset, isMissing } from './dataset.ts';
import { TextCursor, isNonFiniteNumber, locatedError, readNumber, stripComment } from './text-cursor.ts';

/**
 * Reads Weka's ARFF format: numeric, nominal, string and date attributes, quoted names,
 * comments, `?` for missing values, and sparse rows. `source` names the file in errors.
 */
export function parseArff(text: string, source = 'ARFF data'): Dataset {
  const lines = text.split(/\r?\n/);
  let relation = '';
  const attributes: Attribute[] = [];
  const rows: Float64Array[] = [];
  let inData = false;

  lines.forEach((raw, index) => {
    const line = stripComment(raw, '%');
    if (line.trim() === '') return;
    const cursor = new TextCursor(line, source, index + 1);
    if (inData) {
      rows.push(line.trim().startsWith('{') ? sparseRow(cursor, attributes) : denseRow(cursor, attributes));
      return;
    }
    const keyword = cursor.token('').value.toLowerCase();
    if (keyword === '@relation') relation = cursor.token('').value;
    else if (keyword === '@attribute') attributes.push(attributeDeclaration(cursor, attributes));
    else if (keyword === '@data') {
      if (attributes.length === 0) cursor.fail('@data comes before any @attribute');
      inData = true;
    } else cursor.fail(`expected @relation, @attribute or @data, found '${keyword}'`, 0);
  });

  if (!inData) {
    const last = lines.length;
    throw locatedError(source, last, lines[last - 1].length + 1, 'the file ends without a @data line; is this an ARFF file?');
  }
  return { relation, attributes, rows };
}

function attributeDeclaration(cursor: TextCursor, existing: readonly Attribute[]): Attribute {
  const { value: name, start } = cursor.token('{');
  if (name === '') cursor.fail('the attribute has no name', start);
  if (existing.some((a) => a.name === name)) cursor.fail(`the attribute '${name}' is declared twice`, start);
  if (cursor.take('{')) {
    const values: string[] = [];
    while (!cursor.take('}')) {
      if (cursor.atEnd()) cursor.fail(`the list of values of '${name}' is never closed with }`);
      values.push(cursor.token(',}').value);
      cursor.take(',');
    }
    return { name, kind: 'nominal', values };
  }
  const typeStart = cursor.position;
  const type = cursor.token('').value.toLowerCase();
  if (type === 'numeric' || type === 'real' || type === 'integer') return { name, kind: 'numeric' };
  if (type === 'string') return { name, kind: 'string', values: [] };
  if (type === 'date') {
    const written = cursor.atEnd() ? undefined : cursor.token('');
    const format = written?.value ?? DEFAULT_DATE_FORMAT;
    const problem = dateFormatProblem(format);
    if (problem) cursor.fail(problem, written?.start);
    return { name, kind: 'date', format };
  }
  return cursor.fail(`'${type}' is not an attribute type Oscine reads (numeric, nominal {…}, string, date)`, typeStart);
}

function denseRow(cursor: TextCursor, attributes: readonly Attribute[]): Float64Array {
  const row = new Float64Array(attributes.length);
  attributes.forEach((attribute, i) => {
    if (i > 0) cursor.expect(',', `a comma and ${attributes.length} values in all`);
    const token = cursor.token(',');
    row[i] = decodeValue(cursor, attribute, token.value, token.quoted, token.start);
  });
  if (!cursor.atEnd()) cursor.fail(`more than ${attributes.length} values (one per attribute)`);
  return row;
}

function sparseRow(cursor: TextCursor, attributes: readonly Attribute[]): Float64Array {
  // A value left out is 0, which for a string attribute would be whichever text came first;
  // Weka puts a dummy string there, Oscine a missing value.
  const row = Float64Array.from(attributes, (attribute) => (attribute.kind === 'string' ? Number.NaN : 0));
  cursor.expect('{', '{');
  while (!cursor.take('}')) {
    if (cursor.atEnd()) cursor.fail('the sparse row is never closed with }');
    const indexToken = cursor.token(',}');
    const index = Number(indexToken.value);
    if (!Number.isInteger(index) || index < 0 || index >= attributes.length) {
      cursor.fail(`'${indexToken.value}' is not an attribute index from 0 to ${attributes.length - 1}`, indexToken.start);
    }
    const token = cursor.token(',}');
    row[index] = decodeValue(cursor, attributes[index], token.value, token.quoted, token.start);
    cursor.take(',');
  }
  return row;
}

function decodeValue(cursor: TextCursor, attribute: Attribute, text: string, quoted: boolean, at: number): number {
  if (text === '?' && !quoted) return Number.NaN;
  if (text === '' && !quoted) cursor.fail(`a value for '${attribute.name}' is missing (write ? for an unknown value)`, at);
  switch (attribute.kind) {
    case 'numeric': {
      const value = readNumber(text);
      if (value === undefined) {
        const hint = isNonFiniteNumber(text) ? ' (write ? for an unknown value)' : '';
        cursor.fail(`'${text}' is not a number, and '${attribute.name}' is numeric${hint}`, at);
      }
      return value;
    }
    case 'nominal': {
      const index = attribute.values.indexOf(text);
      if (index < 0) {
        cursor.fail(`'${text}' is not one of the values of '${attribute.name}' {${attribute.values.join(',')}}`, at);
      }
      return index;
    }
    case 'string': {
      const index = attribute.values.indexOf(text);
      if (index >= 0) return index;
      attribute.values.push(text);
      return attribute.values.length - 1;
    }
    case 'date': {
      const time = parseDate(text, attribute.format);
      if (time === undefined) cursor.fail(`'${text}' is not a date in the form ${attribute.format}`, at);
      return time;
    }
  }
}

/** Writes a dataset as ARFF that Weka reads back unchanged. */
export function writeArff(dataset: Dataset): string {
  const lines = [`@relation ${quote(dataset.relation || 'oscine')}`, ''];
  for (const attribute of dataset.attributes) lines.push(`@attribute ${quote(attribute.name)} ${typeText(attribute)}`);
  lines.push('', '@data');
  for (const row of dataset.rows) {
    lines.push(dataset.attributes.map((attribute, i) => encodeValue(attribute, row[i])).join(','));
  }
  return lines.join('\n') + '\n';
}

function typeText(attribute: Attribute): string {
  switch (attribute.kind) {
    case 'numeric':
      return 'numeric';
    case 'nominal':
      return `{${attribute.values.map(quote).join(',')}}`;
    case 'string':
      return 'string';
    case 'date':
      return `date ${quote(attribute.format)}`;
  }
}

function encodeValue(attribute: Attribute, value: number): string {
  return isMissing(value) ? '?' : quote(valueText(attribute, value));
}

/** A value as a user writes it: the number, the label, or the date in the attribute's format. */
export function valueText(attribute: Attribute, value: number): string {
  switch (attribute.kind) {
    case 'numeric':
      return String(value);
    case 'nominal':
    case 'string':
      return attribute.values[value];
    case 'date':
      return formatDate(value, attribute.format);
  }
}

/** Quotes a name or value only when ARFF needs it to. */
export function quote(text: string): string {
  if (text !== '' && text !== '?' && !/[\s,{}'"%\\]/.test(text)) return text;
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r') // Weka's reader ends a line at a bare carriage return
    .replace(/\t/g, '\\t');
  return `'${escaped}'`;
}
