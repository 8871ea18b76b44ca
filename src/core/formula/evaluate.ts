/**
 * The value of a parsed formula from the cached values of the cells it reads: arithmetic (+ - * / ^, unary
 * signs, %), and SUM, AVERAGE, MIN, MAX, COUNT, ROUND, ABS over numbers. Anything else (text, other functions,
 * other sheets, errors) gives undefined: the caller cannot tell, and says nothing. The formula is walked as a
 * tree; no text is ever run.
 */
import type { SheetGrid } from '../grid';
import { excelRound } from '../numbers';
import type { FormulaNode, ResolvedReference } from './parse';

/** Cells a range may hold before it is not worth reading (a whole column). */
const MAX_CELLS = 10_000;

function cellNumber(grid: SheetGrid, row: number, col: number): number | undefined {
  const cell = grid.cell(row, col);
  if (!cell || cell.value.type === 'empty') return 0;
  return cell.value.type === 'number' ? cell.value.value : undefined;
}

/** The numbers of a range (empty and text cells skipped, as Excel's aggregates do); undefined past MAX_CELLS. */
function numbersIn(grid: SheetGrid, ref: ResolvedReference): number[] | undefined {
  if ((ref.bottom - ref.top + 1) * (ref.right - ref.left + 1) > MAX_CELLS) return undefined;
  const found: number[] = [];
  for (let row = ref.top; row <= ref.bottom; row++)
    for (let col = ref.left; col <= ref.right; col++) {
      const value = grid.value(row, col);
      if (value.type === 'number') found.push(value.value);
    }
  return found;
}

function aggregate(grid: SheetGrid, name: string, args: FormulaNode[]): number | undefined {
  const values: number[] = [];
  for (const arg of args) {
    if (arg.kind === 'reference') {
      if (arg.sheet !== undefined) return undefined;
      const numbers = numbersIn(grid, arg);
      if (!numbers) return undefined;
      values.push(...numbers);
    } else {
      const value = evaluate(grid, arg);
      if (value === undefined) return undefined;
      values.push(value);
    }
  }
  switch (name) {
    case 'SUM':
      return values.reduce((a, b) => a + b, 0);
    case 'AVERAGE':
      return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
    case 'MIN':
      return values.length > 0 ? Math.min(...values) : 0;
    case 'MAX':
      return values.length > 0 ? Math.max(...values) : 0;
    case 'COUNT':
      return values.length;
    default:
      return undefined;
  }
}

export function evaluate(grid: SheetGrid, node: FormulaNode): number | undefined {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'reference':
      return node.sheet === undefined && node.top === node.bottom && node.left === node.right
        ? cellNumber(grid, node.top, node.left)
        : undefined;
    case 'unary': {
      const value = evaluate(grid, node.arg);
      return value === undefined ? undefined : node.op === '-' ? -value : value;
    }
    case 'percent': {
      const value = evaluate(grid, node.arg);
      return value === undefined ? undefined : value / 100;
    }
    case 'binary': {
      const left = evaluate(grid, node.left);
      const right = evaluate(grid, node.right);
      if (left === undefined || right === undefined) return undefined;
      switch (node.op) {
        case '+':
          return left + right;
        case '-':
          return left - right;
        case '*':
          return left * right;
        case '/':
          return right === 0 ? undefined : left / right;
        case '^':
          return left ** right;
        default:
          return undefined;
      }
    }
    case 'function': {
      if (node.name === 'ROUND' || node.name === 'ABS') {
        const value = node.args[0] ? evaluate(grid, node.args[0]) : undefined;
        if (value === undefined) return undefined;
        if (node.name === 'ABS') return Math.abs(value);
        const digits = node.args[1] ? evaluate(grid, node.args[1]) : 0;
        return digits === undefined ? undefined : excelRound(value, digits);
      }
      return aggregate(grid, node.name, node.args);
    }
    default:
      return undefined;
  }
}
