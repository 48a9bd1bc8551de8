import { InputError } from '../../core/errors.ts';
import { TextCursor, readNumber, stripComment } from '../../core/data/text-cursor.ts';
import { beatTicks } from './meter.ts';
import { DEFAULT_TICKS_PER_QUARTER, DRUMS, type Loop, type Meter, type Pattern, emptyPattern, ticksPerBar } from './pattern.ts';
import { formatStep, isRest, levelVelocity, markedVelocity, scanNumber } from './text-grid-cells.ts';

export type { Loop } from './pattern.ts';

/*
 * The text grid: loops written by hand, several to a file. `#` starts a comment.
 *
 *   loop "Rock 1" 4/4 bars 1 step 1/16 tpq 12 style rock bpm 100
 *   kick        x...|....|x.x.|....
 *   snare       ....|X...|....|X..g
 *   closed-hat  x.x.|x.x.|x.x.|x.x>0.3
 *
 * The `loop` line gives the name (quoted when it has spaces), the meter (4/4, 3/4, 5/4, 6/8,
 * 12/8, …) and, in any order, `bars` (default 1), `step` (the note value of one character:
 * 1/8, 1/16, 1/8t, 1/16t, … or `tick`; default 1/16), `tpq` (ticks per quarter note, default 12),
 * `style` and `bpm` (quarter notes per minute). Then one line per drum that plays: its name
 * (kick, snare, closed-hat, open-hat, low-tom, mid-tom, high-tom, crash, ride; or bd, sd, hh, oh,
 * lt, mt, ht, cr, rd) and one step per character for every bar (see text-grid-cells.ts); `|` and
 * spaces between steps are only for the eye, but a space must end a mark's number before a
 * digit step (`x>0.3 5`, not `x>0.35`).
 */

const ALIASES: Readonly<Record<string, string>> = { bd: 'kick', sd: 'snare', hh: 'closed-hat', ch: 'closed-hat', oh: 'open-hat', lt: 'low-tom', mt: 'mid-tom', ht: 'high-tom', cr: 'crash', rd: 'ride' };
const KEYS = ['bars', 'step', 'tpq', 'style', 'bpm'];
const DEFAULT_STEP = '1/16';
/** The steps `formatTextGrid` chooses from, coarsest first; it writes the coarsest that holds every hit. */
const STEP_CHOICES = ['1/8', '1/8t', '1/16', '1/16t', '1/32', '1/32t', '1/64'];
const NAME_WIDTH = 12;

/** Ticks in one step (`1/16`, `1/8t`, `tick`, …), or undefined when the step is not a whole number of ticks. */
function stepTicks(step: string, ticksPerQuarter: number): number | undefined {
  if (step === 'tick') return 1;
  const match = /^1\/(\d+)(t?)$/.exec(step);
  if (!match) return undefined;
  const ticks = ((4 * ticksPerQuarter) / Number(match[1])) * (match[2] ? 2 / 3 : 1);
  return Number.isInteger(ticks) && ticks >= 1 ? ticks : undefined;
}

/** A loop being read: its pattern fills as its drum lines come. */
interface OpenLoop {
  readonly loop: Loop;
  readonly step: number;
  readonly stepName: string;
  readonly drums: Set<number>;
}

/** Reads every loop of a text grid; errors name `source`, the line and the column. */
export function parseTextGrid(text: string, source: string): Loop[] {
  const loops: Loop[] = [];
  const names = new Map<string, number>();
  let open: OpenLoop | undefined;
  text.split(/\r?\n|\r/).forEach((raw, index) => {
    const line = stripComment(raw, '#');
    if (line.trim() === '') return;
    const cursor = new TextCursor(line, source, index + 1);
    const first = cursor.token('');
    if (first.value === 'loop' && !first.quoted) {
      open = readLoopLine(cursor);
      const earlier = names.get(open.loop.name);
      if (earlier !== undefined) cursor.fail(`a loop named '${open.loop.name}' is already on line ${earlier}; give each loop its own name`, first.start);
      names.set(open.loop.name, index + 1);
      loops.push(open.loop);
    } else if (open === undefined) {
      cursor.fail(`a drum line needs a loop line above it, such as: loop "Rock 1" 4/4 bars 1`, first.start);
    } else {
      readDrumLine(cursor, first, open);
    }
  });
  return loops;
}

function readLoopLine(cursor: TextCursor): OpenLoop {
  const name = cursor.token('');
  if (name.value === '') cursor.fail('the loop needs a name, as in: loop "Rock 1" 4/4', name.start);
  const seen = new Set<string>();
  let meter: Meter | undefined;
  let meterAt = 0;
  let bars = 1;
  let ticksPerQuarter = DEFAULT_TICKS_PER_QUARTER;
  let stepName = DEFAULT_STEP;
  let stepAt = cursor.position;
  let style: string | undefined;
  let bpm: number | undefined;
  while (!cursor.atEnd()) {
    const word = cursor.token('');
    const key = /^\d+\/\d+$/.test(word.value) ? 'meter' : word.value;
    if (key !== 'meter' && !KEYS.includes(key)) {
      cursor.fail(`'${word.value}' is not part of a loop line; after the name write the meter (4/4, 6/8, …) and any of ${KEYS.map((k) => `${k} …`).join(', ')}`, word.start);
    }
    if (seen.has(key)) cursor.fail(`${key} is given twice`, word.start);
    seen.add(key);
    if (key === 'meter') {
      meter = readMeter(cursor, word.value, word.start);
      meterAt = word.start;
      continue;
    }
    const value = cursor.token('');
    if (value.value === '' && !value.quoted) cursor.fail(`${key} needs a value after it`);
    if (key === 'style') style = value.value;
    else if (key === 'step') [stepName, stepAt] = [value.value, value.start];
    else if (key === 'bpm') bpm = positiveNumber(cursor, value.value, value.start, 'bpm', false);
    else if (key === 'bars') bars = positiveNumber(cursor, value.value, value.start, 'bars', true);
    else ticksPerQuarter = positiveNumber(cursor, value.value, value.start, 'tpq', true);
  }
  if (meter === undefined) cursor.fail('the loop needs a meter after its name, such as 4/4, 3/4, 5/4, 6/8 or 12/8');
  let pattern: Pattern;
  try {
    pattern = emptyPattern(meter, bars, ticksPerQuarter);
  } catch (error) {
    if (error instanceof InputError) cursor.fail(error.message.replace(/\.$/, ''), meterAt);
    throw error;
  }
  const step = stepTicks(stepName, ticksPerQuarter);
  if (step === undefined || ticksPerBar(meter, ticksPerQuarter) % step !== 0) {
    cursor.fail(`a step of ${stepName} does not fit a bar of ${meter.beats}/${meter.beatUnit} at ${ticksPerQuarter} ticks per quarter note; write 1/8, 1/16, 1/8t, 1/16t or tick`, stepAt);
  }
  const loop: Loop = { name: name.value, pattern };
  if (style !== undefined) loop.style = style;
  if (bpm !== undefined) loop.bpm = bpm;
  return { loop, step, stepName, drums: new Set() };
}

function readMeter(cursor: TextCursor, text: string, at: number): Meter {
  const [beats, beatUnit] = text.split('/').map(Number);
  if (beatUnit !== 4 && beatUnit !== 8) cursor.fail(`the meter ${text} is not counted in quarters or eighths; write it as x/4 or x/8 (4/4, 3/4, 6/8, …)`, at);
  return { beats, beatUnit };
}

function positiveNumber(cursor: TextCursor, text: string, at: number, key: string, whole: boolean): number {
  const value = readNumber(text);
  if (value === undefined || value <= 0 || (whole && !Number.isInteger(value))) {
    cursor.fail(`${key} takes a ${whole ? 'whole ' : ''}number above 0, not '${text}'`, at);
  }
  return value;
}

function drumRow(name: string): number {
  return DRUMS.findIndex((d) => d.name === (ALIASES[name] ?? name));
}

function readDrumLine(cursor: TextCursor, first: { value: string; start: number }, open: OpenLoop): void {
  const row = drumRow(first.value);
  if (row < 0) cursor.fail(`'${first.value}' is not a drum; write one of ${DRUMS.map((d) => d.name).join(', ')}`, first.start);
  if (open.drums.has(row)) cursor.fail(`${DRUMS[row].name} already has a line in '${open.loop.name}'; write each drum once`, first.start);
  open.drums.add(row);
  const { pattern } = open.loop;
  const line = cursor.text;
  const expected = pattern.ticks / open.step;
  const { meter } = pattern;
  const bars = pattern.bars === 1 ? 'a bar' : `${pattern.bars} bars`;
  const needs = `${bars} of ${meter.beats}/${meter.beatUnit} in ${open.stepName} steps need${pattern.bars === 1 ? 's' : ''} ${expected}`;
  let steps = 0;
  let i = cursor.position;
  while (i < line.length) {
    const char = line[i];
    if (/\s|\|/.test(char)) {
      i++;
      continue;
    }
    if (steps === expected) cursor.fail(`${DRUMS[row].name} has more than ${expected} steps; ${needs}`, i);
    const velocity = levelVelocity(char);
    if (velocity === undefined && !isRest(char)) {
      cursor.fail(`'${char}' is not a step; write . for a rest, or g, x, X or 1 to 9 for a hit (marks @velocity and >ticks or <ticks follow a hit)`, i);
    }
    const cell = row * pattern.ticks + steps * open.step;
    i++;
    if (velocity !== undefined) {
      pattern.onset[cell] = 1;
      pattern.velocity[cell] = velocity;
      i = readMarks(cursor, i, pattern, cell);
    }
    steps++;
  }
  if (steps < expected) cursor.fail(`${DRUMS[row].name} has ${steps} step${steps === 1 ? '' : 's'}; ${needs}`, line.trimEnd().length);
}

/** Reads the `@V` and `>T`/`<T` marks after a hit; returns where they end. */
function readMarks(cursor: TextCursor, from: number, pattern: Pattern, cell: number): number {
  let i = from;
  const seen = new Set<string>();
  while (i < cursor.text.length && '@<>'.includes(cursor.text[i])) {
    const mark = cursor.text[i];
    const kind = mark === '@' ? 'velocity' : 'timing';
    if (seen.has(kind)) cursor.fail(`this hit already has a ${kind} mark`, i);
    seen.add(kind);
    const number = scanNumber(cursor.text, i + 1);
    if (number === undefined) cursor.fail(mark === '@' ? '@ needs a MIDI velocity after it, such as x@96' : `${mark} needs a number of ticks after it, such as x${mark}0.25`, i + 1);
    const { value } = number;
    if (mark === '@') {
      if (value > 127) cursor.fail(`a MIDI velocity goes up to 127, not ${value}`, i + 1);
      pattern.velocity[cell] = markedVelocity(value);
    } else {
      if (mark === '>' ? value >= 0.5 : value > 0.5) {
        cursor.fail(`a hit may be up to half a tick early and less than half a tick late, not ${value}; put it on the nearest tick instead`, i + 1);
      }
      pattern.offset[cell] = Math.fround(mark === '>' ? value : -value);
    }
    i = number.end;
  }
  return i;
}

/** Writes loops as a text grid that `parseTextGrid` reads back to the very same loops. */
export function formatTextGrid(loops: readonly Loop[]): string {
  return loops.map(formatLoop).join('\n');
}

function quoted(text: string): string {
  if (/^[^\s"'#|\\]+$/.test(text) && text !== 'loop' && !/^\d+\/\d+$/.test(text)) return text;
  const escaped = text.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return `"${escaped}"`;
}

function formatLoop(loop: Loop): string {
  const p = loop.pattern;
  const bar = ticksPerBar(p.meter, p.ticksPerQuarter);
  const onsetTicks = new Set<number>();
  p.onset.forEach((on, cell) => {
    if (on) onsetTicks.add(cell % p.ticks);
  });
  const fits = (ticks: number) => bar % ticks === 0 && [...onsetTicks].every((t) => t % ticks === 0);
  const stepName = STEP_CHOICES.find((name) => {
    const ticks = stepTicks(name, p.ticksPerQuarter);
    return ticks !== undefined && ticks > 1 && fits(ticks);
  }) ?? 'tick';
  const step = stepTicks(stepName, p.ticksPerQuarter) as number;
  const header = ['loop', quoted(loop.name), `${p.meter.beats}/${p.meter.beatUnit}`, 'bars', p.bars, 'step', stepName, 'tpq', p.ticksPerQuarter];
  if (loop.style !== undefined) header.push('style', quoted(loop.style));
  if (loop.bpm !== undefined) header.push('bpm', loop.bpm);
  const beatSteps = beatTicks(p.meter, p.ticksPerQuarter) / step;
  const group = Number.isInteger(beatSteps) ? beatSteps : bar / step;
  const lines = [header.join(' ')];
  DRUMS.forEach((drum, row) => {
    const start = row * p.ticks;
    if (!p.onset.subarray(start, start + p.ticks).includes(1)) return;
    let cells = '';
    for (let s = 0; s < p.ticks / step; s++) {
      if (s > 0 && (s * step) % bar === 0) cells += '||';
      else if (s > 0 && s % group === 0) cells += '|';
      const cell = start + s * step;
      const text = formatStep(p.onset[cell], p.velocity[cell], p.offset[cell]);
      // A mark's number would run on into a following digit or ".5": a space ends it.
      cells += text.length > 1 && (s + 1) % group !== 0 ? `${text} ` : text;
    }
    lines.push(drum.name.padEnd(NAME_WIDTH) + cells);
  });
  return lines.join('\n') + '\n';
}
