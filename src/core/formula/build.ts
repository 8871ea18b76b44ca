import type { Figure } from '../model';

/**
 * A small expression tree for the formulas a fill writes. Formulas are built from cell references and
 * numbers, never from workbook text, and rendered to A1 text here in one place.
 */
export type Expr =
  | { kind: 'ref'; figure: Figure; absolute?: boolean }
  | { kind: 'range'; first: Figure; last: Figure }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/' | '>='; left: Expr; right: Expr }
  | { kind: 'call'; name: 'ROUND' | 'MIN' | 'AVERAGE' | 'SUM' | 'IF'; args: Expr[] };

export const ref = (figure: Figure): Expr => ({ kind: 'ref', figure });
/** A reference that stays put when the formula is copied ($B$3), for rows of constants such as option values. */
export const fixedRef = (figure: Figure): Expr => ({ kind: 'ref', figure, absolute: true });
export const num = (value: number): Expr => ({ kind: 'number', value });
export const text = (value: string): Expr => ({ kind: 'text', value });
export const binary = (op: '+' | '-' | '*' | '/' | '>=', left: Expr, right: Expr): Expr => ({
  kind: 'binary',
  op,
  left,
  right,
});
export const call = (name: 'ROUND' | 'MIN' | 'AVERAGE' | 'SUM' | 'IF', ...args: Expr[]): Expr => ({
  kind: 'call',
  name,
  args,
});

/** The cells from `first` to `last` on one sheet, e.g. G4:G12. */
export const range = (first: Figure, last: Figure): Expr => ({ kind: 'range', first, last });

/** True when `next` continues a run of cells down a column or along a row. */
function continues(run: readonly Figure[], next: Figure): boolean {
  const [first] = run;
  const last = run[run.length - 1];
  if (!first || !last || next.sheet !== first.sheet) return false;
  const down = next.col === last.col && next.row === last.row + 1 && first.col === last.col;
  const across = next.row === last.row && next.col === last.col + 1 && first.row === last.row;
  return run.length === 1 ? down || across : first.col === last.col ? down : across;
}

/**
 * SUM of cells, each run of neighbours in a column or row written as a range (SUM(G5,G9:G20)), so the formula
 * reads as an accountant would write it.
 */
export function sumOf(cells: readonly Figure[]): Expr {
  const runs: Figure[][] = [];
  for (const cell of cells) {
    const run = runs[runs.length - 1];
    if (run && continues(run, cell)) run.push(cell);
    else runs.push([cell]);
  }
  return call(
    'SUM',
    ...runs.map((run) =>
      run.length > 1 ? range(run[0] as Figure, run[run.length - 1] as Figure) : ref(run[0] as Figure),
    ),
  );
}

/** Sum of several expressions, left to right. */
export function plus(terms: Expr[]): Expr {
  return terms.reduce((total, term) => binary('+', total, term));
}

/** A sheet name as a formula reference prefix: always quoted, inner quotes doubled, so any name is inert. */
export function sheetPrefix(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!`;
}

const PRECEDENCE: Readonly<Record<string, number>> = { '>=': 1, '+': 2, '-': 2, '*': 3, '/': 3 };

/** The formula text (without '='), with references relative to `hostSheet`. */
export function renderFormula(expr: Expr, hostSheet: string): string {
  const render = (e: Expr, parent: number, right: boolean): string => {
    switch (e.kind) {
      case 'ref':
        return (
          (e.figure.sheet === hostSheet ? '' : sheetPrefix(e.figure.sheet)) +
          (e.absolute ? e.figure.cell.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2') : e.figure.cell)
        );
      case 'range':
        return `${e.first.sheet === hostSheet ? '' : sheetPrefix(e.first.sheet)}${e.first.cell}:${e.last.cell}`;
      case 'number':
        return String(e.value);
      case 'text':
        return `"${e.value.replace(/"/g, '""')}"`;
      case 'call':
        return `${e.name}(${e.args.map((a) => render(a, 0, false)).join(',')})`;
      case 'binary': {
        const own = PRECEDENCE[e.op] as number;
        const body = `${render(e.left, own, false)}${e.op}${render(e.right, own, true)}`;
        // Parenthesise when the parent binds tighter, or on the right of a non-associative operator (a/(b*c)).
        return own < parent || (right && own === parent) ? `(${body})` : body;
      }
    }
  };
  return render(expr, 0, false);
}
