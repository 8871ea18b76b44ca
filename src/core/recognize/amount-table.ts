import { rangeAddress } from '../address';
import type { SheetGrid } from '../grid';
import type { AmountTable } from '../model';
import { normalizeLabel } from '../text';
import { figureAt, textAt } from './figures';
import { isBlankRow } from './header-row';
import { amountUnitIn, isSubtotalLabel, isTotalLabel, withoutParentheses } from './vocabulary';

const AMOUNT_HEADER = /资金|金额|小计|合计|预算|支出|拨付|到位|结余|结转|补助|经费|执行数|拨款|万元|\(元\)/;
const NOT_AMOUNT_HEADER = /序号|备注|年度|年份|说明|日期|编号|摘要|来源|名称|性质|类别|内容|项目|率$/;

/** Amount columns named in a header row, or undefined when there are too few to call it an amount table. */
export function amountColumns(grid: SheetGrid, row: number): Array<{ col: number; text: string }> | undefined {
  const columns: Array<{ col: number; text: string }> = [];
  for (const cell of grid.cellsInRow(row)) {
    if (cell.value.type !== 'text') continue;
    const header = normalizeLabel(cell.value.value);
    if (header.length > 20 || NOT_AMOUNT_HEADER.test(withoutParentheses(header)) || !AMOUNT_HEADER.test(header))
      continue;
    columns.push({ col: cell.col, text: cell.value.value });
  }
  const named = columns.some((c) => amountUnitIn(c.text));
  const lastCol = Math.max(0, ...columns.map((c) => c.col));
  // One amount column makes a list when its unit is stated: in its header, or above (资金支出明细表（元）, 单位：元).
  return columns.length >= 2 || (columns.length === 1 && (named || unitAbove(grid, row, lastCol)))
    ? columns
    : undefined;
}

/** Funds by year and source, payment lists in 元: amounts by row with 小计/合计 rows and columns. */
export function recognizeAmountTable(
  grid: SheetGrid,
  headerRow: number,
): { table: AmountTable; lastRow: number } | undefined {
  const columns = amountColumns(grid, headerRow);
  if (!columns) return undefined;
  const firstAmountCol = Math.min(...columns.map((c) => c.col));
  const lastCol = Math.max(...columns.map((c) => c.col));
  const rows: AmountTable['rows'] = [];
  let lastRow = headerRow;
  for (let row = headerRow + 1; row < grid.rowCount; row++) {
    if (isBlankRow(grid, row, 0, lastCol)) break;
    const values = columns.map((c) => {
      const figure = figureAt(grid, row, c.col);
      return figure.value === null && figure.text === undefined && figure.error === undefined ? null : figure;
    });
    if (!values.some((v) => v && v.value !== null)) break;
    const labelCols = [...Array(firstAmountCol).keys()].filter((c) => grid.text(row, c).trim() !== '');
    const label = labelCols.map((c) => grid.text(row, c)).find((t) => isTotalLabel(t) || isSubtotalLabel(t));
    const labelCol =
      labelCols.find((c) => grid.text(row, c) === label) ?? labelCols[labelCols.length - 1] ?? firstAmountCol;
    const kind = label && isSubtotalLabel(label) ? 'subtotal' : label ? 'total' : 'row';
    rows.push({ label: textAt(grid, row, labelCol), kind, values });
    lastRow = row;
  }
  if (rows.length === 0) return undefined;
  const table: AmountTable = {
    kind: 'amounts',
    sheet: grid.name,
    range: rangeAddress({ top: headerRow, left: 0, bottom: lastRow, right: lastCol }),
    columns: columns.map((c) => {
      const header = withoutParentheses(normalizeLabel(c.text));
      return {
        label: textAt(grid, headerRow, c.col),
        role: isSubtotalLabel(header) ? 'subtotal' : isTotalLabel(header) ? 'total' : 'amount',
      };
    }),
    rows,
  };
  const unit = columns.map((c) => amountUnitIn(c.text)).find((u) => u) ?? unitAbove(grid, headerRow, lastCol);
  if (unit) table.unit = unit;
  return { table, lastRow };
}

/** A unit stated above the header: 单位：万元, or a title ending in （元）. */
function unitAbove(grid: SheetGrid, headerRow: number, lastCol: number): '元' | '万元' | undefined {
  for (let row = headerRow - 1; row >= Math.max(0, headerRow - 2); row--) {
    for (let col = 0; col <= lastCol; col++) {
      const unit = amountUnitIn(grid.text(row, col));
      if (unit) return unit;
    }
  }
  return undefined;
}
