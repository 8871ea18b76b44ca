/**
 * The evaluator over a workbook snapshot. Three uses:
 * - `storedResult`: what a formula computes from the values its cells hold now (cached results of other formulas
 *   included): a stored result that differs was not recalculated (formula/stale);
 * - `evaluateText`: any formula text, as if it were written at a cell, over the stored values;
 * - `recalculate`: the cells change (new values or new formulas); every formula that depends on them, directly or
 *   through others, is recomputed in order (fix writes their results; the standalone page's what-if shows them).
 * Evaluation is lazy: nothing is computed until asked, and the dependency graph is built on the first recalculation.
 */
import { MAX_COLUMN, MAX_ROW } from '../address';
import { SheetGrid } from '../grid';
import type { Cell, CellValue, WorkbookSnapshot } from '../snapshot';
import { DependencyIndex, type FormulaEntry } from './dependencies';
import { Evaluation, type CellReader, type Relocate } from './evaluate';
import { callFunction } from './functions';
import { parseFormula, type FormulaNode, type ResolvedReference } from './parse';
import { sheetFormulas } from './sheet-formulas';
import { fromCellValue, toFormulaValue, Unknown, type FormulaValue, type Scalar } from './values';

const COLUMNS = 16384;

/** A cell given a new value or a new formula (formula text without '='). */
export interface CellChange {
  sheet: string;
  row: number;
  col: number;
  formula?: string;
  /** The new value of a constant cell; ignored when a formula is given. */
  value?: CellValue;
  array?: boolean;
}

/** A formula's result after a recalculation, beside what the cell stored before. */
export interface Recalculated {
  sheet: string;
  row: number;
  col: number;
  formula: string;
  value: FormulaValue;
  stored: CellValue;
  /** True for a formula at one of the changed cells (written by the change itself). */
  changed: boolean;
}

type Override = (sheet: string, row: number, col: number) => Scalar | Unknown | undefined;

/** One row or column part of an R1C1 point: absolute (0-based) or an offset from the formula's cell. */
interface Part {
  absolute: boolean;
  value: number;
}
interface Point {
  row?: Part;
  col?: Part;
}

function r1c1Part(text: string | undefined, absolute: string | undefined): Part | undefined {
  if (text === undefined) return undefined;
  if (absolute !== undefined) return { absolute: true, value: Number(absolute) - 1 };
  const offset = /\[(-?\d+)\]/.exec(text)?.[1];
  return { absolute: false, value: offset === undefined ? 0 : Number(offset) };
}

/** The points of a reference's R1C1 text (`'Sheet'!R[-1]C:R5C2`), sheet prefix left out. */
function r1c1Points(r1c1: string): Point[] | undefined {
  let body = r1c1;
  if (body.startsWith("'")) {
    let i = 1;
    while (i < body.length && !(body[i] === "'" && body[i + 1] !== "'")) i += body[i] === "'" ? 2 : 1;
    body = body.slice(i + 2);
  }
  const points: Point[] = [];
  for (const part of body.split(':')) {
    const match = /^(R(?:\[-?\d+\]|(\d+))?)?(C(?:\[-?\d+\]|(\d+))?)?$/.exec(part);
    if (!match || (!match[1] && !match[3])) return undefined;
    const point: Point = {};
    const row = r1c1Part(match[1], match[2]);
    const col = r1c1Part(match[3], match[4]);
    if (row) point.row = row;
    if (col) point.col = col;
    points.push(point);
  }
  return points;
}

/**
 * A parse tree shared by the copies of one formula (the same R1C1 text, constants included): parsed once at the first
 * copy, its references are moved to each other copy's cell when evaluated there.
 */
class SharedTree {
  private readonly points = new Map<ResolvedReference, Point[] | null>();
  constructor(
    readonly node: FormulaNode,
    readonly row: number,
    readonly col: number,
  ) {}

  relocateTo(row: number, col: number): Relocate | undefined {
    if (row === this.row && col === this.col) return undefined;
    return (node) => {
      let points = this.points.get(node);
      if (points === undefined) {
        points = r1c1Points(node.r1c1) ?? null;
        this.points.set(node, points);
      }
      if (points === null) return undefined;
      let top = Infinity;
      let bottom = -Infinity;
      let left = Infinity;
      let right = -Infinity;
      let wholeColumns = true;
      let wholeRows = true;
      for (const point of points) {
        if (point.row) {
          wholeColumns = false;
          const r = point.row.absolute ? point.row.value : row + point.row.value;
          if (r < 0 || r > MAX_ROW) return undefined;
          top = Math.min(top, r);
          bottom = Math.max(bottom, r);
        }
        if (point.col) {
          wholeRows = false;
          const c = point.col.absolute ? point.col.value : col + point.col.value;
          if (c < 0 || c > MAX_COLUMN) return undefined;
          left = Math.min(left, c);
          right = Math.max(right, c);
        }
      }
      if (wholeColumns) [top, bottom] = [0, MAX_ROW];
      if (wholeRows) [left, right] = [0, MAX_COLUMN];
      return { top, left, bottom, right };
    };
  }
}

/** Reads the snapshot's cells through its grids; `override` gives changed and recomputed cells first. */
class SnapshotReader implements CellReader {
  private readonly names = new Map<string, string>();
  private readonly rowLists = new Map<string, number[]>();
  /** Changed cells the snapshot does not hold (a value typed into a blank): ranges must see them too. */
  extra = new Map<string, Array<{ row: number; col: number }>>();
  override: Override | undefined;

  constructor(private readonly grids: ReadonlyMap<string, SheetGrid>) {
    for (const name of grids.keys()) if (!this.names.has(name.toLowerCase())) this.names.set(name.toLowerCase(), name);
  }

  sheetName(name: string): string | undefined {
    return this.grids.has(name) ? name : this.names.get(name.toLowerCase());
  }

  value(sheet: string, row: number, col: number): Scalar | Unknown {
    const changed = this.override?.(sheet, row, col);
    if (changed !== undefined) return changed;
    const cell = this.grids.get(sheet)?.cell(row, col);
    return cell ? fromCellValue(cell.value) : null;
  }

  private rows(sheet: string, grid: SheetGrid): number[] {
    let rows = this.rowLists.get(sheet);
    if (!rows) {
      rows = grid.rowNumbers();
      this.rowLists.set(sheet, rows);
    }
    return rows;
  }

  each(
    sheet: string,
    top: number,
    left: number,
    bottom: number,
    right: number,
    visit: (value: Scalar | Unknown, row: number, col: number) => boolean | void,
  ): void {
    const grid = this.grids.get(sheet);
    if (grid) {
      const rows = this.rows(sheet, grid);
      let low = 0;
      let high = rows.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if ((rows[mid] as number) < top) low = mid + 1;
        else high = mid;
      }
      for (let i = low; i < rows.length && (rows[i] as number) <= bottom; i++) {
        const row = rows[i] as number;
        for (const cell of grid.cellsInRow(row)) {
          if (cell.col < left) continue;
          if (cell.col > right) break;
          const changed = this.override?.(sheet, row, cell.col);
          const value = changed !== undefined ? changed : fromCellValue(cell.value);
          if (value !== null && visit(value, row, cell.col) === false) return;
        }
      }
    }
    for (const { row, col } of this.extra.get(sheet) ?? []) {
      if (row < top || row > bottom || col < left || col > right) continue;
      const value = this.value(sheet, row, col);
      if (value !== null && visit(value, row, col) === false) return;
    }
  }

  usedRows(sheet: string): number {
    const extra = this.extra.get(sheet) ?? [];
    return Math.max(this.grids.get(sheet)?.rowCount ?? 0, ...extra.map((c) => c.row + 1));
  }
}

export class WorkbookEvaluator {
  private readonly grids: ReadonlyMap<string, SheetGrid>;
  private readonly reader: SnapshotReader;
  private index: DependencyIndex | undefined;
  private readonly shared = new Map<string, SharedTree | null>();
  /**
   * Whether the snapshot says which formulas are array formulas: the .xlsx reader does (`t="array"`); the .xls reader
   * and the add-in do not, so there a result that cut a range to the formula's row (implicit intersection) is unknown.
   */
  private readonly arraysKnown: boolean;

  /** `grids` may be the check's own (recognizeWorkbook's), so the formulas' tokens are shared with the rules. */
  constructor(snapshot: WorkbookSnapshot, grids?: ReadonlyMap<string, SheetGrid>) {
    this.grids = grids ?? new Map(snapshot.sheets.map((sheet) => [sheet.name, new SheetGrid(sheet)]));
    this.reader = new SnapshotReader(this.grids);
    this.arraysKnown = snapshot.source === undefined || snapshot.source.format === 'xlsx';
  }

  /**
   * The parse tree to evaluate a formula cell with, and how to move its references there: copies of one formula
   * share the tree parsed at the first of them (parsing every copy would cost more than evaluating them all).
   */
  private treeOf(sheet: string, cell: Cell): { node: FormulaNode; relocate?: Relocate } | undefined {
    const grid = this.grids.get(sheet);
    const formula = grid ? sheetFormulas(grid).get(cell) : undefined;
    if (!formula) {
      const node = cell.formula ? parseFormula(cell.formula, cell) : undefined;
      return node ? { node } : undefined;
    }
    let tree = this.shared.get(formula.copyKey);
    if (tree === undefined) {
      const node = formula.node;
      tree = node ? new SharedTree(node, cell.row, cell.col) : null;
      this.shared.set(formula.copyKey, tree);
    }
    if (tree === null) return undefined;
    const relocate = tree.relocateTo(cell.row, cell.col);
    return relocate ? { node: tree.node, relocate } : { node: tree.node };
  }

  private evaluation(sheet: string, cell: Cell): { node: FormulaNode; evaluation: Evaluation } | undefined {
    const tree = this.treeOf(sheet, cell);
    if (!tree) return undefined;
    const origin = { sheet, row: cell.row, col: cell.col };
    return {
      node: tree.node,
      evaluation: new Evaluation(this.reader, callFunction, origin, !!cell.array, tree.relocate),
    };
  }

  /** What the formula of a cell computes from the values the workbook holds now (it reads no recomputed value). */
  storedResult(sheet: string, cell: Cell): FormulaValue {
    const prepared = this.evaluation(sheet, cell);
    if (!prepared) return { type: 'unknown', reason: 'parse' };
    const value = prepared.evaluation.result(prepared.node);
    if (prepared.evaluation.intersected && !this.arraysKnown)
      return { type: 'unknown', reason: 'array', detail: 'array entry not known' };
    return toFormulaValue(value);
  }

  /** A formula's value (text without '=') as if it stood at (row, col) of `sheet`, over the values held now. */
  evaluateText(sheet: string, at: { row: number; col: number }, formula: string, array = false): FormulaValue {
    const node = parseFormula(formula, at);
    if (!node) return { type: 'unknown', reason: 'parse' };
    return toFormulaValue(
      new Evaluation(this.reader, callFunction, { sheet, row: at.row, col: at.col }, array).result(node),
    );
  }

  private dependencyIndex(): DependencyIndex {
    this.index ??= new DependencyIndex(this.grids, (name) => this.reader.sheetName(name));
    return this.index;
  }

  /**
   * Applies the changes and recomputes every formula that depends on a changed cell, directly or through others, and
   * the changed formulas themselves. The snapshot is not modified. Formulas on a cycle come back Unknown.
   */
  recalculate(changes: readonly CellChange[]): Recalculated[] {
    const index = this.dependencyIndex();
    const key = (sheet: string, row: number, col: number) => `${sheet}\u0000${row * COLUMNS + col}`;
    const changed = new Map<string, CellChange>();
    const extra = new Map<string, Array<{ row: number; col: number }>>();
    for (const change of changes) {
      const sheet = this.reader.sheetName(change.sheet) ?? change.sheet;
      changed.set(key(sheet, change.row, change.col), { ...change, sheet });
      if (!this.grids.get(sheet)?.cell(change.row, change.col))
        extra.set(sheet, [...(extra.get(sheet) ?? []), { row: change.row, col: change.col }]);
    }
    const { order, cyclic } = index.dependents([...changed.values()]);
    const computed = new Map<string, Scalar | Unknown>();
    const cycle = Unknown.of('cycle');
    for (const id of cyclic) {
      const entry = index.formulas[id] as FormulaEntry;
      computed.set(key(entry.sheet, entry.cell.row, entry.cell.col), cycle);
    }
    // A changed formula cell the snapshot did not hold as a formula is evaluated too.
    const newFormulas = [...changed.values()].filter(
      (change) => change.formula !== undefined && index.formulaAt(change.sheet, change.row, change.col) === undefined,
    );
    interface Pending {
      sheet: string;
      row: number;
      col: number;
      stored: CellValue;
      cell?: Cell;
    }
    const pending = new Map<string, Pending>();
    for (const change of newFormulas) {
      const cell = this.grids.get(change.sheet)?.cell(change.row, change.col);
      pending.set(key(change.sheet, change.row, change.col), { ...change, stored: cell?.value ?? { type: 'empty' } });
    }
    for (const id of order) {
      const { sheet, cell } = index.formulas[id] as FormulaEntry;
      pending.set(key(sheet, cell.row, cell.col), { sheet, row: cell.row, col: cell.col, stored: cell.value, cell });
    }
    const results: Recalculated[] = [];
    const running = new Set<string>();
    const evaluate = (k: string): Scalar | Unknown => {
      const known = computed.get(k);
      if (known !== undefined) return known;
      if (running.has(k)) return cycle;
      const item = pending.get(k) as Pending;
      const change = changed.get(k);
      const formula = change ? change.formula : item.cell?.formula;
      if (formula === undefined) return null; // a formula replaced by a value: not pending
      running.add(k);
      let value: Scalar | Unknown;
      if (change?.formula !== undefined) {
        const node = parseFormula(formula, item);
        const origin = { sheet: item.sheet, row: item.row, col: item.col };
        value = node
          ? new Evaluation(this.reader, callFunction, origin, !!change.array).result(node)
          : Unknown.of('parse');
      } else {
        const prepared = this.evaluation(item.sheet, item.cell as Cell);
        value = prepared ? prepared.evaluation.result(prepared.node) : Unknown.of('parse');
        if (prepared?.evaluation.intersected && !this.arraysKnown) value = Unknown.of('array', 'array entry not known');
      }
      running.delete(k);
      computed.set(k, value);
      results.push({
        sheet: item.sheet,
        row: item.row,
        col: item.col,
        formula,
        value: toFormulaValue(value),
        stored: item.stored,
        changed: change !== undefined,
      });
      return value;
    };
    this.reader.extra = extra;
    this.reader.override = (sheet, row, col) => {
      const k = key(sheet, row, col);
      const value = computed.get(k);
      if (value !== undefined) return value;
      // New formulas are not in the dependency order: one reading another is computed when first read.
      if (pending.has(k)) return evaluate(k);
      const change = changed.get(k);
      if (change && change.formula === undefined) return change.value ? fromCellValue(change.value) : null;
      return undefined;
    };
    try {
      for (const k of pending.keys()) evaluate(k);
      for (const id of cyclic) {
        const { sheet, cell } = index.formulas[id] as FormulaEntry;
        const k = key(sheet, cell.row, cell.col);
        const change = changed.get(k);
        const formula = change ? change.formula : cell.formula;
        if (formula === undefined) continue;
        results.push({
          sheet,
          row: cell.row,
          col: cell.col,
          formula,
          value: toFormulaValue(cycle),
          stored: cell.value,
          changed: change !== undefined,
        });
      }
    } finally {
      this.reader.override = undefined;
      this.reader.extra = new Map();
    }
    return results;
  }
}
