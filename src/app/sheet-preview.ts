import { cellAddress, columnName, parseRangeAddress } from '../core/address';
import type { CellRef } from '../core/finding';
import { formatNumber } from '../core/numbers';
import type { Cell, CellRange, Sheet } from '../core/snapshot';

/** A small read-only window of a sheet around a cell, for the standalone page's preview. */
export interface PreviewWindow {
  sheet: string;
  columns: string[];
  rows: Array<{ label: string; cells: Array<{ address: string; text: string; mark: 'target' | 'related' | null }> }>;
}

/** What a cell shows, as plain text (never interpreted). */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.text !== undefined) return cell.text;
  const v = cell.value;
  switch (v.type) {
    case 'number':
      return cell.format?.includes('%') ? `${formatNumber(v.value * 100, 2)}%` : formatNumber(v.value, 4);
    case 'text':
    case 'error':
      return v.value;
    case 'boolean':
      return v.value ? 'TRUE' : 'FALSE';
    default:
      return '';
  }
}

const inside = (range: CellRange, row: number, col: number) =>
  row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;

/**
 * Rows `above` before the target to `below` after it, columns `left` before to `right` after (the target range
 * kept whole up to the limits). Undefined when the target is not on this sheet or not an address.
 */
export function previewWindow(
  sheet: Sheet,
  target: CellRef,
  related: readonly CellRef[] = [],
  size = { above: 4, below: 8, left: 2, right: 5 },
): PreviewWindow | undefined {
  const range = target.sheet === sheet.name ? parseRangeAddress(target.cell) : undefined;
  if (!range) return undefined;
  const top = Math.max(0, range.top - size.above);
  const bottom = Math.max(range.bottom, range.top + size.below);
  const first = Math.max(0, range.left - size.left);
  const last = Math.max(range.right, range.left + size.right);
  const relatedRanges = related.filter((r) => r.sheet === sheet.name).flatMap((r) => parseRangeAddress(r.cell) ?? []);
  const cells = new Map<string, Cell>();
  for (const cell of sheet.cells)
    if (cell.row >= top && cell.row <= bottom && cell.col >= first && cell.col <= last)
      cells.set(`${cell.row}:${cell.col}`, cell);
  const columns: string[] = [];
  for (let col = first; col <= last; col++) columns.push(columnName(col));
  const rows: PreviewWindow['rows'] = [];
  for (let row = top; row <= bottom; row++) {
    const line: PreviewWindow['rows'][number]['cells'] = [];
    for (let col = first; col <= last; col++) {
      const mark = inside(range, row, col)
        ? 'target'
        : relatedRanges.some((r) => inside(r, row, col))
          ? 'related'
          : null;
      line.push({ address: cellAddress(row, col), text: cellText(cells.get(`${row}:${col}`)), mark });
    }
    rows.push({ label: String(row + 1), cells: line });
  }
  return { sheet: sheet.name, columns, rows };
}
