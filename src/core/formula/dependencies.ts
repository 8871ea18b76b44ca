/**
 * The dependency graph of a workbook's formulas, read backwards: which formulas read a given cell, directly. Built
 * once from the formulas' references (no evaluation); recalculation walks it from the changed cells to every formula
 * that depends on them, directly or through others, in an order where each formula comes after the ones it reads.
 */
import type { SheetGrid } from '../grid';
import type { Cell } from '../snapshot';
import { sheetFormulas } from './sheet-formulas';

const COLUMNS = 16384;
/** An area wider than this many columns is kept in one list per sheet rather than under each column. */
const MAX_BUCKETED_COLUMNS = 64;

/** A formula cell of the workbook, numbered in the index. */
export interface FormulaEntry {
  id: number;
  sheet: string;
  cell: Cell;
}

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
  id: number;
}

interface SheetIndex {
  points: Map<number, number[]>;
  columns: Map<number, Area[]>;
  wide: Area[];
}

export class DependencyIndex {
  readonly formulas: FormulaEntry[] = [];
  /** Formulas whose inputs cannot be read from their text (defined names, INDIRECT, OFFSET): they may read any cell. */
  readonly dynamic: number[] = [];
  private readonly byPosition = new Map<string, Map<number, number>>();
  private readonly sheets = new Map<string, SheetIndex>();

  /** `sheetName` maps a name as written in a formula to the workbook's own (sheet names match without case). */
  constructor(
    grids: ReadonlyMap<string, SheetGrid>,
    private readonly sheetName: (name: string) => string | undefined,
  ) {
    for (const [sheet, grid] of grids) {
      const positions = new Map<number, number>();
      this.byPosition.set(sheet, positions);
      for (const [cell, formula] of sheetFormulas(grid)) {
        const id = this.formulas.length;
        this.formulas.push({ id, sheet, cell });
        positions.set(cell.row * COLUMNS + cell.col, id);
        if (formula.readsNames || formula.calls('INDIRECT') || formula.calls('OFFSET')) this.dynamic.push(id);
        for (const ref of formula.references) {
          if (ref.sheet !== undefined && /^\[.*\]/.test(ref.sheet)) continue; // another workbook
          const target = ref.sheet === undefined ? sheet : this.sheetName(ref.sheet);
          if (target === undefined) continue;
          this.add(target, { top: ref.top, left: ref.left, bottom: ref.bottom, right: ref.right, id });
        }
      }
    }
  }

  private sheetIndex(sheet: string): SheetIndex {
    let index = this.sheets.get(sheet);
    if (!index) {
      index = { points: new Map(), columns: new Map(), wide: [] };
      this.sheets.set(sheet, index);
    }
    return index;
  }

  private add(sheet: string, area: Area): void {
    const index = this.sheetIndex(sheet);
    if (area.top === area.bottom && area.left === area.right) {
      const key = area.top * COLUMNS + area.left;
      const list = index.points.get(key);
      if (list) list.push(area.id);
      else index.points.set(key, [area.id]);
    } else if (area.right - area.left + 1 > MAX_BUCKETED_COLUMNS) index.wide.push(area);
    else
      for (let col = area.left; col <= area.right; col++) {
        const list = index.columns.get(col);
        if (list) list.push(area);
        else index.columns.set(col, [area]);
      }
  }

  /** The formula held at a cell, if any. */
  formulaAt(sheet: string, row: number, col: number): number | undefined {
    return this.byPosition.get(sheet)?.get(row * COLUMNS + col);
  }

  /** The formulas that read the cell directly (its references name it, alone or in a range). */
  readersOf(sheet: string, row: number, col: number, into: (id: number) => void): void {
    const index = this.sheets.get(sheet);
    if (!index) return;
    for (const id of index.points.get(row * COLUMNS + col) ?? []) into(id);
    for (const area of index.columns.get(col) ?? []) if (row >= area.top && row <= area.bottom) into(area.id);
    for (const area of index.wide)
      if (row >= area.top && row <= area.bottom && col >= area.left && col <= area.right) into(area.id);
  }

  /**
   * Every formula that depends on the cells, directly or through other formulas, with the formulas at the cells
   * themselves, in an order where each comes after the formulas it reads among them. Formulas on a cycle come last,
   * in `cyclic`. Formulas that may read anything (`dynamic`) are included whenever anything changes.
   */
  dependents(cells: ReadonlyArray<{ sheet: string; row: number; col: number }>): {
    order: number[];
    cyclic: number[];
  } {
    const dirty = new Set<number>();
    const queue: number[] = [];
    const reach = (id: number) => {
      if (dirty.has(id)) return;
      dirty.add(id);
      queue.push(id);
    };
    for (const { sheet, row, col } of cells) {
      const own = this.formulaAt(sheet, row, col);
      if (own !== undefined) reach(own);
      this.readersOf(sheet, row, col, reach);
    }
    if (cells.length > 0) for (const id of this.dynamic) reach(id);
    for (let i = 0; i < queue.length; i++) {
      const entry = this.formulas[queue[i] as number] as FormulaEntry;
      this.readersOf(entry.sheet, entry.cell.row, entry.cell.col, reach);
    }
    // Kahn's order over the dirty formulas: a formula is ready once every dirty formula it reads is placed.
    const waiting = new Map<number, number>();
    const readers = new Map<number, number[]>();
    for (const id of dirty) {
      const entry = this.formulas[id] as FormulaEntry;
      const list: number[] = [];
      this.readersOf(entry.sheet, entry.cell.row, entry.cell.col, (reader) => {
        if (dirty.has(reader)) list.push(reader); // a formula reading itself never becomes ready: a cycle
      });
      readers.set(id, list);
      for (const reader of list) waiting.set(reader, (waiting.get(reader) ?? 0) + 1);
    }
    const order: number[] = [];
    for (const id of dirty) if (!waiting.get(id)) order.push(id);
    for (let i = 0; i < order.length; i++)
      for (const reader of readers.get(order[i] as number) ?? []) {
        const left = (waiting.get(reader) as number) - 1;
        waiting.set(reader, left);
        if (left === 0) order.push(reader);
      }
    const placed = new Set(order);
    const cyclic = [...dirty].filter((id) => !placed.has(id));
    return { order, cyclic };
  }
}
