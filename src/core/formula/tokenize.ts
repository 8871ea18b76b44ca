/**
 * A lexer for Excel A1 formulas. It is the one place formula text is read character by character; everything
 * else (shared-formula expansion, reference extraction, the formula rules) works on its tokens.
 */
import { MAX_COLUMN, MAX_ROW } from '../address';

export interface CellPoint {
  row: number;
  col: number;
  rowAbsolute: boolean;
  colAbsolute: boolean;
}

/** A reference: a cell, a cell range, whole columns (rows undefined) or whole rows (cols undefined). */
export interface ReferenceToken {
  kind: 'reference';
  text: string;
  sheet?: string;
  /** Start and end points; for whole columns row is -1, for whole rows col is -1. */
  start: CellPoint;
  end: CellPoint;
  shape: 'cell' | 'range' | 'columns' | 'rows';
}

export type Token =
  | ReferenceToken
  | { kind: 'number'; text: string; value: number }
  | { kind: 'string'; text: string; value: string }
  | { kind: 'boolean'; text: string; value: boolean }
  | { kind: 'error'; text: string }
  | { kind: 'function'; text: string; name: string }
  | { kind: 'name'; text: string; sheet?: string }
  | { kind: 'operator'; text: string }
  | { kind: 'open' | 'close' | 'separator' | 'array-open' | 'array-close' | 'array-row' | 'space'; text: string }
  | { kind: 'unknown'; text: string };

const ERROR_LITERALS = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
];

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
/** Characters allowed in unquoted names and sheet names: ASCII word characters, '.', '\\', '?' and any non-ASCII. */
function isNameChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 95 || c === 46 || c === 92 || c === 36 || c === 63 || c > 127;
}

/** Parses `$AB$12`, `AB12`, `$AB` (column only) or `$12` (row only) within [from, to). */
function parsePoint(text: string, kind: 'cell' | 'column' | 'row'): CellPoint | undefined {
  let i = 0;
  let colAbsolute = false;
  let rowAbsolute = false;
  let col = -1;
  let row = -1;
  if (kind !== 'row') {
    if (text.charCodeAt(i) === 36) {
      colAbsolute = true;
      i++;
    }
    const start = i;
    let n = 0;
    while (i < text.length && isLetter(text.charCodeAt(i)) && i - start < 3) {
      n = n * 26 + ((text.charCodeAt(i) | 32) - 96);
      i++;
    }
    if (i === start) return undefined;
    col = n - 1;
    if (col > MAX_COLUMN) return undefined;
  }
  if (kind !== 'column') {
    if (text.charCodeAt(i) === 36) {
      rowAbsolute = true;
      i++;
    }
    const start = i;
    let n = 0;
    while (i < text.length && isDigit(text.charCodeAt(i))) {
      n = n * 10 + (text.charCodeAt(i) - 48);
      i++;
    }
    if (i === start || n === 0 || n - 1 > MAX_ROW) return undefined;
    row = n - 1;
  }
  return i === text.length ? { row, col, rowAbsolute, colAbsolute } : undefined;
}

/** The end of the run of name characters starting at `from`. */
function readWord(s: string, from: number): number {
  let j = from;
  while (j < s.length && isNameChar(s.charCodeAt(j))) j++;
  return j;
}

/** After an optional sheet prefix, reads a reference at `from` (cell, range, columns, rows) or returns undefined. */
function readReference(
  s: string,
  from: number,
  sheet: string | undefined,
  prefixText: string,
): { token: ReferenceToken; end: number } | undefined {
  const firstEnd = readWord(s, from);
  const first = s.slice(from, firstEnd);
  for (const shape of ['cell', 'column', 'row'] as const) {
    const start = parsePoint(first, shape);
    if (!start) continue;
    if (s.charCodeAt(firstEnd) === 58 /* : */) {
      const secondEnd = readWord(s, firstEnd + 1);
      const end = parsePoint(s.slice(firstEnd + 1, secondEnd), shape);
      if (end) {
        const text = prefixText + s.slice(from, secondEnd);
        const rangeShape = shape === 'cell' ? 'range' : shape === 'column' ? 'columns' : 'rows';
        return { token: { kind: 'reference', text, sheet, start, end, shape: rangeShape }, end: secondEnd };
      }
    }
    if (shape !== 'cell') continue; // a lone column or row is not a reference
    if (s.charCodeAt(firstEnd) === 40 /* ( */) return undefined; // LOG10( is a function
    return {
      token: { kind: 'reference', text: prefixText + first, sheet, start, end: start, shape: 'cell' },
      end: firstEnd,
    };
  }
  return undefined;
}

// The helpers are module functions, not closures: a closure per call costs more than the lexing on large sheets.
export function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  const s = formula.startsWith('=') ? formula.slice(1) : formula;
  let i = 0;

  while (i < s.length) {
    const c = s.charCodeAt(i);
    const ch = s[i] as string;
    if (c === 32 || c === 10 || c === 13 || c === 9) {
      let j = i;
      while (j < s.length && ' \n\r\t'.includes(s[j] as string)) j++;
      tokens.push({ kind: 'space', text: s.slice(i, j) });
      i = j;
      continue;
    }
    if (c === 34 /* " */) {
      let j = i + 1;
      let value = '';
      for (;;) {
        const q = s.indexOf('"', j);
        if (q < 0) {
          value += s.slice(j);
          j = s.length;
          break;
        }
        value += s.slice(j, q);
        if (s[q + 1] === '"') {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      tokens.push({ kind: 'string', text: s.slice(i, j), value });
      i = j;
      continue;
    }
    if (c === 35 /* # */) {
      const literal = ERROR_LITERALS.find((e) => s.startsWith(e, i) || s.slice(i, i + e.length).toUpperCase() === e);
      if (literal) {
        tokens.push({ kind: 'error', text: s.slice(i, i + literal.length) });
        i += literal.length;
        continue;
      }
    }
    if (c === 39 /* ' quoted sheet */) {
      let j = i + 1;
      let sheet = '';
      for (;;) {
        const q = s.indexOf("'", j);
        if (q < 0) {
          j = s.length;
          break;
        }
        sheet += s.slice(j, q);
        if (s[q + 1] === "'") {
          sheet += "'";
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      if (s[j] === '!') {
        const ref = readReference(s, j + 1, sheet, s.slice(i, j + 1));
        if (ref) {
          tokens.push(ref.token);
          i = ref.end;
          continue;
        }
        const nameEnd = readWord(s, j + 1);
        tokens.push({ kind: 'name', text: s.slice(i, nameEnd), sheet });
        i = nameEnd;
        continue;
      }
      tokens.push({ kind: 'unknown', text: s.slice(i, j) });
      i = j;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(s.charCodeAt(i + 1)))) {
      const rows = readReference(s, i, undefined, '');
      if (rows && rows.token.shape === 'rows') {
        tokens.push(rows.token);
        i = rows.end;
        continue;
      }
      let j = i;
      while (j < s.length && (isDigit(s.charCodeAt(j)) || s[j] === '.')) j++;
      if (
        (s[j] === 'e' || s[j] === 'E') &&
        (isDigit(s.charCodeAt(j + 1)) || ((s[j + 1] === '+' || s[j + 1] === '-') && isDigit(s.charCodeAt(j + 2))))
      ) {
        j += 2;
        while (j < s.length && isDigit(s.charCodeAt(j))) j++;
      }
      const text = s.slice(i, j);
      tokens.push({ kind: 'number', text, value: Number(text) });
      i = j;
      continue;
    }
    if (isNameChar(c)) {
      const wordEnd = readWord(s, i);
      const word = s.slice(i, wordEnd);
      if (s[wordEnd] === '!') {
        const ref = readReference(s, wordEnd + 1, word, s.slice(i, wordEnd + 1));
        if (ref) {
          tokens.push(ref.token);
          i = ref.end;
          continue;
        }
        const nameEnd = readWord(s, wordEnd + 1);
        tokens.push({ kind: 'name', text: s.slice(i, nameEnd), sheet: word });
        i = nameEnd;
        continue;
      }
      if (s[wordEnd] === '(') {
        tokens.push({
          kind: 'function',
          text: word,
          name: word
            .toUpperCase()
            .replace(/^_XLFN\./, '')
            .replace(/^_XLWS\./, ''),
        });
        i = wordEnd;
        continue;
      }
      const upper = word.toUpperCase();
      if (upper === 'TRUE' || upper === 'FALSE') {
        tokens.push({ kind: 'boolean', text: word, value: upper === 'TRUE' });
        i = wordEnd;
        continue;
      }
      const ref = readReference(s, i, undefined, '');
      if (ref) {
        tokens.push(ref.token);
        i = ref.end;
        continue;
      }
      tokens.push({ kind: 'name', text: word });
      i = wordEnd;
      continue;
    }
    const two = s.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '<>') {
      tokens.push({ kind: 'operator', text: two });
      i += 2;
      continue;
    }
    if ('+-*/^&=<>%:'.includes(ch)) tokens.push({ kind: 'operator', text: ch });
    else if (ch === '(') tokens.push({ kind: 'open', text: ch });
    else if (ch === ')') tokens.push({ kind: 'close', text: ch });
    else if (ch === ',') tokens.push({ kind: 'separator', text: ch });
    else if (ch === '{') tokens.push({ kind: 'array-open', text: ch });
    else if (ch === '}') tokens.push({ kind: 'array-close', text: ch });
    else if (ch === ';') tokens.push({ kind: 'array-row', text: ch });
    else tokens.push({ kind: 'unknown', text: ch });
    i++;
  }
  return tokens;
}

function pointText(point: CellPoint, shape: ReferenceToken['shape']): string {
  const col = shape === 'rows' ? '' : `${point.colAbsolute ? '$' : ''}${columnLetters(point.col)}`;
  const row = shape === 'columns' ? '' : `${point.rowAbsolute ? '$' : ''}${point.row + 1}`;
  return col + row;
}

function columnLetters(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function shiftPoint(point: CellPoint, rows: number, cols: number): CellPoint | undefined {
  const row = point.row < 0 || point.rowAbsolute ? point.row : point.row + rows;
  const col = point.col < 0 || point.colAbsolute ? point.col : point.col + cols;
  if ((point.row >= 0 && (row < 0 || row > MAX_ROW)) || (point.col >= 0 && (col < 0 || col > MAX_COLUMN)))
    return undefined;
  return { ...point, row, col };
}

/**
 * The formula as it reads when copied `rows` down and `cols` right: relative references move, absolute ones stay.
 * Used to expand shared formulas. A reference pushed off the sheet becomes #REF!, as in Excel.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  return tokenize(formula)
    .map((token) => {
      if (token.kind !== 'reference') return token.text;
      const start = shiftPoint(token.start, rows, cols);
      const end = shiftPoint(token.end, rows, cols);
      if (!start || !end) return '#REF!';
      const prefix = token.text.slice(0, token.text.lastIndexOf('!') + 1);
      const body =
        token.shape === 'cell'
          ? pointText(start, 'cell')
          : `${pointText(start, token.shape)}:${pointText(end, token.shape)}`;
      return prefix + body;
    })
    .join('');
}
