import { rangeAddress } from '../address';
import type { SheetGrid } from '../grid';
import type { BudgetRow, BudgetTable } from '../model';
import { figureAt, textAt } from './figures';
import { headerColumns, isBlankRow, type HeaderColumn } from './header-row';
import { amountUnitIn } from './vocabulary';

const BUDGET_ROLES = {
  annualBudget: 'annualBudget',
  fullYearBudget: 'fullYearBudget',
  executed: 'executed',
  weight: 'weight',
  executionRate: 'rate',
  score: 'score',
} as const;

/** The funds block of a self-evaluation form: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分. */
export function recognizeBudgetTable(
  grid: SheetGrid,
  headerRow: number,
  header: HeaderColumn[],
): { table: BudgetTable; lastRow: number } | undefined {
  const budgetColumns = header.filter(
    (h) =>
      h.role === 'annualBudget' || h.role === 'fullYearBudget' || h.role === 'executed' || h.role === 'executionRate',
  );
  if (budgetColumns.length < 2 || !header.some((h) => h.role === 'executed')) return undefined;
  const columns = header.filter((h) => h.role in BUDGET_ROLES);
  const firstValueCol = Math.min(...columns.map((h) => h.col));
  const lastCol = Math.max(...columns.map((h) => h.col));
  const rows: BudgetRow[] = [];
  let lastRow = headerRow;
  for (let row = headerRow + 1; row < grid.rowCount; row++) {
    if (isBlankRow(grid, row, 0, lastCol) || headerColumns(grid, row).length >= 2) break;
    const labelCol = [...Array(firstValueCol).keys()].reverse().find((c) => grid.text(row, c).trim() !== '');
    if (labelCol === undefined) break;
    const entry: BudgetRow = { label: textAt(grid, row, labelCol) };
    for (const column of columns) {
      const slot = BUDGET_ROLES[column.role as keyof typeof BUDGET_ROLES];
      const area = grid.mergeAt(row, column.col);
      if (area && area.top !== row) continue; // 分值 and 得分 are often merged down the block: they belong to its first row
      if (!entry[slot]) entry[slot] = figureAt(grid, row, column.col, column.percentUnits);
    }
    rows.push(entry);
    lastRow = row;
  }
  if (rows.length === 0) return undefined;
  const table: BudgetTable = {
    kind: 'budget',
    sheet: grid.name,
    range: rangeAddress({ top: headerRow, left: 0, bottom: lastRow, right: lastCol }),
    rows,
  };
  const unit =
    header.map((h) => amountUnitIn(h.text)).find((u) => u) ??
    [...Array(firstValueCol).keys()].map((c) => amountUnitIn(grid.text(headerRow, c))).find((u) => u);
  if (unit) table.unit = unit;
  return { table, lastRow };
}
