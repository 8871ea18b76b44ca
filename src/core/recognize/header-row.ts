import type { SheetGrid } from '../grid';
import { headerInPercentUnits, headerRole, type HeaderRole } from './vocabulary';

export interface HeaderColumn {
  role: HeaderRole;
  col: number;
  text: string;
  percentUnits: boolean;
}

/**
 * The header roles found in one row. A header merged across columns counts once, at its left column;
 * a header merged down from the row above (two-row headers) is seen through the merge.
 */
export function headerColumns(grid: SheetGrid, row: number): HeaderColumn[] {
  const columns: HeaderColumn[] = [];
  for (let col = 0; col < grid.colCount; col++) {
    if (grid.anchor(row, col).col !== col) continue;
    const text = grid.text(row, col);
    if (!text) continue;
    const role = headerRole(text);
    if (role) columns.push({ role, col, text, percentUnits: headerInPercentUnits(text) });
  }
  return columns;
}

export function rolesOf(columns: HeaderColumn[]): Set<HeaderRole> {
  return new Set(columns.map((c) => c.role));
}

/** True when the row's cells (merges resolved) are all empty between two columns. */
export function isBlankRow(grid: SheetGrid, row: number, fromCol: number, toCol: number): boolean {
  return grid.isBlankRow(row, fromCol, toCol);
}
