import { cellAddress, columnName, parseCellAddress, parseRangeAddress } from '../core/address';
import type { CellRef } from '../core/finding';
import type { WorkbookModel } from '../core/model';
import { OWN_SHEETS } from '../core/own-sheets';
import { shownCell } from '../core/shown';
import type { Cell, CellRange, Sheet } from '../core/snapshot';

export interface PreviewCell {
  address: string;
  text: string;
  /** The finding's cell, a cell it rests on, or the label (the indicator's name) of its row. */
  mark: 'target' | 'related' | 'label' | null;
  /** A number: shown right-aligned, as its number format shows it. */
  numeric: boolean;
  /** A typed number (no formula) outside the product's own sheets: the standalone page lets the user change it. */
  editable: boolean;
}

/** A small window of a sheet around a cell, for the standalone page's preview (its typed numbers editable there). */
export interface PreviewWindow {
  sheet: string;
  /**
   * Columns shown; `gapBefore` when columns between this one and the previous were left out (empty or far); `key`
   * for the finding's, its label's and its inputs' columns (the others are context, shown narrower).
   */
  columns: Array<{ name: string; gapBefore: boolean; key: boolean }>;
  rows: Array<{ label: string; gapBefore: boolean; cells: PreviewCell[] }>;
}

export interface PreviewOptions {
  /** The cell naming the finding's row (the indicator's name), shown whatever lies between. */
  label?: CellRef;
  /** Rows of context above and below the finding. */
  context?: number;
  /** At most this many rows and columns. */
  maxRows?: number;
  maxColumns?: number;
}

/** What a cell shows, as plain text (never interpreted): numbers through their number format. */
export function cellText(cell: Cell | undefined): string {
  return shownCell(cell);
}

const inside = (range: CellRange, row: number, col: number) =>
  row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;

/** Sorted, merged intervals of whole numbers. */
function mergeIntervals(intervals: Array<[number, number]>): Array<[number, number]> {
  const sorted = intervals.filter(([a, b]) => b >= a).sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = merged.at(-1);
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

function expand(intervals: Array<[number, number]>): number[] {
  return mergeIntervals(intervals).flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));
}

/**
 * The rows and columns a reader needs to see a finding: the finding's cell with rows of context, the label of its
 * row (the indicator's name), and every cell it rests on (the inputs of its formula) on the same sheet. Columns with
 * nothing in the rows shown are collapsed, and far-apart rows or columns are shown with a gap between them.
 * Undefined when the target is not on this sheet or not an address.
 */
export function previewWindow(
  sheet: Sheet,
  target: CellRef,
  related: readonly CellRef[] = [],
  options: PreviewOptions = {},
): PreviewWindow | undefined {
  const range = target.sheet === sheet.name ? parseRangeAddress(target.cell) : undefined;
  if (!range) return undefined;
  const context = options.context ?? 3;
  const maxRows = options.maxRows ?? 16;
  const maxColumns = options.maxColumns ?? 8;
  const relatedRanges = related.filter((r) => r.sheet === sheet.name).flatMap((r) => parseRangeAddress(r.cell) ?? []);
  const labelAt = options.label?.sheet === sheet.name ? parseCellAddress(options.label.cell) : undefined;
  const cells = new Map<string, Cell>(sheet.cells.map((cell) => [`${cell.row}:${cell.col}`, cell]));
  const filled = (row: number, col: number) => {
    const cell = cells.get(`${row}:${col}`);
    return !!cell && (cell.value.type !== 'empty' || cell.formula !== undefined);
  };

  // Rows: the finding's (a long range by its ends) with context, then each input's and the label's row.
  const targetBottom = Math.min(range.bottom, range.top + maxRows - 1);
  const keyRows: Array<[number, number]> = [
    ...relatedRanges.map((r): [number, number] => [r.top, Math.min(r.bottom, r.top + 2)]),
    ...(labelAt ? [[labelAt.row, labelAt.row] as [number, number]] : []),
  ];
  let rowNumbers = expand([[Math.max(0, range.top - context), targetBottom + context], ...keyRows]);
  for (let c = context - 1; rowNumbers.length > maxRows && c >= 0; c--)
    rowNumbers = expand([[Math.max(0, range.top - c), targetBottom + c], ...keyRows]);

  // Columns: the finding's, its label's and its inputs', and the columns between them that hold something.
  const targetRight = Math.min(range.right, range.left + maxColumns - 1);
  const key = new Set<number>();
  for (let col = range.left; col <= targetRight; col++) key.add(col);
  for (const r of relatedRanges) for (let col = r.left; col <= Math.min(r.right, r.left + 2); col++) key.add(col);
  if (labelAt) key.add(labelAt.col);
  const first = Math.max(0, Math.min(...key, range.left - 1));
  const last = Math.max(...key, targetRight + 1);
  const used = (col: number) => rowNumbers.some((row) => filled(row, col));
  let columnNumbers = [...Array(last - first + 1).keys()].map((i) => first + i).filter((c) => key.has(c) || used(c));
  if (columnNumbers.length > maxColumns) {
    // Too wide: keep the key columns and the nearest filled ones around the finding.
    const byDistance = columnNumbers
      .filter((c) => !key.has(c))
      .sort((a, b) => Math.abs(a - range.left) - Math.abs(b - range.left));
    const kept = new Set([...key, ...byDistance.slice(0, Math.max(0, maxColumns - key.size))]);
    columnNumbers = columnNumbers.filter((c) => kept.has(c));
  }

  const columns = columnNumbers.map((col, i) => ({
    name: columnName(col),
    gapBefore: i > 0 && col !== (columnNumbers[i - 1] as number) + 1,
    key: key.has(col),
  }));
  const rows: PreviewWindow['rows'] = rowNumbers.map((row, i) => ({
    label: String(row + 1),
    gapBefore: i > 0 && row !== (rowNumbers[i - 1] as number) + 1,
    cells: columnNumbers.map((col): PreviewCell => {
      const cell = cells.get(`${row}:${col}`);
      const mark = inside(range, row, col)
        ? 'target'
        : relatedRanges.some((r) => inside(r, row, col))
          ? 'related'
          : labelAt && labelAt.row === row && labelAt.col === col
            ? 'label'
            : null;
      const numeric = cell?.value.type === 'number';
      const editable = numeric && cell?.formula === undefined && !OWN_SHEETS.includes(sheet.name);
      return { address: cellAddress(row, col), text: cellText(cell), mark, numeric, editable };
    }),
  }));
  return { sheet: sheet.name, columns, rows };
}

interface Located {
  sheet: string;
  cell: string;
}
const isLocated = (value: unknown): value is Located =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Located).sheet === 'string' &&
  typeof (value as Located).cell === 'string';
const isTextAt = (value: unknown): value is Located & { text: string } =>
  isLocated(value) && typeof (value as { text?: unknown }).text === 'string' && !('value' in value);
const isFigure = (value: unknown): value is Located => isLocated(value) && 'value' in value;

/**
 * The cell that names a figure's row in the recognised model: an indicator's name beside its weight, score or rate,
 * a summary row's name, a funds row's label, a survey question beside its counts and result. Undefined when the
 * figure is not part of a recognised table.
 */
export function labelCellOf(model: WorkbookModel, target: CellRef): CellRef | undefined {
  const wanted = `${target.sheet}!${target.cell}`;
  let found: CellRef | undefined;
  const visit = (value: unknown, label: Located | undefined): void => {
    if (found || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, label);
      return;
    }
    if (isFigure(value)) {
      if (label && `${value.sheet}!${value.cell}` === wanted) found = { sheet: label.sheet, cell: label.cell };
      return;
    }
    const record = value as Record<string, unknown>;
    const own = [record.name, record.label, record.text].find(isTextAt);
    for (const [key, child] of Object.entries(record)) if (key !== 'children') visit(child, own ?? label);
    if (Array.isArray(record.children)) visit(record.children, undefined);
  };
  for (const sheet of model.sheets) visit(sheet.tables, undefined);
  return found;
}
