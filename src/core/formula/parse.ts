/**
 * A parser over the lexer's tokens (precedence climbing). Excel's order, loosest first:
 * comparison < & < + - < * / < ^ < unary minus/plus and percent < the range operator `:`.
 * References are resolved against the cell that holds the formula, so every reference knows the cells it reads
 * and has an R1C1 form: copied formulas give the same `r1c1` text.
 */
import { MAX_COLUMN, MAX_ROW } from '../address';
import { tokenize, type CellPoint, type ReferenceToken, type Token } from './tokenize';

/** A reference resolved to absolute 0-based positions; for whole columns top/bottom span the sheet, likewise for rows. */
export interface ResolvedReference {
  kind: 'reference';
  sheet?: string;
  shape: ReferenceToken['shape'];
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** R1C1 text, relative parts as offsets from the formula's cell: R[-1]C, R1C[2]:R[3]C[2]. */
  r1c1: string;
  /** True when a row or column part is relative, so the reference moves when the formula is copied. */
  relative: boolean;
}

export type FormulaNode =
  | ResolvedReference
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; value: string }
  | { kind: 'name'; name: string; sheet?: string }
  | { kind: 'missing' }
  | { kind: 'array'; rows: FormulaNode[][] }
  | { kind: 'function'; name: string; args: FormulaNode[] }
  | { kind: 'unary'; op: '-' | '+'; arg: FormulaNode }
  | { kind: 'percent'; arg: FormulaNode }
  | { kind: 'binary'; op: string; left: FormulaNode; right: FormulaNode };

/** Binding power of each binary operator; higher binds tighter. */
const BINARY: Readonly<Record<string, number>> = {
  '=': 1,
  '<>': 1,
  '<': 1,
  '>': 1,
  '<=': 1,
  '>=': 1,
  '&': 2,
  '+': 3,
  '-': 3,
  '*': 4,
  '/': 4,
  '^': 5,
};
const UNARY_POWER = 6;
const RANGE_POWER = 8;

/** One R1C1 part: `R5` absolute, `R[-1]` relative, `R` for the same row or column. */
function r1c1Part(letter: string, value: number, absolute: boolean, origin: number): string {
  if (absolute) return `${letter}${value + 1}`;
  const offset = value - origin;
  return offset === 0 ? letter : `${letter}[${offset}]`;
}

function pointR1C1(point: CellPoint, at: { row: number; col: number }, shape: ReferenceToken['shape']): string {
  const row = shape === 'columns' ? '' : r1c1Part('R', point.row, point.rowAbsolute, at.row);
  const col = shape === 'rows' ? '' : r1c1Part('C', point.col, point.colAbsolute, at.col);
  return row + col;
}

/** Resolves a lexer reference against the cell (row, col) that holds the formula. */
/** The reference in R1C1 form, relative parts as offsets from the formula's cell at `at`. */
export function referenceR1C1(token: ReferenceToken, at: { row: number; col: number }): string {
  const { start, end, shape } = token;
  const sheetPrefix = token.sheet !== undefined ? `'${token.sheet}'!` : '';
  return (
    sheetPrefix +
    (shape === 'cell' ? pointR1C1(start, at, shape) : `${pointR1C1(start, at, shape)}:${pointR1C1(end, at, shape)}`)
  );
}

/** True when a row or column part of the reference is relative, so it moves when the formula is copied. */
export function isRelative(token: ReferenceToken): boolean {
  const { start, end, shape } = token;
  return (
    (shape !== 'columns' && (!start.rowAbsolute || !end.rowAbsolute)) ||
    (shape !== 'rows' && (!start.colAbsolute || !end.colAbsolute))
  );
}

export function resolveReference(token: ReferenceToken, at: { row: number; col: number }): ResolvedReference {
  const { start, end, shape } = token;
  const top = shape === 'columns' ? 0 : Math.min(start.row, end.row);
  const bottom = shape === 'columns' ? MAX_ROW : Math.max(start.row, end.row);
  const left = shape === 'rows' ? 0 : Math.min(start.col, end.col);
  const right = shape === 'rows' ? MAX_COLUMN : Math.max(start.col, end.col);
  const resolved: ResolvedReference = {
    kind: 'reference',
    shape,
    top,
    left,
    bottom,
    right,
    r1c1: referenceR1C1(token, at),
    relative: isRelative(token),
  };
  if (token.sheet !== undefined) resolved.sheet = token.sheet;
  return resolved;
}

class ParseError extends Error {}

/** A precedence-climbing parser over one formula's tokens (a class: per-call closures cost more than parsing). */
class Parser {
  private i = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly at: { row: number; col: number },
  ) {}

  parse(): FormulaNode | undefined {
    if (this.tokens.length === 0 || this.tokens.some((t) => t.kind === 'unknown')) return undefined;
    const node = this.expression(0);
    return this.i === this.tokens.length ? node : undefined;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private next(): Token {
    const token = this.tokens[this.i++];
    if (!token) throw new ParseError('unexpected end');
    return token;
  }

  private expect(kind: Token['kind']): void {
    if (this.next().kind !== kind) throw new ParseError(`expected ${kind}`);
  }

  private arguments(): FormulaNode[] {
    const args: FormulaNode[] = [];
    if (this.peek()?.kind === 'close') {
      this.i++;
      return args;
    }
    for (;;) {
      const t = this.peek();
      if (t?.kind === 'separator' || t?.kind === 'close') args.push({ kind: 'missing' });
      else args.push(this.expression(0));
      const after = this.next();
      if (after.kind === 'close') return args;
      if (after.kind !== 'separator') throw new ParseError('expected , or )');
      if (this.peek()?.kind === 'close') {
        args.push({ kind: 'missing' });
        this.i++;
        return args;
      }
    }
  }

  private primary(): FormulaNode {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        return { kind: 'number', value: token.value };
      case 'string':
        return { kind: 'string', value: token.value };
      case 'boolean':
        return { kind: 'boolean', value: token.value };
      case 'error':
        return { kind: 'error', value: token.text.toUpperCase() };
      case 'reference':
        return resolveReference(token, this.at);
      case 'name':
        return token.sheet !== undefined
          ? { kind: 'name', name: token.text, sheet: token.sheet }
          : { kind: 'name', name: token.text };
      case 'function': {
        this.expect('open');
        return { kind: 'function', name: token.name, args: this.arguments() };
      }
      case 'open': {
        const inner = this.expression(0);
        // (A1,B1) is a union; keep it as a function-like node so its references are still read.
        if (this.peek()?.kind === 'separator') {
          const parts = [inner];
          while (this.peek()?.kind === 'separator') {
            this.i++;
            parts.push(this.expression(0));
          }
          this.expect('close');
          return { kind: 'function', name: 'UNION', args: parts };
        }
        this.expect('close');
        return inner;
      }
      case 'array-open': {
        const rows: FormulaNode[][] = [[]];
        for (;;) {
          (rows[rows.length - 1] as FormulaNode[]).push(this.expression(0));
          const after = this.next();
          if (after.kind === 'array-close') return { kind: 'array', rows };
          if (after.kind === 'array-row') rows.push([]);
          else if (after.kind !== 'separator') throw new ParseError('bad array');
        }
      }
      case 'operator':
        if (token.text === '-' || token.text === '+')
          return { kind: 'unary', op: token.text, arg: this.expression(UNARY_POWER) };
        throw new ParseError(`unexpected ${token.text}`);
      default:
        throw new ParseError(`unexpected ${token.text}`);
    }
  }

  private expression(minPower: number): FormulaNode {
    let left = this.primary();
    for (;;) {
      const token = this.peek();
      if (!token || token.kind !== 'operator') return left;
      if (token.text === '%') {
        this.i++;
        left = { kind: 'percent', arg: left };
        continue;
      }
      const power = token.text === ':' ? RANGE_POWER : BINARY[token.text];
      if (power === undefined || power < minPower) return left;
      this.i++;
      // ^ is left-associative in Excel, like the rest.
      const right = this.expression(power + 1);
      left = token.text === ':' ? joinRange(left, right) : { kind: 'binary', op: token.text, left, right };
    }
  }
}

/**
 * Parses formula text (with or without the leading '=') held at (row, col). Returns undefined when the text
 * is not a well-formed formula.
 */
export function parseFormula(formula: string, at: { row: number; col: number }): FormulaNode | undefined {
  try {
    return new Parser(
      tokenize(formula).filter((t) => t.kind !== 'space'),
      at,
    ).parse();
  } catch (error) {
    if (error instanceof ParseError) return undefined;
    throw error;
  }
}

/** `A1:B2` built by the `:` operator from two references (e.g. A1:INDEX(...) stays a binary node). */
function joinRange(left: FormulaNode, right: FormulaNode): FormulaNode {
  if (left.kind === 'reference' && right.kind === 'reference' && left.sheet === right.sheet) {
    const joined: ResolvedReference = {
      kind: 'reference',
      shape: 'range',
      top: Math.min(left.top, right.top),
      left: Math.min(left.left, right.left),
      bottom: Math.max(left.bottom, right.bottom),
      right: Math.max(left.right, right.right),
      r1c1: `${left.r1c1}:${right.r1c1}`,
      relative: left.relative || right.relative,
    };
    if (left.sheet !== undefined) joined.sheet = left.sheet;
    return joined;
  }
  return { kind: 'binary', op: ':', left, right };
}

/** Every reference the formula reads, in order. */
export function referencesOf(node: FormulaNode): ResolvedReference[] {
  const found: ResolvedReference[] = [];
  collectReferences(node, found);
  return found;
}

function collectReferences(n: FormulaNode, found: ResolvedReference[]): void {
  switch (n.kind) {
    case 'reference':
      found.push(n);
      return;
    case 'function':
      for (const arg of n.args) collectReferences(arg, found);
      return;
    case 'unary':
    case 'percent':
      collectReferences(n.arg, found);
      return;
    case 'binary':
      collectReferences(n.left, found);
      collectReferences(n.right, found);
      return;
    case 'array':
      for (const row of n.rows) for (const item of row) collectReferences(item, found);
      return;
    default:
      return;
  }
}

/**
 * The formula as text with each reference written by `reference`; the default writes R1C1, which is equal for
 * formulas copied from one another. Numbers and strings are kept.
 */
export function r1c1Of(
  node: FormulaNode,
  reference: (ref: ResolvedReference) => string = r1c1Text,
  number: (value: number) => string = String,
): string {
  return render(node, reference, number);
}

const r1c1Text = (ref: ResolvedReference): string => ref.r1c1;

function renderList(
  nodes: FormulaNode[],
  reference: (ref: ResolvedReference) => string,
  number: (value: number) => string,
): string {
  let text = '';
  for (let k = 0; k < nodes.length; k++)
    text += (k > 0 ? ',' : '') + render(nodes[k] as FormulaNode, reference, number);
  return text;
}

function render(
  n: FormulaNode,
  reference: (ref: ResolvedReference) => string,
  number: (value: number) => string,
): string {
  switch (n.kind) {
    case 'reference':
      return reference(n);
    case 'number':
      return number(n.value);
    case 'string':
      return JSON.stringify(n.value);
    case 'boolean':
      return n.value ? 'TRUE' : 'FALSE';
    case 'error':
      return n.value;
    case 'name':
      return n.sheet !== undefined ? `'${n.sheet}'!${n.name.slice(n.name.lastIndexOf('!') + 1)}` : n.name;
    case 'missing':
      return '';
    case 'array':
      return `{${n.rows.map((row) => renderList(row, reference, number)).join(';')}}`;
    case 'function':
      return `${n.name}(${renderList(n.args, reference, number)})`;
    case 'unary':
      return `${n.op}${render(n.arg, reference, number)}`;
    case 'percent':
      return `${render(n.arg, reference, number)}%`;
    case 'binary':
      return `(${render(n.left, reference, number)}${n.op}${render(n.right, reference, number)})`;
  }
}

const referencePlaceholder = (): string => '@';

/** The formula's construction with every reference left out: `SUM(@)/@` for both `SUM(A1:A9)/B2` and `SUM(C3:C5)/D1`. */
export function skeletonOf(node: FormulaNode): string {
  return r1c1Of(node, referencePlaceholder);
}
