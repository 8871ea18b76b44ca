import { cellAddress } from './address';
import type { Cell, CellRange, CellValue, Sheet } from './snapshot';
import { EMPTY } from './snapshot';

/** Merged areas larger than this are not indexed cell by cell (a whole-column merge would cost millions). */
const MAX_INDEXED_MERGE_CELLS = 4096;
const COLUMNS = 16384;

/**
 * Random access over one snapshot sheet: cells by position and merged areas by any cell they cover.
 * Overlapping merges (seen in government exports) resolve to the first area listed that covers the cell.
 */
export class SheetGrid {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly byPosition = new Map<number, Cell>();
  private readonly byRow = new Map<number, Cell[]>();
  private readonly mergeByPosition = new Map<number, CellRange>();
  private readonly largeMerges: CellRange[] = [];

  constructor(readonly sheet: Sheet) {
    this.name = sheet.name;
    let rows = 0;
    let cols = 0;
    for (const cell of sheet.cells) {
      this.byPosition.set(cell.row * COLUMNS + cell.col, cell);
      const rowCells = this.byRow.get(cell.row);
      if (rowCells) rowCells.push(cell);
      else this.byRow.set(cell.row, [cell]);
      if (cell.row >= rows) rows = cell.row + 1;
      if (cell.col >= cols) cols = cell.col + 1;
    }
    for (const area of sheet.merges) {
      const size = (area.bottom - area.top + 1) * (area.right - area.left + 1);
      if (size > MAX_INDEXED_MERGE_CELLS) {
        this.largeMerges.push(area);
        continue;
      }
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) {
          const key = r * COLUMNS + c;
          if (!this.mergeByPosition.has(key)) this.mergeByPosition.set(key, area);
        }
      }
    }
    this.rowCount = rows;
    this.colCount = cols;
  }

  cell(row: number, col: number): Cell | undefined {
    return this.byPosition.get(row * COLUMNS + col);
  }

  value(row: number, col: number): CellValue {
    return this.cell(row, col)?.value ?? EMPTY;
  }

  /** The merged area covering the cell, if any. */
  mergeAt(row: number, col: number): CellRange | undefined {
    const area = this.mergeByPosition.get(row * COLUMNS + col);
    if (area) return area;
    return this.largeMerges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  /** The cell that holds what is shown at (row, col): the top-left of its merged area, or itself. */
  anchor(row: number, col: number): { row: number; col: number } {
    const area = this.mergeAt(row, col);
    return area ? { row: area.top, col: area.left } : { row, col };
  }

  /** The value shown at (row, col), merges resolved. */
  shown(row: number, col: number): CellValue {
    const own = this.value(row, col);
    if (own.type !== 'empty') return own;
    const at = this.anchor(row, col);
    return at.row === row && at.col === col ? own : this.value(at.row, at.col);
  }

  /** Shown text of a cell, merges resolved; numbers as their plain string. Empty string for empty cells. */
  text(row: number, col: number): string {
    const value = this.shown(row, col);
    switch (value.type) {
      case 'text':
        return value.value;
      case 'number':
        return String(value.value);
      case 'boolean':
        return value.value ? 'TRUE' : 'FALSE';
      case 'error':
        return value.value;
      default:
        return '';
    }
  }

  /** The non-empty cells of one row, in column order (snapshots are row-major). */
  cellsInRow(row: number): readonly Cell[] {
    return this.byRow.get(row) ?? [];
  }

  /** Rows that hold at least one cell, ascending. */
  rowNumbers(): number[] {
    return [...this.byRow.keys()];
  }

  address(row: number, col: number): string {
    return cellAddress(row, col);
  }
}
