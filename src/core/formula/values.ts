/**
 * Values of the formula evaluator and Excel's rules for turning one kind into another. Kept as plain JavaScript
 * values for speed: a number, a string, a boolean, null for a blank, an ErrorValue, or Unknown (the evaluator cannot
 * tell: a volatile or unsupported function, a defined name, an external link). Unknown is never turned into a number.
 */
import { ERROR_VALUES, type CellValue } from '../snapshot';

/** An Excel error value (#DIV/0!, #N/A …); one instance per code, so errors compare by identity. */
export class ErrorValue {
  private constructor(readonly code: string) {}
  private static readonly known = new Map<string, ErrorValue>();
  static of(code: string): ErrorValue {
    const upper = code.toUpperCase();
    let error = ErrorValue.known.get(upper);
    if (!error) {
      error = new ErrorValue(upper);
      ErrorValue.known.set(upper, error);
    }
    return error;
  }
}

export const DIV0 = ErrorValue.of('#DIV/0!');
export const NA = ErrorValue.of('#N/A');
export const VALUE = ErrorValue.of('#VALUE!');
export const REF = ErrorValue.of('#REF!');
export const NAME = ErrorValue.of('#NAME?');
export const NUM = ErrorValue.of('#NUM!');
for (const code of ERROR_VALUES) ErrorValue.of(code);

/** Why a value cannot be known; the reasons are listed in reports (the corpus test counts them). */
export type UnknownReason =
  | 'volatile'
  | 'unsupported-function'
  | 'name'
  | 'external'
  | 'cycle'
  | 'array'
  | 'date-text'
  | 'text-order'
  | 'format'
  | 'parse'
  | 'input'
  /** Excel and LibreOffice give different results (0^0, an INDEX past its range, a lookup over mixed types). */
  | 'ambiguous';

/** A value the evaluator cannot compute; it propagates through every operation that reads it. */
export class Unknown {
  private constructor(
    readonly reason: UnknownReason,
    readonly detail?: string,
  ) {}
  private static readonly plain = new Map<UnknownReason, Unknown>();
  static of(reason: UnknownReason, detail?: string): Unknown {
    if (detail !== undefined) return new Unknown(reason, detail);
    let value = Unknown.plain.get(reason);
    if (!value) {
      value = new Unknown(reason);
      Unknown.plain.set(reason, value);
    }
    return value;
  }
}

/** A value one cell holds: a blank is null. */
export type Scalar = number | string | boolean | ErrorValue | null;

/** An array of values (an array constant, or a range lifted in an array formula), row-major. */
export class Matrix {
  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly data: Array<Scalar | Unknown>,
  ) {}
  at(row: number, col: number): Scalar | Unknown {
    // A one-row or one-column array is repeated along the other dimension, as Excel broadcasts it.
    const r = this.rows === 1 ? 0 : row;
    const c = this.cols === 1 ? 0 : col;
    if (r >= this.rows || c >= this.cols) return NA;
    return this.data[r * this.cols + c] as Scalar | Unknown;
  }
}

export const isError = (value: unknown): value is ErrorValue => value instanceof ErrorValue;
export const isUnknown = (value: unknown): value is Unknown => value instanceof Unknown;

/** Excel keeps 15 significant digits: results are compared and shown without binary noise. */
const EPSILON = 2 ** -48;

/** a = b as Excel compares numbers: equal up to the last bits of 15 significant digits (0.1 + 0.2 = 0.3). */
export function numbersEqual(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * EPSILON;
}

/** a + b, snapped to 0 when the operands cancel up to binary noise (Excel and LibreOffice both do: 0.3 - 0.1 - 0.2 = 0). */
export function add(a: number, b: number): number {
  const sum = a + b;
  if (Math.sign(a) !== Math.sign(b) && Math.abs(sum) <= Math.max(Math.abs(a), Math.abs(b)) * EPSILON) return 0;
  return sum;
}

/**
 * A number typed as text, as Excel reads it in arithmetic and VALUE(): spaces, a sign, thousands separators, a
 * decimal part, an exponent, a trailing %. Returns undefined for other text, Unknown for text that looks like a date
 * or a time (Excel would turn it into a serial number by the system's locale, which a file does not carry).
 */
export function textToNumber(text: string): number | Unknown | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  const match = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(?:[eE]([+-]?\d+))?(%*)$/.exec(s);
  if (match && (match[2] !== '' || (match[3] !== undefined && match[3].length > 1))) {
    const digits = `${match[2]?.replace(/,/g, '') || '0'}${match[3] ?? ''}${match[4] !== undefined ? `e${match[4]}` : ''}`;
    let value = Number(digits);
    if (!Number.isFinite(value)) return undefined;
    for (let i = 0; i < (match[5] ?? '').length; i++) value /= 100;
    value = Number(value.toPrecision(15));
    return match[1] === '-' ? -value : value;
  }
  if (/^\(\d[\d,]*(\.\d+)?\)$/.test(s)) return Unknown.of('date-text', text); // accounting negatives: locale-bound
  if (/\d\s*[-/:年月日]\s*\d|\d\s*[年月日时点]|^\d+\s*(am|pm)$/i.test(s)) return Unknown.of('date-text', text);
  return undefined;
}

/** A number as Excel writes it into text (General: up to 15 significant digits, no binary noise). */
export function numberToText(value: number): string {
  if (value === 0) return '0';
  const clean = Number(value.toPrecision(15));
  const plain = String(clean);
  if (Math.abs(clean) < 1e15 && !plain.includes('e')) return plain;
  const [mantissa, exponent] = clean.toExponential().split('e') as [string, string];
  const exp = Number(exponent);
  return `${mantissa}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** The value as text (for &, LEFT, TEXT …). Errors and unknowns are handled by the caller. */
export function scalarToText(value: Exclude<Scalar, ErrorValue>): string {
  if (value === null) return '';
  if (typeof value === 'number') return numberToText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

/** The value as a number in arithmetic: blank 0, TRUE 1, numeric text its number, other text #VALUE!. */
export function toNumber(value: Scalar | Unknown): number | ErrorValue | Unknown {
  if (typeof value === 'number') return value;
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return textToNumber(value) ?? VALUE;
  return value;
}

/**
 * The value as a condition (IF, NOT …): numbers by zero, "TRUE"/"FALSE" text, blank FALSE; other text #VALUE!.
 * A number typed as text is Unknown: Excel refuses it, LibreOffice reads the number.
 */
export function toBoolean(value: Scalar | Unknown): boolean | ErrorValue | Unknown {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (value === null) return false;
  if (typeof value === 'string') {
    const upper = value.toUpperCase();
    if (upper === 'TRUE') return true;
    if (upper === 'FALSE') return false;
    return textToNumber(value) === undefined ? VALUE : Unknown.of('ambiguous', 'a number typed as text as a condition');
  }
  return value;
}

/** a = b as Excel's = compares: a blank takes the other side's type, text without case (no collation needed). */
export function equals(a: Exclude<Scalar, ErrorValue>, b: Exclude<Scalar, ErrorValue>): boolean {
  const left = a ?? (typeof b === 'number' ? 0 : typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0);
  const right = b ?? (typeof left === 'number' ? 0 : typeof left === 'string' ? '' : false);
  if (typeof left !== typeof right) return false;
  if (typeof left === 'number') return numbersEqual(left, right as number);
  if (typeof left === 'string') return left.toLowerCase() === (right as string).toLowerCase();
  return left === right;
}

/** Type rank in Excel's comparisons: numbers < text < booleans. */
function rank(value: number | string | boolean): number {
  return typeof value === 'number' ? 0 : typeof value === 'string' ? 1 : 2;
}

/** True for text Excel and LibreOffice order alike (ASCII, compared without case). */
const ASCII = /^[\x20-\x7e]*$/;

/**
 * Compares two values as Excel's = < > do: a blank takes the other side's type (0, "", FALSE), text without case.
 * Returns -1, 0 or 1, or Unknown when the order of two texts depends on the collation of the application.
 */
export function compare(a: Exclude<Scalar, ErrorValue>, b: Exclude<Scalar, ErrorValue>): number | Unknown {
  const left = a ?? (b === null ? 0 : typeof b === 'number' ? 0 : typeof b === 'string' ? '' : false);
  const right = b ?? (typeof left === 'number' ? 0 : typeof left === 'string' ? '' : false);
  const ra = rank(left);
  const rb = rank(right);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (typeof left === 'number') return numbersEqual(left, right as number) ? 0 : left < (right as number) ? -1 : 1;
  if (typeof left === 'boolean') return left === right ? 0 : left ? 1 : -1;
  const x = (left as string).toLowerCase();
  const y = (right as string).toLowerCase();
  if (x === y) return 0;
  if (!ASCII.test(x) || !ASCII.test(y)) return Unknown.of('text-order');
  return x < y ? -1 : 1;
}

/** A snapshot cell value as an evaluator value. */
export function fromCellValue(value: CellValue): Scalar {
  switch (value.type) {
    case 'number':
    case 'text':
    case 'boolean':
      return value.value;
    case 'error':
      return ErrorValue.of(value.value);
    default:
      return null;
  }
}

/** What a formula computes, as the engine reports it: a cell value, or unknown with the reason. */
export type FormulaValue = CellValue | { type: 'unknown'; reason: UnknownReason; detail?: string };

export function toFormulaValue(value: Scalar | Unknown): FormulaValue {
  if (value instanceof Unknown)
    return value.detail === undefined
      ? { type: 'unknown', reason: value.reason }
      : { type: 'unknown', reason: value.reason, detail: value.detail };
  if (value === null) return { type: 'empty' };
  if (value instanceof ErrorValue) return { type: 'error', value: value.code };
  if (typeof value === 'number') return { type: 'number', value };
  if (typeof value === 'string') return { type: 'text', value };
  return { type: 'boolean', value };
}
