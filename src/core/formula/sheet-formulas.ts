import type { SheetGrid } from '../grid';
import type { Cell } from '../snapshot';
import {
  isRelative,
  parseFormula,
  referenceR1C1,
  resolveReference,
  type FormulaNode,
  type ResolvedReference,
} from './parse';
import { fingerprintOf, type Fingerprint } from './fingerprint';
import { tokenize, type ReferenceToken } from './tokenize';

/**
 * A formula cell as the formula rules compare it. The pattern and the references come straight from the lexer's
 * tokens; the parse tree is built only for the few formulas a rule looks into (a SUM's ranges, a total's terms),
 * because parsing every formula of a large sheet costs more than all the comparisons together.
 */
export class FormulaCell {
  /** The formula in R1C1 form with every number left out: copies of one formula share it, also when their constants differ (days in a month, a rate per year). */
  readonly pattern: string;
  /** The pattern with its numbers: formulas copied from one another, constants included, share it (the evaluator parses each once). */
  readonly copyKey: string;
  /** True when a reference moves on copy, so a run of copies forms a pattern. */
  readonly relative: boolean;
  private readonly referenceTokens: ReferenceToken[] = [];
  private resolved: ResolvedReference[] | undefined;
  /** The functions it calls; the tokens themselves are not kept (a large sheet would hold them all in memory). */
  private readonly functions: string[] = [];
  private tree: FormulaNode | null | undefined;
  private print: Fingerprint | undefined;
  /** The numbers written in the formula, in order (`=G17-44.64-0.1` holds 44.64 and 0.1). */
  readonly constants: number[] = [];
  /** True when it reads a defined name: its cells are not known from the text alone. */
  readonly readsNames: boolean = false;

  constructor(readonly cell: Cell) {
    let pattern = '';
    let numbers = '';
    for (const token of tokenize(cell.formula ?? '')) {
      if (token.kind === 'space') continue;
      if (token.kind === 'reference') {
        this.referenceTokens.push(token);
        pattern += referenceR1C1(token, cell);
      } else if (token.kind === 'number') {
        this.constants.push(token.value);
        pattern += '#';
        numbers += `${token.text},`;
      } else if (token.kind === 'function') {
        this.functions.push(token.name);
        pattern += token.name;
      } else if (token.kind === 'string') pattern += JSON.stringify(token.value);
      else {
        if (token.kind === 'name') this.readsNames = true;
        pattern += token.text.toUpperCase();
      }
      pattern += ' ';
    }
    this.pattern = pattern;
    this.copyKey = `${pattern}\u0000${numbers}`;
    this.relative = this.referenceTokens.some(isRelative);
  }

  /** True when the formula reads any cell (`=18+3` reads none). */
  get readsCells(): boolean {
    return this.referenceTokens.length > 0;
  }

  /** The cells it reads, resolved on first use. */
  get references(): ResolvedReference[] {
    this.resolved ??= this.referenceTokens.map((token) => resolveReference(token, this.cell));
    return this.resolved;
  }

  /** What it reads relative to its own cell, built on first use: equal for copies, whatever the order of terms. */
  get fingerprint(): Fingerprint {
    this.print ??= fingerprintOf(this.referenceTokens, this.cell);
    return this.print;
  }

  /** The parse tree, built on first use; undefined when the formula does not parse. */
  get node(): FormulaNode | undefined {
    if (this.tree === undefined) this.tree = parseFormula(this.cell.formula ?? '', this.cell) ?? null;
    return this.tree ?? undefined;
  }

  /** True when the formula calls the function (read from the tokens, without parsing). */
  calls(name: string): boolean {
    return this.functions.includes(name);
  }
}

const cache = new WeakMap<SheetGrid, ReadonlyMap<Cell, FormulaCell>>();

/** The formula cells of one sheet, read once per check and shared by the formula rules. */
export function sheetFormulas(grid: SheetGrid): ReadonlyMap<Cell, FormulaCell> {
  const known = cache.get(grid);
  if (known) return known;
  const found = new Map<Cell, FormulaCell>();
  for (const cell of grid.sheet.cells) if (cell.formula) found.set(cell, new FormulaCell(cell));
  cache.set(grid, found);
  return found;
}

/** The formula at (row, col), if the cell holds one. */
export function formulaAt(grid: SheetGrid, row: number, col: number): FormulaCell | undefined {
  if (row < 0 || col < 0) return undefined;
  const cell = grid.cell(row, col);
  return cell?.formula ? sheetFormulas(grid).get(cell) : undefined;
}
