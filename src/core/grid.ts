import { cellAddress } from './address';
import type { Cell, CellRange, CellValue, Sheet } from './snapshot';
import { EMPTY } from './snapshot';

/** Merged areas larger than this are not indexed cell by cell (a whole-column merge would cost millions). */
const MAX_INDEXED_MERGE_CELLS = 4096;
const COLUMNS = 16384;
const NO_CELLS: readonly Cell[] = [];

/**
 * Random access over one snapshot sheet: cells by position and merged areas by any cell they cover.
 * Cells are indexed by row (a slice of the row-major cell list), which costs far less than a map of every
 * cell on large sheets. Overlapping merges (seen in government exports) are left out: the sheet reads as unmerged there.
 */
export class SheetGrid {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly cells: readonly Cell[];
  private readonly rows = new Map<number, readonly Cell[]>();
  private readonly mergeByPosition = new Map<number, CellRange>();
  private readonly largeMerges: CellRange[] = [];
  /**
   * Merged areas that overlap another (a damaged export), in the order listed. They are left out of the structure:
   * the sheet reads as if neither were merged.
   */
  readonly overlappingMerges: readonly CellRange[];

  constructor(readonly sheet: Sheet) {
    this.name = sheet.name;
    this.cells = isRowMajor(sheet.cells)
      ? sheet.cells
      : [...sheet.cells].sort((a, b) => a.row - b.row || a.col - b.col);
    let cols = 0;
    let start = 0;
    for (let i = 1; i <= this.cells.length; i++) {
      const row = (this.cells[start] as Cell).row;
      if (i < this.cells.length && (this.cells[i] as Cell).row === row) continue;
      this.rows.set(row, this.cells.slice(start, i));
      const last = (this.cells[i - 1] as Cell).col;
      if (last >= cols) cols = last + 1;
      start = i;
    }
    const lastCell = this.cells[this.cells.length - 1];
    this.rowCount = lastCell ? lastCell.row + 1 : 0;
    this.colCount = cols;
    this.overlappingMerges = overlapping(sheet.merges);
    const skip = new Set(this.overlappingMerges);
    for (const area of sheet.merges) if (!skip.has(area)) this.indexMerge(area);
  }

  private indexMerge(area: CellRange): void {
    const size = (area.bottom - area.top + 1) * (area.right - area.left + 1);
    if (size > MAX_INDEXED_MERGE_CELLS) {
      this.largeMerges.push(area);
      return;
    }
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const key = r * COLUMNS + c;
        if (!this.mergeByPosition.has(key)) this.mergeByPosition.set(key, area);
      }
    }
  }

  cell(row: number, col: number): Cell | undefined {
    const cells = this.rows.get(row);
    if (!cells) return undefined;
    // Rows are short, so a scan beats a search until they are wide.
    if (cells.length <= 16) return cells.find((c) => c.col === col);
    let low = 0;
    let high = cells.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const c = (cells[mid] as Cell).col;
      if (c === col) return cells[mid];
      if (c < col) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  }

  value(row: number, col: number): CellValue {
    return this.cell(row, col)?.value ?? EMPTY;
  }

  /** The merged area covering the cell, if any. */
  mergeAt(row: number, col: number): CellRange | undefined {
    const area = this.mergeByPosition.get(row * COLUMNS + col);
    if (area || this.largeMerges.length === 0) return area;
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
    const area = this.mergeAt(row, col);
    return area && (area.top !== row || area.left !== col) ? this.value(area.top, area.left) : own;
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

  /** The cells of one row that hold something, in column order. */
  cellsInRow(row: number): readonly Cell[] {
    return this.rows.get(row) ?? NO_CELLS;
  }

  /** Rows that hold at least one cell, ascending. */
  rowNumbers(): number[] {
    return [...this.rows.keys()];
  }

  /** True when nothing shows between two columns of a row, merged areas from above included. */
  isBlankRow(row: number, fromCol: number, toCol: number): boolean {
    for (const cell of this.cellsInRow(row)) {
      if (
        cell.col >= fromCol &&
        cell.col <= toCol &&
        cell.value.type !== 'empty' &&
        !(cell.value.type === 'text' && cell.value.value.trim() === '')
      )
        return false;
    }
    if (this.mergeByPosition.size === 0 && this.largeMerges.length === 0) return true;
    for (let col = fromCol; col <= toCol; col++) if (this.text(row, col).trim() !== '') return false;
    return true;
  }

  address(row: number, col: number): string {
    return cellAddress(row, col);
  }
}

const sameRange = (a: CellRange, b: CellRange): boolean =>
  a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;

const intersects = (a: CellRange, b: CellRange): boolean =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/**
 * The merged areas that overlap another. Small areas are found through the cells they cover, so thousands of merges
 * cost one pass; the few large ones (whole rows or columns) are compared with every area.
 */
function overlapping(merges: readonly CellRange[]): CellRange[] {
  const found = new Set<CellRange>();
  const owner = new Map<number, CellRange>();
  const large: CellRange[] = [];
  for (const area of merges) {
    if (area.bottom < area.top || area.right < area.left) continue;
    const size = (area.bottom - area.top + 1) * (area.right - area.left + 1);
    if (size > MAX_INDEXED_MERGE_CELLS) {
      large.push(area);
      continue;
    }
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const key = r * COLUMNS + c;
        const other = owner.get(key);
        if (other && !sameRange(other, area)) {
          found.add(other);
          found.add(area);
        } else owner.set(key, area);
      }
    }
  }
  for (const big of large) {
    for (const area of merges) {
      if (!sameRange(area, big) && area.bottom >= area.top && area.right >= area.left && intersects(big, area)) {
        found.add(big);
        found.add(area);
      }
    }
  }
  return merges.filter((m) => found.has(m));
}

function isRowMajor(cells: readonly Cell[]): boolean {
  for (let i = 1; i < cells.length; i++) {
    const a = cells[i - 1] as Cell;
    const b = cells[i] as Cell;
    if (b.row < a.row || (b.row === a.row && b.col <= a.col)) return false;
  }
  return true;
}
