/**
 * The formula evaluator: computes a parsed formula (parse.ts) over the cells a CellReader gives, with Excel's
 * semantics for blanks, text, errors, ranges and arrays. What it cannot know (a volatile or unsupported function, a
 * defined name, an external link, a date typed as text) comes out as Unknown, never as a number.
 *
 * Arrays: a formula stored as an array formula (`<f t="array">`, Ctrl+Shift+Enter or a spilled dynamic array) and the
 * arguments of SUMPRODUCT evaluate a range in an operation element by element; anywhere else a range where one value
 * is wanted is cut to the cell in the formula's row or column (implicit intersection), as Excel before dynamic arrays
 * and LibreOffice do for a plain formula.
 */
import { MAX_ROW } from '../address';
import type { FormulaNode, ResolvedReference } from './parse';
import {
  add,
  compare,
  DIV0,
  equals,
  ErrorValue,
  isError,
  Matrix,
  NA,
  NUM,
  REF,
  scalarToText,
  toNumber,
  Unknown,
  VALUE,
  type Scalar,
} from './values';

/** A reference as a value: the cells of a rectangle on one sheet (functions read it cell by cell or as a whole). */
export class RangeRef {
  constructor(
    readonly sheet: string,
    readonly top: number,
    readonly left: number,
    readonly bottom: number,
    readonly right: number,
  ) {}
  get rows(): number {
    return this.bottom - this.top + 1;
  }
  get cols(): number {
    return this.right - this.left + 1;
  }
}

export type Value = Scalar | Unknown | Matrix | RangeRef;

/** Where an evaluation reads cells. Sheet names are the reader's own (see sheetName). */
export interface CellReader {
  /** The sheet's name as the reader knows it (Excel matches sheet names without case), or undefined. */
  sheetName(name: string): string | undefined;
  value(sheet: string, row: number, col: number): Scalar | Unknown;
  /** Visits the cells of the rectangle that are not blank, row by row; returning false stops the walk. */
  each(
    sheet: string,
    top: number,
    left: number,
    bottom: number,
    right: number,
    visit: (value: Scalar | Unknown, row: number, col: number) => boolean | void,
  ): void;
  /** One past the last row that holds a cell (whole columns are read up to there). */
  usedRows(sheet: string): number;
}

/** Arrays larger than this are not built (a whole-column SUMPRODUCT over a huge sheet): the result is Unknown. */
const MAX_ARRAY_CELLS = 4_000_000;

export interface Origin {
  sheet: string;
  row: number;
  col: number;
}

/** A reference's rectangle for the cell being evaluated, or undefined when it falls off the sheet (#REF!). */
export type Relocate = (
  node: ResolvedReference,
) => { top: number; left: number; bottom: number; right: number } | undefined;

/** One formula's evaluation: where it sits (for implicit intersection and unqualified references) and its mode. */
/**
 * Calls a worksheet function; handed in by whoever starts an evaluation (functions.ts), so the functions may use
 * the evaluation without the two modules importing each other.
 */
export type FunctionCall = (name: string, args: FormulaNode[], ev: Evaluation) => Value;

export class Evaluation {
  constructor(
    readonly reader: CellReader,
    private readonly call: FunctionCall,
    readonly origin: Origin,
    /** True in an array formula and inside SUMPRODUCT: ranges in operations are taken element by element. */
    public array: boolean,
    /** For a parse tree shared by copies of one formula: its references moved to this cell. */
    private readonly relocate?: Relocate,
  ) {}

  /** True once a range was cut to the formula's row or column: the result depends on the formula not being an array formula. */
  intersected = false;

  /** The formula's result as a cell shows it: one value, a blank reference read as 0. */
  result(node: FormulaNode): Scalar | Unknown {
    const value = this.evaluate(node);
    const scalar = value instanceof Matrix ? value.at(0, 0) : this.operand(value);
    const one = scalar instanceof Matrix ? scalar.at(0, 0) : scalar;
    return one === null ? 0 : one;
  }

  evaluate(node: FormulaNode): Value {
    switch (node.kind) {
      case 'number':
        // A literal past what a double holds (1E+3081) is one Excel would not take: #NUM!, never Infinity.
        return finite(node.value);
      case 'string':
      case 'boolean':
        return node.value;
      case 'error':
        return ErrorValue.of(node.value);
      case 'missing':
        return null;
      case 'name':
        return Unknown.of('name', node.name);
      case 'reference': {
        const box = this.relocate ? this.relocate(node) : node;
        return box ? this.reference(node.sheet, box.top, box.left, box.bottom, box.right) : REF;
      }
      case 'array':
        return this.arrayConstant(node.rows);
      case 'unary': {
        const value = this.evaluate(node.arg);
        return node.op === '+' ? this.operandValue(value) : this.map(value, negate);
      }
      case 'percent':
        return this.map(this.evaluate(node.arg), percent);
      case 'binary':
        return node.op === ':' ? this.rangeJoin(node.left, node.right) : this.binary(node.op, node.left, node.right);
      case 'function':
        return this.call(node.name, node.args, this);
    }
  }

  /** A reference resolved to the reader's sheet: another workbook is Unknown, a missing sheet #REF!. */
  reference(sheet: string | undefined, top: number, left: number, bottom: number, right: number): Value {
    if (sheet === undefined) return new RangeRef(this.origin.sheet, top, left, bottom, right);
    if (/^\[.*\]/.test(sheet)) return Unknown.of('external', sheet);
    const name = this.reader.sheetName(sheet);
    return name === undefined ? REF : new RangeRef(name, top, left, bottom, right);
  }

  private arrayConstant(rows: FormulaNode[][]): Value {
    const cols = rows[0]?.length ?? 0;
    if (cols === 0 || rows.some((row) => row.length !== cols)) return VALUE;
    const data: Array<Scalar | Unknown> = [];
    for (const row of rows)
      for (const item of row) {
        const value = this.evaluate(item);
        data.push(value instanceof Matrix || value instanceof RangeRef ? VALUE : value);
      }
    return new Matrix(rows.length, cols, data);
  }

  /** `A1:B2` from two references, or a reference and INDEX(…): the rectangle that covers both. */
  private rangeJoin(leftNode: FormulaNode, rightNode: FormulaNode): Value {
    const left = this.evaluate(leftNode);
    const right = this.evaluate(rightNode);
    for (const side of [left, right]) if (side instanceof Unknown || isError(side)) return side;
    if (!(left instanceof RangeRef) || !(right instanceof RangeRef) || left.sheet !== right.sheet) return VALUE;
    return new RangeRef(
      left.sheet,
      Math.min(left.top, right.top),
      Math.min(left.left, right.left),
      Math.max(left.bottom, right.bottom),
      Math.max(left.right, right.right),
    );
  }

  /**
   * A value where an operation wants one value (or, in array mode, an array): a one-cell reference gives its cell,
   * a larger one its cell in the formula's row or column (implicit intersection), or in array mode all its cells.
   */
  operand(value: Value): Scalar | Unknown | Matrix {
    if (!(value instanceof RangeRef)) return value;
    if (value.rows === 1 && value.cols === 1) return this.reader.value(value.sheet, value.top, value.left);
    if (this.array) return this.matrix(value);
    this.intersected = true;
    const { row, col } = this.origin;
    if (value.cols === 1 && row >= value.top && row <= value.bottom)
      return this.reader.value(value.sheet, row, value.left);
    if (value.rows === 1 && col >= value.left && col <= value.right)
      return this.reader.value(value.sheet, value.top, col);
    if (row >= value.top && row <= value.bottom && col >= value.left && col <= value.right)
      return this.reader.value(value.sheet, row, col);
    return VALUE;
  }

  private operandValue(value: Value): Value {
    return this.operand(value);
  }

  /** The cells of a reference as an array (cut at the sheet's last used row), or Unknown when it would be huge. */
  matrix(range: RangeRef, rows = Math.min(range.rows, this.usedRowsFrom(range))): Matrix | Unknown {
    const cols = range.cols;
    if (rows * cols > MAX_ARRAY_CELLS) return Unknown.of('array', 'too large');
    const data: Array<Scalar | Unknown> = new Array(rows * cols).fill(null);
    this.reader.each(range.sheet, range.top, range.left, range.top + rows - 1, range.right, (value, r, c) => {
      data[(r - range.top) * cols + (c - range.left)] = value;
    });
    return new Matrix(rows, cols, data);
  }

  /** Rows of the range up to the sheet's last used row (at least one). */
  usedRowsFrom(range: RangeRef): number {
    if (range.bottom < MAX_ROW / 2) return range.rows;
    return Math.max(1, Math.min(range.rows, this.reader.usedRows(range.sheet) - range.top));
  }

  /** Applies a one-value function to a value, element by element over an array. */
  map(value: Value, fn: (scalar: Scalar) => Scalar | Unknown): Scalar | Unknown | Matrix {
    const operand = this.operand(value);
    if (operand instanceof Unknown) return operand;
    if (operand instanceof Matrix)
      return new Matrix(
        operand.rows,
        operand.cols,
        operand.data.map((item) => (item instanceof Unknown ? item : fn(item))),
      );
    return fn(operand);
  }

  private binary(op: string, leftNode: FormulaNode, rightNode: FormulaNode): Value {
    const left = this.operand(this.evaluate(leftNode));
    const right = this.operand(this.evaluate(rightNode));
    if (!(left instanceof Matrix) && !(right instanceof Matrix)) return operate(op, left, right);
    const rows = Math.max(left instanceof Matrix ? left.rows : 1, right instanceof Matrix ? right.rows : 1);
    const cols = Math.max(left instanceof Matrix ? left.cols : 1, right instanceof Matrix ? right.cols : 1);
    const data: Array<Scalar | Unknown> = [];
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++)
        data.push(
          operate(op, left instanceof Matrix ? left.at(r, c) : left, right instanceof Matrix ? right.at(r, c) : right),
        );
    return new Matrix(rows, cols, data);
  }
}

function negate(value: Scalar): Scalar | Unknown {
  const n = toNumber(value);
  return typeof n === 'number' ? (n === 0 ? 0 : -n) : n;
}

function percent(value: Scalar): Scalar | Unknown {
  const n = toNumber(value);
  return typeof n === 'number' ? n / 100 : n;
}

/** A number result, or #NUM! for what Excel cannot hold (infinity, NaN). */
export function finite(value: number): number | ErrorValue {
  return Number.isFinite(value) ? value : NUM;
}

/** One binary operation on two values: errors and Unknown pass through, left operand first. */
export function operate(op: string, a: Scalar | Unknown, b: Scalar | Unknown): Scalar | Unknown {
  if (a instanceof Unknown || isError(a)) return a;
  if (b instanceof Unknown || isError(b)) return b;
  switch (op) {
    case '&':
      return scalarToText(a) + scalarToText(b);
    case '=':
    case '<>': {
      // Equality needs no collation: text is equal when equal without case.
      const same = equals(a, b);
      return op === '=' ? same : !same;
    }
    case '<':
    case '>':
    case '<=':
    case '>=': {
      const order = compare(a, b);
      if (order instanceof Unknown) return order;
      if (op === '<') return order < 0;
      if (op === '>') return order > 0;
      if (op === '<=') return order <= 0;
      return order >= 0;
    }
    default: {
      const x = toNumber(a);
      if (typeof x !== 'number') return x;
      const y = toNumber(b);
      if (typeof y !== 'number') return y;
      switch (op) {
        case '+':
          return finite(add(x, y));
        case '-':
          return finite(add(x, -y));
        case '*':
          return finite(x * y);
        case '/':
          return y === 0 ? DIV0 : finite(x / y);
        case '^':
          // Excel gives #NUM! for 0^0 and #DIV/0! for 0^-1; LibreOffice 1 and #NUM!.
          if (x === 0 && y <= 0) return Unknown.of('ambiguous', '0^0');
          return finite(x ** y);
        default:
          return NA;
      }
    }
  }
}
