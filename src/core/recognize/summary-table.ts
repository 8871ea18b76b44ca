import { rangeAddress } from '../address';
import type { SheetGrid } from '../grid';
import type { Figure, SummaryRow, SummaryTable } from '../model';
import type { Profile } from '../profile';
import { normalizeLabel } from '../text';
import { figureAt, textAt } from './figures';
import { headerInPercentUnits, headerRole, indicatorKey, isTotalLabel, level1Canonical } from './vocabulary';
import { headerColumns, isBlankRow, type HeaderColumn } from './header-row';
import { titleAbove } from './indicator-table';

/** Fewest level-1 names that make a list of rows or columns a summary of the level-1 indicators. */
const MIN_LEVEL1_NAMES = 2;

/**
 * A vertical summary: one name column (一级指标, 指标, 项目 …) with weight, score or rate columns, rows
 * 决策 … 合计. Recognised only when its rows are level-1 names, so a plain list is not taken for one.
 */
export function recognizeVerticalSummary(
  grid: SheetGrid,
  headerRow: number,
  header: HeaderColumn[],
  profile: Profile,
): { table: SummaryTable; lastRow: number } | undefined {
  const nameColumn = header.find((h) => h.role === 'level1' || h.role === 'name');
  const valueColumns = header.filter((h) => h.role === 'weight' || h.role === 'score' || h.role === 'rate');
  if (!nameColumn || valueColumns.length === 0 || header.some((h) => h.role === 'level2')) return undefined;
  const firstCol = Math.min(...header.map((h) => h.col));
  const lastCol = Math.max(...header.map((h) => h.col));
  const rows: SummaryRow[] = [];
  let total: SummaryRow | undefined;
  let lastRow = headerRow;
  for (let row = headerRow + 1; row < grid.rowCount; row++) {
    if (isBlankRow(grid, row, firstCol, lastCol) || headerColumns(grid, row).length >= 2) break;
    const text = grid.text(row, nameColumn.col).trim();
    if (!text) break;
    const entry = summaryRow(grid, row, nameColumn.col, valueColumns, profile);
    lastRow = row;
    if (isTotalLabel(text)) {
      total = entry;
      break;
    }
    rows.push(entry);
  }
  if (rows.filter((r) => level1Canonical(r.name.text, profile)).length < MIN_LEVEL1_NAMES) return undefined;
  const table: SummaryTable = {
    kind: 'summary',
    sheet: grid.name,
    range: rangeAddress({ top: headerRow, left: firstCol, bottom: lastRow, right: lastCol }),
    orientation: 'vertical',
    rows,
  };
  const title = titleAbove(grid, headerRow, firstCol, lastCol);
  if (title) table.title = title;
  if (total) table.total = total;
  return { table, lastRow };
}

function summaryRow(
  grid: SheetGrid,
  row: number,
  nameCol: number,
  valueColumns: HeaderColumn[],
  profile: Profile,
): SummaryRow {
  const name = textAt(grid, row, nameCol);
  const entry: SummaryRow = { name, key: indicatorKey(name.text, profile) };
  for (const column of valueColumns) {
    const role = column.role as 'weight' | 'score' | 'rate';
    if (!entry[role]) entry[role] = figureAt(grid, row, column.col, column.percentUnits);
  }
  return entry;
}

/**
 * A horizontal summary (seed 003): a row of level-1 names ending in 合计, with rows labelled 分值 / 得分 /
 * 得分率 below it. `row` is a row whose cells name at least two level-1 indicators.
 */
export function recognizeHorizontalSummary(
  grid: SheetGrid,
  row: number,
  profile: Profile,
): { table: SummaryTable; lastRow: number } | undefined {
  const nameCols: number[] = [];
  let totalCol: number | undefined;
  for (const cell of grid.cellsInRow(row)) {
    if (cell.value.type !== 'text') continue;
    if (level1Canonical(cell.value.value, profile)) nameCols.push(cell.col);
    else if (isTotalLabel(cell.value.value)) totalCol = cell.col;
  }
  if (nameCols.length < MIN_LEVEL1_NAMES) return undefined;
  const firstNameCol = Math.min(...nameCols);
  const valueRows: Array<{ role: 'weight' | 'score' | 'rate'; row: number; percentUnits: boolean }> = [];
  let labelCol: number | undefined;
  for (let r = row + 1; r <= row + 4 && r < grid.rowCount; r++) {
    const label = [...grid.cellsInRow(r)].find((c) => c.col < firstNameCol && c.value.type === 'text');
    const text = label?.value.type === 'text' ? label.value.value : grid.text(r, labelCol ?? 0);
    const role = headerRole(text);
    if (role !== 'weight' && role !== 'score' && role !== 'rate') break;
    labelCol = label?.col ?? labelCol;
    valueRows.push({ role, row: r, percentUnits: headerInPercentUnits(text) });
  }
  if (valueRows.length === 0) return undefined;
  const column = (col: number): SummaryRow => {
    const name = textAt(grid, row, col);
    const entry: SummaryRow = { name, key: indicatorKey(name.text, profile) };
    for (const v of valueRows)
      if (!entry[v.role]) entry[v.role] = figureAt(grid, v.row, col, v.percentUnits) satisfies Figure;
    return entry;
  };
  const lastRow = (valueRows[valueRows.length - 1] as { row: number }).row;
  const lastCol = Math.max(totalCol ?? 0, ...nameCols);
  const firstCol = Math.min(labelCol ?? firstNameCol, firstNameCol);
  const table: SummaryTable = {
    kind: 'summary',
    sheet: grid.name,
    range: rangeAddress({ top: row, left: firstCol, bottom: lastRow, right: lastCol }),
    orientation: 'horizontal',
    rows: nameCols.map(column),
  };
  const title = titleAbove(grid, row, firstCol, lastCol);
  if (title) table.title = title;
  if (totalCol !== undefined) table.total = column(totalCol);
  return { table, lastRow };
}

/** True when a row names at least two level-1 indicators in its cells (a candidate horizontal summary). */
export function namesLevel1Across(grid: SheetGrid, row: number, profile: Profile): boolean {
  let count = 0;
  for (const cell of grid.cellsInRow(row)) {
    if (
      cell.value.type === 'text' &&
      normalizeLabel(cell.value.value).length <= 12 &&
      level1Canonical(cell.value.value, profile)
    )
      count++;
  }
  return count >= MIN_LEVEL1_NAMES;
}
