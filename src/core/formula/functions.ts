/**
 * The worksheet functions the evaluator knows, with Excel's rules for what each argument may be: references read
 * numbers only (text, logical values and blanks in them are skipped), values typed as arguments are converted, errors
 * pass through. Any other function makes the formula Unknown; so do the volatile ones (NOW, RAND …) and those whose
 * references are computed (INDIRECT, OFFSET), whose stored result no recomputation can check.
 */
import { excelRound, excelTruncate } from '../numbers';
import type { FormulaNode } from './parse';
import { Evaluation, finite, operate, RangeRef, type Value } from './evaluate';
import { formatNumberText } from './number-format';
import {
  add,
  compare,
  DIV0,
  ErrorValue,
  isError,
  Matrix,
  NA,
  NUM,
  scalarToText,
  textToNumber,
  toBoolean,
  toNumber,
  Unknown,
  VALUE,
  type Scalar,
} from './values';

type Fn = (args: FormulaNode[], ev: Evaluation) => Value;

/** Functions whose result changes without any cell changing, or whose references are computed at run time. */
const VOLATILE = new Set(['NOW', 'TODAY', 'RAND', 'RANDBETWEEN', 'RANDARRAY', 'INDIRECT', 'OFFSET', 'CELL', 'INFO']);

export function callFunction(name: string, args: FormulaNode[], ev: Evaluation): Value {
  if (VOLATILE.has(name)) return Unknown.of('volatile', name);
  const fn = FUNCTIONS[name];
  return fn ? fn(args, ev) : Unknown.of('unsupported-function', name);
}

/** True when the evaluator implements the function (the corpus test and the docs list them). */
export function isSupportedFunction(name: string): boolean {
  return name in FUNCTIONS;
}

// ---------------------------------------------------------------------------------------------------------------
// Arguments

/** One argument as a single value (ranges intersected, arrays kept for element-wise use). */
function scalarArg(node: FormulaNode | undefined, ev: Evaluation): Scalar | Unknown | Matrix {
  if (!node || node.kind === 'missing') return null;
  return ev.operand(ev.evaluate(node));
}

/**
 * A function of one-value arguments, applied element by element when an argument is an array (an array
 * constant, or a range in array mode). Missing trailing arguments come as undefined.
 */
function scalarFunction(arity: [number, number], fn: (values: Array<Scalar | undefined>) => Scalar | Unknown): Fn {
  return (args, ev) => {
    if (args.length < arity[0] || args.length > arity[1]) return VALUE;
    const values = args.map((node) => (node.kind === 'missing' ? undefined : scalarArg(node, ev)));
    for (const value of values) if (value instanceof Unknown) return value;
    const arrays = values.filter((value): value is Matrix => value instanceof Matrix);
    if (arrays.length === 0) return fn(values as Array<Scalar | undefined>);
    const rows = Math.max(...arrays.map((m) => m.rows));
    const cols = Math.max(...arrays.map((m) => m.cols));
    const data: Array<Scalar | Unknown> = [];
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const items = values.map((value) => (value instanceof Matrix ? value.at(r, c) : value));
        const unknown = items.find((item) => item instanceof Unknown);
        data.push(unknown ?? fn(items as Array<Scalar | undefined>));
      }
    return new Matrix(rows, cols, data);
  };
}

/** A number argument: its conversion, an error, or Unknown. */
function num(value: Scalar | undefined, otherwise = 0): number | ErrorValue | Unknown {
  return value === undefined ? otherwise : toNumber(value);
}

function text(value: Scalar | undefined): string | ErrorValue {
  if (value === undefined) return '';
  if (isError(value)) return value;
  return scalarToText(value);
}

/** Every value of the arguments as aggregate functions see them, tagged with where it came from. */
function eachValue(
  args: FormulaNode[],
  ev: Evaluation,
  visit: (value: Scalar, direct: boolean) => ErrorValue | Unknown | void,
): ErrorValue | Unknown | undefined {
  for (const node of args) {
    if (node.kind === 'missing') {
      const stop = visit(null, true);
      if (stop) return stop;
      continue;
    }
    const value = ev.evaluate(node);
    if (value instanceof Unknown) return value;
    if (value instanceof RangeRef) {
      let stop: ErrorValue | Unknown | undefined;
      ev.reader.each(value.sheet, value.top, value.left, value.bottom, value.right, (item) => {
        if (stop) {
          // Excel reads a range by rows, LibreOffice by columns: which of two different errors comes first differs.
          if (isError(item) && item !== stop) stop = Unknown.of('ambiguous', 'two different errors in a range');
          return !(stop instanceof Unknown);
        }
        stop = item instanceof Unknown ? item : visit(item, false) || undefined;
        return !(stop instanceof Unknown);
      });
      if (stop) return stop;
    } else if (value instanceof Matrix) {
      for (const item of value.data) {
        const stop = item instanceof Unknown ? item : visit(item, false);
        if (stop) return stop;
      }
    } else {
      const stop = visit(value, true);
      if (stop) return stop;
    }
  }
  return undefined;
}

/**
 * The numbers of aggregate arguments (SUM, AVERAGE, MIN …): numbers in references and arrays; typed arguments
 * converted (TRUE 1, "2" 2, other text #VALUE!). The first error or Unknown ends the walk.
 */
function numbers(args: FormulaNode[], ev: Evaluation): number[] | ErrorValue | Unknown {
  const found: number[] = [];
  const stop = eachValue(args, ev, (value, direct) => {
    if (isError(value)) return value;
    if (typeof value === 'number') found.push(value);
    else if (direct) {
      const n = toNumber(value);
      if (typeof n !== 'number') return n;
      found.push(n);
    }
  });
  return stop ?? found;
}

function sumOf(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total = add(total, value);
  return total;
}

/** A sum as a result: #NUM! where it overflows what Excel can hold (1E+308 + 1E+308). */
function finiteSum(values: readonly number[]): number | ErrorValue {
  return finite(sumOf(values));
}

function aggregate(reduce: (values: number[]) => number | ErrorValue): Fn {
  return (args, ev) => {
    if (args.length === 0) return VALUE;
    const values = numbers(args, ev);
    return Array.isArray(values) ? reduce(values) : values;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Criteria (SUMIF, COUNTIF …)

type Criterion = (value: Scalar) => boolean | Unknown;

function wildcardPattern(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '~' && i + 1 < pattern.length) source += escapeRegExp(pattern[++i] as string);
    else if (ch === '*') source += '[\\s\\S]*';
    else if (ch === '?') source += '[\\s\\S]';
    else source += escapeRegExp(ch);
  }
  return new RegExp(`^${source}$`, 'i');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A criterion as SUMIF and COUNTIF read it: `5`, `">=90"`, `"<>"`, `"优"`, `"*率"`, `""`. */
function criterion(value: Scalar | Unknown | Matrix): Criterion | ErrorValue | Unknown {
  if (value instanceof Unknown || isError(value)) return value;
  if (value instanceof Matrix) return Unknown.of('array', 'criteria');
  if (value === null) return Unknown.of('input', 'blank criteria');
  if (typeof value === 'number' || typeof value === 'boolean') return equalsCriterion(value);
  const match = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(value) as RegExpExecArray;
  const op = match[1] ?? '';
  const operand = match[2] as string;
  const number = textToNumber(operand);
  if (number instanceof Unknown) return number;
  const upper = operand.toUpperCase();
  const target: number | string | boolean =
    number !== undefined ? number : upper === 'TRUE' ? true : upper === 'FALSE' ? false : operand;
  if (op === '' || op === '=') {
    if (operand === '') return op === '' ? (v) => v === null || v === '' : (v) => v === null;
    return equalsCriterion(target);
  }
  if (op === '<>') {
    if (operand === '') return (v) => v !== null && v !== '';
    const equals = equalsCriterion(target);
    return (v) => {
      const result = equals(v);
      return result instanceof Unknown ? result : !result;
    };
  }
  return (v) => {
    if (v === null || isError(v) || typeof v !== typeof target) return false;
    const order = compare(v, target);
    if (order instanceof Unknown) return order;
    return op === '<' ? order < 0 : op === '>' ? order > 0 : op === '<=' ? order <= 0 : order >= 0;
  };
}

function equalsCriterion(target: number | string | boolean): Criterion {
  if (typeof target === 'string') {
    const pattern = /[*?~]/.test(target) ? wildcardPattern(target) : undefined;
    const lower = target.toLowerCase();
    return (v) => typeof v === 'string' && (pattern ? pattern.test(v) : v.toLowerCase() === lower);
  }
  if (typeof target === 'number')
    return (v) => {
      if (typeof v === 'number') return compare(v, target) === 0;
      // Whether a number typed as text meets a number criterion differs between applications.
      if (typeof v === 'string' && typeof textToNumber(v) === 'number' && textToNumber(v) === target)
        return Unknown.of('input', 'numeric text in criteria range');
      return false;
    };
  // LibreOffice has no logical type: its TRUE is 1, which a TRUE criterion matches there and not in Excel.
  return (v) =>
    typeof v === 'number' && v === (target ? 1 : 0) ? Unknown.of('ambiguous', 'a logical criterion') : v === target;
}

/** The cells of a criteria range with their offsets, including blanks (a criterion may match a blank). */
function forEachCell(
  range: RangeRef,
  ev: Evaluation,
  rows: number,
  visit: (value: Scalar | Unknown, r: number, c: number) => boolean | void,
): void {
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < range.cols; c++)
      if (visit(ev.reader.value(range.sheet, range.top + r, range.left + c), r, c) === false) return;
}

interface Condition {
  range: RangeRef;
  test: Criterion;
}

/**
 * Offsets (row, col) of the cells that meet every condition (SUMIFS, COUNTIFS …); all ranges must be the same size.
 * Blank cells count only when a criterion can match a blank, so whole columns are walked over their used rows.
 */
function matchingCells(conditions: Condition[], ev: Evaluation): Array<[number, number]> | ErrorValue | Unknown {
  const [first] = conditions;
  if (!first) return VALUE;
  if (conditions.some((c) => c.range.rows !== first.range.rows || c.range.cols !== first.range.cols)) return VALUE;
  const rows = Math.max(...conditions.map((c) => ev.usedRowsFrom(c.range)));
  const found: Array<[number, number]> = [];
  let stop: Unknown | undefined;
  forEachCell(first.range, ev, rows, (_value, r, c) => {
    for (const condition of conditions) {
      const value = ev.reader.value(condition.range.sheet, condition.range.top + r, condition.range.left + c);
      if (value instanceof Unknown) {
        stop = value;
        return false;
      }
      const met = condition.test(value);
      if (met instanceof Unknown) {
        stop = met;
        return false;
      }
      if (!met) return;
    }
    found.push([r, c]);
  });
  if (stop) return stop;
  // A criterion that matches blanks would also match the unused rows below a whole column: Excel counts them.
  if (rows < first.range.rows && conditions.every((c) => c.test(null) === true)) return Unknown.of('array', 'blanks');
  return found;
}

function rangeArg(node: FormulaNode | undefined, ev: Evaluation): RangeRef | ErrorValue | Unknown {
  if (!node) return VALUE;
  const value = ev.evaluate(node);
  if (value instanceof RangeRef || value instanceof Unknown || isError(value)) return value;
  return VALUE;
}

function conditionsOf(nodes: FormulaNode[], ev: Evaluation): Condition[] | ErrorValue | Unknown {
  if (nodes.length === 0 || nodes.length % 2 !== 0) return VALUE;
  const conditions: Condition[] = [];
  for (let i = 0; i < nodes.length; i += 2) {
    const range = rangeArg(nodes[i], ev);
    if (!(range instanceof RangeRef)) return range;
    const test = criterion(scalarArg(nodes[i + 1], ev));
    if (typeof test !== 'function') return test;
    conditions.push({ range, test });
  }
  return conditions;
}

/** The numbers of `values` at the matching offsets (text, blanks, logical values skipped; errors pass). */
function valuesAt(values: RangeRef, cells: Array<[number, number]>, ev: Evaluation): number[] | ErrorValue | Unknown {
  const found: number[] = [];
  for (const [r, c] of cells) {
    const value = ev.reader.value(values.sheet, values.top + r, values.left + c);
    if (value instanceof Unknown || isError(value)) return value;
    if (typeof value === 'number') found.push(value);
  }
  return found;
}

function ifsFunction(valueFirst: boolean, reduce: (values: number[], count: number) => Value): Fn {
  return (args, ev) => {
    const valuesNode = valueFirst ? args[0] : undefined;
    const conditions = conditionsOf(valueFirst ? args.slice(1) : args, ev);
    if (!Array.isArray(conditions)) return conditions;
    const cells = matchingCells(conditions, ev);
    if (!Array.isArray(cells)) return cells;
    if (!valuesNode) return reduce([], cells.length);
    const values = rangeArg(valuesNode, ev);
    if (!(values instanceof RangeRef)) return values;
    const first = (conditions[0] as Condition).range;
    if (values.rows !== first.rows || values.cols !== first.cols) return VALUE;
    const found = valuesAt(values, cells, ev);
    return Array.isArray(found) ? reduce(found, cells.length) : found;
  };
}

/** SUMIF / AVERAGEIF: (range, criteria, [values]); values take the range's size from their top-left cell. */
function ifFunction(reduce: (values: number[]) => Value): Fn {
  return (args, ev) => {
    if (args.length < 2 || args.length > 3) return VALUE;
    const range = rangeArg(args[0], ev);
    if (!(range instanceof RangeRef)) return range;
    const test = criterion(scalarArg(args[1], ev));
    if (typeof test !== 'function') return test;
    const cells = matchingCells([{ range, test }], ev);
    if (!Array.isArray(cells)) return cells;
    let values = range;
    if (args[2] && args[2].kind !== 'missing') {
      const given = rangeArg(args[2], ev);
      if (!(given instanceof RangeRef)) return given;
      values = new RangeRef(
        given.sheet,
        given.top,
        given.left,
        given.top + range.rows - 1,
        given.left + range.cols - 1,
      );
    }
    const found = valuesAt(values, cells, ev);
    return Array.isArray(found) ? reduce(found) : found;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Lookups

/** A lookup table as rows × cols of values, read lazily from a reference or an array. */
interface Table {
  rows: number;
  cols: number;
  at(r: number, c: number): Scalar | Unknown;
}

function tableOf(value: Value, ev: Evaluation): Table | ErrorValue | Unknown {
  if (value instanceof Unknown || isError(value)) return value;
  if (value instanceof RangeRef) {
    const rows = ev.usedRowsFrom(value);
    return { rows, cols: value.cols, at: (r, c) => ev.reader.value(value.sheet, value.top + r, value.left + c) };
  }
  if (value instanceof Matrix) return { rows: value.rows, cols: value.cols, at: (r, c) => value.at(r, c) };
  return { rows: 1, cols: 1, at: () => value };
}

/**
 * The position (0-based) of `target` in a vector of `length` values: exact (with wildcards for text), or approximate
 * in ascending (1) or descending (-1) order. Approximate search over values out of order is Unknown: Excel's binary
 * search and LibreOffice's differ there.
 */
function lookup(
  target: Scalar,
  length: number,
  at: (i: number) => Scalar | Unknown,
  mode: 0 | 1 | -1,
): number | ErrorValue | Unknown {
  if (isError(target)) return target;
  if (target === null) return NA;
  if (mode === 0) {
    const test = equalsCriterion(target);
    for (let i = 0; i < length; i++) {
      const value = at(i);
      if (value instanceof Unknown) return value;
      const met = test(value);
      if (met instanceof Unknown) return met;
      if (met) return i;
    }
    return NA;
  }
  let found = -1;
  let previous: Exclude<Scalar, ErrorValue> | undefined;
  for (let i = 0; i < length; i++) {
    const value = at(i);
    if (value instanceof Unknown) return value;
    if (value === null) continue;
    // Excel's binary search and LibreOffice's step over values of another type differently.
    if (isError(value) || typeof value !== typeof target) return Unknown.of('ambiguous', 'lookup over mixed types');
    if (previous !== undefined) {
      const order = compare(previous, value);
      if (order instanceof Unknown) return order;
      if (order * mode > 0) return Unknown.of('input', 'lookup values out of order');
    }
    previous = value;
    const order = compare(value, target);
    if (order instanceof Unknown) return order;
    if (order === 0 || order * mode < 0) found = i;
  }
  return found < 0 ? NA : found;
}

function vhlookup(vertical: boolean): Fn {
  return (args, ev) => {
    if (args.length < 3 || args.length > 4) return VALUE;
    const target = scalarArg(args[0], ev);
    if (target instanceof Unknown) return target;
    if (target instanceof Matrix) return Unknown.of('array', 'lookup value');
    const table = tableOf(ev.evaluate(args[1] as FormulaNode), ev);
    if (table instanceof Unknown || isError(table)) return table;
    const index = num(scalarArg(args[2], ev) as Scalar);
    if (typeof index !== 'number') return index;
    const approximate = args[3] && args[3].kind !== 'missing' ? toBoolean(scalarArg(args[3], ev) as Scalar) : true;
    if (typeof approximate !== 'boolean') return approximate;
    const k = Math.trunc(index);
    if (k < 1) return VALUE;
    // Excel: #REF!; LibreOffice: #VALUE!.
    if (k > (vertical ? table.cols : table.rows)) return Unknown.of('ambiguous', 'column past the table');
    const length = vertical ? table.rows : table.cols;
    const position = lookup(target, length, (i) => (vertical ? table.at(i, 0) : table.at(0, i)), approximate ? 1 : 0);
    if (typeof position !== 'number') return position;
    return vertical ? table.at(position, k - 1) : table.at(k - 1, position);
  };
}

const MATCH: Fn = (args, ev) => {
  if (args.length < 2 || args.length > 3) return VALUE;
  const target = scalarArg(args[0], ev);
  if (target instanceof Unknown) return target;
  if (target instanceof Matrix) return Unknown.of('array', 'lookup value');
  const table = tableOf(ev.evaluate(args[1] as FormulaNode), ev);
  if (table instanceof Unknown || isError(table)) return table;
  if (table.rows > 1 && table.cols > 1) return NA;
  const type = args[2] && args[2].kind !== 'missing' ? num(scalarArg(args[2], ev) as Scalar) : 1;
  if (typeof type !== 'number') return type;
  const mode = type > 0 ? 1 : type < 0 ? -1 : 0;
  const vertical = table.cols === 1;
  const position = lookup(
    target,
    vertical ? table.rows : table.cols,
    (i) => (vertical ? table.at(i, 0) : table.at(0, i)),
    mode,
  );
  return typeof position === 'number' ? position + 1 : position;
};

/** INDEX(array, row, [col]): a reference gives a reference (so A1:INDEX(…) works), an array its value. */
const INDEX: Fn = (args, ev) => {
  if (args.length < 2 || args.length > 4) return VALUE;
  const source = ev.evaluate(args[0] as FormulaNode);
  if (source instanceof Unknown || isError(source)) return source;
  const rowArg = num(scalarArg(args[1], ev) as Scalar);
  if (typeof rowArg !== 'number') return rowArg;
  const colArg = args[2] && args[2].kind !== 'missing' ? num(scalarArg(args[2], ev) as Scalar) : undefined;
  if (colArg !== undefined && typeof colArg !== 'number') return colArg;
  if (args[3]) return Unknown.of('unsupported-function', 'INDEX with an area');
  const rows = source instanceof RangeRef ? source.rows : source instanceof Matrix ? source.rows : 1;
  const cols = source instanceof RangeRef ? source.cols : source instanceof Matrix ? source.cols : 1;
  let r = Math.trunc(rowArg);
  let c = colArg === undefined ? 0 : Math.trunc(colArg);
  // One row: the single index counts columns.
  if (colArg === undefined && rows === 1 && cols > 1) [r, c] = [1, r];
  if (colArg === undefined && cols === 1) c = 1;
  if (r < 0 || c < 0) return VALUE;
  // Excel: #REF!; LibreOffice: #VALUE!.
  if (r > rows || c > cols) return Unknown.of('ambiguous', 'INDEX past its range');
  if (source instanceof RangeRef) {
    const top = r === 0 ? source.top : source.top + r - 1;
    const bottom = r === 0 ? source.bottom : top;
    const left = c === 0 ? source.left : source.left + c - 1;
    const right = c === 0 ? source.right : left;
    return new RangeRef(source.sheet, top, left, bottom, right);
  }
  if (r === 0 || c === 0) return Unknown.of('array', 'INDEX of a whole row or column of an array');
  return source instanceof Matrix ? source.at(r - 1, c - 1) : source;
};

// ---------------------------------------------------------------------------------------------------------------
// Logic

/** IF(condition, then, else): only the branch taken is evaluated; in array mode, element by element. */
const IF: Fn = (args, ev) => {
  if (args.length < 1 || args.length > 3) return VALUE;
  const condition = scalarArg(args[0], ev);
  const branch = (taken: boolean): Value => {
    const node = args[taken ? 1 : 2];
    if (!node) return taken ? 0 : false; // IF(c) has no then: 0; IF(c, x) has no else: FALSE
    return node.kind === 'missing' ? 0 : ev.evaluate(node);
  };
  if (condition instanceof Matrix) {
    const whenTrue = ev.operand(branch(true));
    const whenFalse = ev.operand(branch(false));
    const pick = (value: Value, r: number, c: number) => (value instanceof Matrix ? value.at(r, c) : value);
    const data = condition.data.map((item, i) => {
      const r = Math.floor(i / condition.cols);
      const c = i % condition.cols;
      const test = item instanceof Unknown ? item : toBoolean(item);
      if (typeof test !== 'boolean') return test;
      return pick(test ? whenTrue : whenFalse, r, c) as Scalar | Unknown;
    });
    return new Matrix(condition.rows, condition.cols, data);
  }
  const test = condition instanceof Unknown ? condition : toBoolean(condition);
  return typeof test === 'boolean' ? branch(test) : test;
};

const IFS: Fn = (args, ev) => {
  if (args.length < 2 || args.length % 2 !== 0) return VALUE;
  for (let i = 0; i < args.length; i += 2) {
    const condition = scalarArg(args[i], ev);
    if (condition instanceof Matrix) return Unknown.of('array', 'IFS');
    const test = condition instanceof Unknown ? condition : toBoolean(condition);
    if (typeof test !== 'boolean') return test;
    if (test) return ev.evaluate(args[i + 1] as FormulaNode);
  }
  return NA;
};

function onError(only?: ErrorValue): Fn {
  return (args, ev) => {
    if (args.length !== 2) return VALUE;
    const value = scalarArg(args[0], ev);
    const caught = (item: Scalar | Unknown) => isError(item) && (!only || item === only);
    if (value instanceof Matrix) {
      if (!value.data.some(caught)) return value;
      const fallback = scalarArg(args[1], ev);
      return new Matrix(
        value.rows,
        value.cols,
        value.data.map((item, i) =>
          caught(item)
            ? fallback instanceof Matrix
              ? fallback.at(Math.floor(i / value.cols), i % value.cols)
              : fallback
            : item,
        ),
      );
    }
    if (value instanceof Unknown || !caught(value)) return value;
    return args[1]?.kind === 'missing' ? 0 : ev.evaluate(args[1] as FormulaNode);
  };
}

/** AND / OR: logical values and numbers count, text in references is skipped; no logical value at all is #VALUE!. */
function logical(all: boolean): Fn {
  return (args, ev) => {
    if (args.length === 0) return VALUE;
    let seen = false;
    let result = all;
    const stop = eachValue(args, ev, (value, direct) => {
      if (isError(value)) return value;
      if (value === null) return;
      if (typeof value === 'string') {
        if (!direct) return;
        const b = toBoolean(value);
        if (typeof b !== 'boolean') return b as ErrorValue;
        value = b;
      }
      seen = true;
      const truth = typeof value === 'number' ? value !== 0 : value;
      result = all ? result && truth : result || truth;
    });
    if (stop) return stop;
    return seen ? result : VALUE;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers

/** ROUND and its kin: digits truncated toward zero; a negative count rounds to tens, hundreds … */
function rounding(how: 'round' | 'up' | 'down'): Fn {
  return scalarFunction([2, 2], ([x, d]) => {
    const value = num(x);
    if (typeof value !== 'number') return value;
    const digits = num(d);
    if (typeof digits !== 'number') return digits;
    return roundTo(value, Math.trunc(digits), how);
  });
}

export function roundTo(value: number, digits: number, how: 'round' | 'up' | 'down'): number | ErrorValue {
  if (digits > 15) digits = 15;
  if (digits < -308) return 0;
  if (how === 'round') {
    if (digits >= 0) return excelRound(value, digits);
    const factor = 10 ** -digits;
    return finite(excelRound(value / factor, 0) * factor);
  }
  if (how === 'down') {
    if (digits >= 0) return excelTruncate(value, digits);
    const factor = 10 ** -digits;
    return finite(excelTruncate(value / factor, 0) * factor);
  }
  const factor = 10 ** digits;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  return finite((Math.sign(value) * Math.ceil(scaled)) / factor || 0);
}

function numeric(fn: (x: number) => number | ErrorValue): Fn {
  return scalarFunction([1, 1], ([x]) => {
    const value = num(x);
    return typeof value === 'number' ? fn(value) : value;
  });
}

const SUMPRODUCT: Fn = (args, ev) => {
  if (args.length === 0) return VALUE;
  const wasArray = ev.array;
  ev.array = true;
  try {
    const values = args.map((node) => (node.kind === 'missing' ? VALUE : ev.evaluate(node)));
    for (const value of values) if (value instanceof Unknown) return value;
    const dims = values.map((value) =>
      value instanceof RangeRef
        ? [value.rows, value.cols]
        : value instanceof Matrix
          ? [value.rows, value.cols]
          : [1, 1],
    );
    const [rows, cols] = dims[0] as [number, number];
    if (dims.some(([r, c]) => r !== rows || c !== cols)) return VALUE;
    // Whole columns: rows below every argument's last used row hold blanks, which add nothing.
    const used = Math.min(
      rows,
      Math.max(...values.map((value) => (value instanceof RangeRef ? ev.usedRowsFrom(value) : rows))),
    );
    const arrays: Matrix[] = [];
    for (const value of values) {
      const matrix =
        value instanceof RangeRef
          ? ev.matrix(value, used)
          : value instanceof Matrix
            ? value
            : new Matrix(1, 1, [value as Scalar]);
      if (matrix instanceof Unknown) return matrix;
      arrays.push(matrix);
    }
    let total = 0;
    for (let r = 0; r < used; r++)
      for (let c = 0; c < cols; c++) {
        let product = 1;
        for (const array of arrays) {
          const item = array.at(r, c);
          if (item instanceof Unknown || isError(item)) return item;
          product *= typeof item === 'number' ? item : 0;
        }
        total = add(total, product);
      }
    return finite(total);
  } finally {
    ev.array = wasArray;
  }
};

/** COUNT: numbers in references; typed numbers, numeric text and logical values as arguments. Errors are not counted. */
const COUNT: Fn = (args, ev) => {
  let count = 0;
  const stop = eachValue(args, ev, (value, direct) => {
    if (typeof value === 'number') count++;
    else if (
      direct &&
      (typeof value === 'boolean' || (typeof value === 'string' && typeof toNumber(value) === 'number'))
    )
      count++;
  });
  return stop instanceof Unknown ? stop : count;
};

const COUNTA: Fn = (args, ev) => {
  let count = 0;
  const stop = eachValue(args, ev, (value, direct) => {
    if (value !== null || direct) count++;
  });
  return stop instanceof Unknown ? stop : count;
};

const COUNTBLANK: Fn = (args, ev) => {
  if (args.length !== 1) return VALUE;
  const range = rangeArg(args[0], ev);
  if (!(range instanceof RangeRef)) return range;
  let filled = 0;
  let stop: Unknown | undefined;
  ev.reader.each(range.sheet, range.top, range.left, range.bottom, range.right, (value) => {
    if (value instanceof Unknown) stop = value;
    else if (value !== '') filled++;
    return !stop;
  });
  return stop ?? range.rows * range.cols - filled;
};

// ---------------------------------------------------------------------------------------------------------------
// Text

function substring(
  pick: (s: string, values: Array<Scalar | undefined>) => string | ErrorValue,
  arity: [number, number],
): Fn {
  return scalarFunction(arity, (values) => {
    const s = text(values[0]);
    return isError(s) ? s : pick(s, values);
  });
}

function count(value: Scalar | undefined, otherwise: number): number | ErrorValue {
  const n = num(value, otherwise);
  if (n instanceof Unknown) return VALUE;
  if (typeof n !== 'number') return n;
  return n < 0 ? VALUE : Math.trunc(n);
}

const TEXT = scalarFunction([2, 2], ([value, format]) => {
  if (isError(value)) return value;
  const code = text(format);
  if (isError(code)) return code;
  if (typeof value === 'string') {
    const n = textToNumber(value);
    if (n instanceof Unknown) return n;
    if (n === undefined) return formatNumberText(value, code);
    return formatNumberText(n, code);
  }
  if (typeof value === 'boolean') return scalarToText(value);
  return formatNumberText(value ?? 0, code);
});

const VALUE_FN = scalarFunction([1, 1], ([value]) => {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number' || isError(value)) return value;
  if (typeof value === 'boolean') return VALUE;
  return textToNumber(value) ?? VALUE;
});

// ---------------------------------------------------------------------------------------------------------------

function isKind(test: (value: Scalar) => boolean): Fn {
  return (args, ev) => {
    if (args.length !== 1) return VALUE;
    const value = scalarArg(args[0], ev);
    if (value instanceof Unknown) return value;
    if (value instanceof Matrix)
      return new Matrix(
        value.rows,
        value.cols,
        value.data.map((item) => (item instanceof Unknown ? item : test(item))),
      );
    return test(value);
  };
}

const CHOOSE: Fn = (args, ev) => {
  if (args.length < 2) return VALUE;
  const index = scalarArg(args[0], ev);
  if (index instanceof Matrix) return Unknown.of('array', 'CHOOSE');
  const n = index instanceof Unknown ? index : toNumber(index);
  if (typeof n !== 'number') return n;
  const k = Math.trunc(n);
  if (k < 1 || k >= args.length) return VALUE;
  const node = args[k] as FormulaNode;
  return node.kind === 'missing' ? 0 : ev.evaluate(node);
};

function minMax(pick: (a: number, b: number) => number): Fn {
  return aggregate((values) => (values.length === 0 ? 0 : values.reduce((a, b) => pick(a, b))));
}

function concat(args: FormulaNode[], ev: Evaluation): Value {
  let result = '';
  for (const node of args) {
    const value = scalarArg(node, ev);
    if (value instanceof Unknown || isError(value)) return value;
    if (value instanceof Matrix) return Unknown.of('array', 'CONCATENATE');
    result += scalarToText(value);
  }
  return result;
}

const FUNCTIONS: Readonly<Record<string, Fn>> = {
  SUM: aggregate(finiteSum),
  PRODUCT: aggregate((values) => (values.length === 0 ? 0 : finite(values.reduce((a, b) => a * b, 1)))),
  AVERAGE: aggregate((values) => (values.length === 0 ? DIV0 : finite(sumOf(values) / values.length))),
  MIN: minMax(Math.min),
  MAX: minMax(Math.max),
  COUNT,
  COUNTA,
  COUNTBLANK,
  SUMIF: ifFunction(finiteSum),
  AVERAGEIF: ifFunction((values) => (values.length === 0 ? DIV0 : finite(sumOf(values) / values.length))),
  COUNTIF: (args, ev) => (args.length === 2 ? ifsFunction(false, (_values, n) => n)(args, ev) : VALUE),
  COUNTIFS: ifsFunction(false, (_values, n) => n),
  SUMIFS: ifsFunction(true, finiteSum),
  AVERAGEIFS: ifsFunction(true, (values) => (values.length === 0 ? DIV0 : finite(sumOf(values) / values.length))),
  MAXIFS: ifsFunction(true, (values) => (values.length === 0 ? 0 : Math.max(...values))),
  MINIFS: ifsFunction(true, (values) => (values.length === 0 ? 0 : Math.min(...values))),
  SUMPRODUCT,
  ROUND: rounding('round'),
  ROUNDUP: rounding('up'),
  ROUNDDOWN: rounding('down'),
  TRUNC: scalarFunction([1, 2], ([x, d]) => {
    const value = num(x);
    if (typeof value !== 'number') return value;
    const digits = num(d);
    return typeof digits === 'number' ? roundTo(value, Math.trunc(digits), 'down') : digits;
  }),
  INT: numeric((x) => Math.floor(x)),
  ABS: numeric((x) => Math.abs(x)),
  SIGN: numeric((x) => Math.sign(x)),
  SQRT: numeric((x) => (x < 0 ? NUM : Math.sqrt(x))),
  MOD: scalarFunction([2, 2], ([a, b]) => {
    const x = num(a);
    if (typeof x !== 'number') return x;
    const y = num(b);
    if (typeof y !== 'number') return y;
    if (y === 0) return DIV0;
    const r = x - y * Math.floor(x / y);
    return finite(Number(r.toPrecision(15)));
  }),
  POWER: scalarFunction([2, 2], ([a, b]) => operate('^', a ?? null, b ?? null)),
  IF,
  IFS,
  IFERROR: onError(),
  IFNA: onError(NA),
  AND: logical(true),
  OR: logical(false),
  NOT: scalarFunction([1, 1], ([x]) => {
    const b = toBoolean(x ?? null);
    return typeof b === 'boolean' ? !b : b;
  }),
  TRUE: (args) => (args.length === 0 ? true : VALUE),
  FALSE: (args) => (args.length === 0 ? false : VALUE),
  ISBLANK: isKind((v) => v === null),
  ISNUMBER: isKind((v) => typeof v === 'number'),
  ISTEXT: isKind((v) => typeof v === 'string'),
  ISLOGICAL: isKind((v) => typeof v === 'boolean'),
  ISERROR: isKind((v) => isError(v)),
  ISERR: isKind((v) => isError(v) && v !== NA),
  ISNA: isKind((v) => v === NA),
  VLOOKUP: vhlookup(true),
  HLOOKUP: vhlookup(false),
  MATCH,
  INDEX,
  CHOOSE,
  TEXT,
  VALUE: VALUE_FN,
  LEFT: substring(
    (s, [, n]) => {
      const k = count(n, 1);
      return isError(k) ? k : s.slice(0, k);
    },
    [1, 2],
  ),
  RIGHT: substring(
    (s, [, n]) => {
      const k = count(n, 1);
      return isError(k) ? k : k === 0 ? '' : s.slice(-k);
    },
    [1, 2],
  ),
  MID: substring(
    (s, [, start, n]) => {
      const from = count(start, 1);
      const k = count(n, 0);
      if (isError(from)) return from;
      if (isError(k)) return k;
      return from < 1 ? VALUE : s.slice(from - 1, from - 1 + k);
    },
    [3, 3],
  ),
  LEN: scalarFunction([1, 1], ([x]) => {
    const s = text(x);
    return isError(s) ? s : s.length;
  }),
  TRIM: substring((s) => s.replace(/ +/g, ' ').trim(), [1, 1]),
  UPPER: substring((s) => s.toUpperCase(), [1, 1]),
  LOWER: substring((s) => s.toLowerCase(), [1, 1]),
  CONCATENATE: concat,
  CONCAT: (args, ev) => {
    if (args.some((node) => node.kind === 'reference' && (node.top !== node.bottom || node.left !== node.right)))
      return Unknown.of('array', 'CONCAT of a range');
    return concat(args, ev);
  },
  EXACT: scalarFunction([2, 2], ([a, b]) => {
    const x = text(a);
    const y = text(b);
    return isError(x) ? x : isError(y) ? y : x === y;
  }),
  N: scalarFunction([1, 1], ([x]) => (typeof x === 'number' ? x : x === true ? 1 : isError(x) ? x : 0)),
};
