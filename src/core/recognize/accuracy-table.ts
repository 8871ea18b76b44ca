import { rangeAddress } from '../address';
import type { SheetGrid } from '../grid';
import type { AccuracyTable } from '../model';
import { normalizeLabel } from '../text';
import { figureAt, textAt } from './figures';
import { isBlankRow } from './header-row';
import { amountUnitIn, headerInPercentUnits, isTotalLabel } from './vocabulary';

type AccuracyRole = 'duePersons' | 'paidPersons' | 'personRate' | 'dueAmount' | 'paidAmount' | 'amountRate';

const DUE = /应发|应补|应兑现|应付|应享受/;
const PAID = /实发|实补|实际兑现|已发|实际发放|实付|已兑现/;
const PERSONS = /人数|人次|\(人\)|户数/;
const AMOUNT = /金额|资金|万元|\(元\)/;
const RATE = /准确率|兑现率|发放率/;

function roleOf(header: string): AccuracyRole | undefined {
  const persons = PERSONS.test(header);
  const amount = AMOUNT.test(header);
  if (RATE.test(header)) return persons ? 'personRate' : amount ? 'amountRate' : undefined;
  if (DUE.test(header)) return persons ? 'duePersons' : amount ? 'dueAmount' : undefined;
  if (PAID.test(header)) return persons ? 'paidPersons' : amount ? 'paidAmount' : undefined;
  return undefined;
}

/** Longest text taken for a column header; titles and notes are longer. */
const MAX_HEADER_LENGTH = 16;

/** The header of a column, read over two rows when a short 应发/实发 line is merged over 人数 | 金额. */
function columnHeader(grid: SheetGrid, row: number, col: number): string {
  if (grid.shown(row, col).type !== 'text') return '';
  const own = normalizeLabel(grid.text(row, col));
  if (own.length > MAX_HEADER_LENGTH) return '';
  const above = row > 0 && grid.shown(row - 1, col).type === 'text' ? normalizeLabel(grid.text(row - 1, col)) : '';
  const area = row > 0 ? grid.mergeAt(row - 1, col) : undefined;
  const spansTable = !!area && area.right - area.left > 2; // a title across the table, not a header over two columns
  const splitHeader =
    !spansTable &&
    above !== own &&
    above.length <= MAX_HEADER_LENGTH &&
    (DUE.test(above) || PAID.test(above) || RATE.test(above)) &&
    (PERSONS.test(own) || AMOUNT.test(own));
  return splitHeader ? above + own : own;
}

/** Whether a row reads as an accuracy header: due and paid columns (应发/实发 persons or amounts). */
export function accuracyColumns(
  grid: SheetGrid,
  row: number,
): Map<number, { role: AccuracyRole; header: string }> | undefined {
  const columns = new Map<number, { role: AccuracyRole; header: string }>();
  for (let col = 0; col < grid.colCount; col++) {
    const header = columnHeader(grid, row, col);
    const role = header ? roleOf(header) : undefined;
    if (role) columns.set(col, { role, header });
  }
  const roles = new Set([...columns.values()].map((c) => c.role));
  const pairs =
    (roles.has('duePersons') && roles.has('paidPersons')) || (roles.has('dueAmount') && roles.has('paidAmount'));
  return pairs ? columns : undefined;
}

/** A second 应发/实发 header below the first ends the table (cheap test: two header words on the row). */
function startsAnotherHeader(grid: SheetGrid, row: number): boolean {
  let words = 0;
  for (const cell of grid.cellsInRow(row))
    if (cell.value.type === 'text' && (DUE.test(cell.value.value) || PAID.test(cell.value.value))) words++;
  return words >= 2;
}

/** 补助兑现准确率 tables: due vs paid persons and amounts per row, with optional rate columns. */
export function recognizeAccuracyTable(
  grid: SheetGrid,
  headerRow: number,
): { table: AccuracyTable; lastRow: number } | undefined {
  const columns = accuracyColumns(grid, headerRow);
  if (!columns) return undefined;
  const cols = [...columns.keys()];
  const firstCol = Math.min(...cols);
  const lastCol = Math.max(...cols);
  const rows: AccuracyTable['rows'] = [];
  let lastRow = headerRow;
  for (let row = headerRow + 1; row < grid.rowCount; row++) {
    if (isBlankRow(grid, row, 0, lastCol)) break;
    const labelCol = [...Array(firstCol).keys()].reverse().find((c) => grid.text(row, c).trim() !== '');
    if (labelCol === undefined || startsAnotherHeader(grid, row)) break;
    const entry: AccuracyTable['rows'][number] = { label: textAt(grid, row, labelCol) };
    for (const [col, { role, header }] of columns) {
      if (!entry[role]) entry[role] = figureAt(grid, row, col, role.endsWith('Rate') && headerInPercentUnits(header));
    }
    rows.push(entry);
    lastRow = row;
    if (isTotalLabel(entry.label.text)) break;
  }
  if (rows.length === 0) return undefined;
  const table: AccuracyTable = {
    kind: 'accuracy',
    sheet: grid.name,
    range: rangeAddress({ top: headerRow, left: 0, bottom: lastRow, right: lastCol }),
    rows,
  };
  const unit = [...columns.values()].map((c) => amountUnitIn(c.header)).find((u) => u);
  if (unit) table.unit = unit;
  return { table, lastRow };
}
