import { rangeAddress } from '../address';
import { SheetGrid } from '../grid';
import type { Table, WorkbookModel } from '../model';
import type { Profile } from '../profile';
import type { Sheet, WorkbookSnapshot } from '../snapshot';
import { normalizeLabel } from '../text';
import { accuracyColumns, recognizeAccuracyTable } from './accuracy-table';
import { recognizeAmountTable } from './amount-table';
import { recognizeBudgetTable } from './budget-table';
import { headerColumns } from './header-row';
import { recognizeIndicatorTable } from './indicator-table';
import { recognizeKeyValues } from './key-values';
import { namesLevel1Across, recognizeHorizontalSummary, recognizeVerticalSummary } from './summary-table';
import { isSurveyHeader, recognizeSurveyTable } from './survey-table';
import { headerRole } from './vocabulary';
import { OWN_SHEETS } from '../own-sheets';

type Found = { table: Table; lastRow: number } | undefined;

/** Longest text that can be a header or label; longer texts are prose (standards, explanations). */
const MAX_LABEL_LENGTH = 30;

export function recognizeWorkbook(
  snapshot: WorkbookSnapshot,
  profile: Profile,
): { model: WorkbookModel; grids: Map<string, SheetGrid> } {
  const grids = new Map<string, SheetGrid>();
  const sheets = snapshot.sheets.map((sheet) => {
    const grid = new SheetGrid(sheet);
    grids.set(sheet.name, grid);
    // The sheets the product adds itself are records, not scoring tables.
    const own = OWN_SHEETS.includes(sheet.name);
    return {
      name: sheet.name,
      visibility: sheet.visibility,
      tables: own ? [] : recognizeSheet(grid, profile),
      ...(own ? { own: true } : {}),
    };
  });
  return { model: { sheets }, grids };
}

/**
 * Reads a sheet top to bottom. A row that opens a table (a header, a row of level-1 names, survey options …)
 * hands the rows below to that table's recognizer; rows no table claims are read for key-value labels.
 */
export function recognizeSheet(grid: SheetGrid, profile: Profile): Table[] {
  const tables: Table[] = [];
  const unclaimed: number[] = [];
  const rows = grid.rowNumbers().sort((a, b) => a - b);
  let claimedUntil = -1;
  for (const row of rows) {
    if (row <= claimedUntil) continue;
    const found = tableStartingAt(grid, row, profile);
    if (found) {
      tables.push(found.table);
      claimedUntil = found.lastRow;
    } else unclaimed.push(row);
  }
  const entries = recognizeKeyValues(grid, unclaimed);
  if (entries.some((e) => (e.value && e.value.value !== null) || e.text)) {
    const rowsOf = entries.map((e) => Number(/\d+$/.exec(e.label.cell)?.[0]) - 1);
    tables.push({
      kind: 'key-values',
      sheet: grid.name,
      range: rangeAddress({
        top: Math.min(...rowsOf),
        left: 0,
        bottom: Math.max(...rowsOf),
        right: Math.max(0, grid.colCount - 1),
      }),
      entries,
    });
  }
  return tables;
}

function tableStartingAt(grid: SheetGrid, row: number, profile: Profile): Found {
  const texts = grid
    .cellsInRow(row)
    .flatMap((cell) =>
      cell.value.type === 'text' && cell.value.value.length <= MAX_LABEL_LENGTH
        ? [normalizeLabel(cell.value.value)]
        : [],
    );
  if (texts.length === 0) return undefined;
  if (texts.some((text) => headerRole(text))) {
    const header = headerColumns(grid, row);
    const found =
      recognizeIndicatorTable(grid, row, header, profile) ??
      recognizeBudgetTable(grid, row, header) ??
      recognizeVerticalSummary(grid, row, header, profile);
    if (found) return found;
  }
  if (namesLevel1Across(grid, row, profile)) {
    const found = recognizeHorizontalSummary(grid, row, profile);
    if (found) return found;
  }
  if (isSurveyHeader(grid, row, profile)) {
    const found = recognizeSurveyTable(grid, row, profile);
    if (found) return found;
  }
  if (texts.some((text) => /应发|实发|应补|实补|兑现/.test(text))) {
    // The due/paid words may sit on a header line merged over 人数 | 金额 on the next row.
    for (const headerRow of [row, row + 1]) {
      if (!accuracyColumns(grid, headerRow)) continue;
      const found = recognizeAccuracyTable(grid, headerRow);
      if (found) return found;
    }
  }
  return recognizeAmountTable(grid, row);
}

export type { Sheet };
