import { rangeAddress } from '../address';
import { SheetGrid } from '../grid';
import type { Table, WorkbookModel } from '../model';
import type { Profile } from '../profile';
import type { Sheet, WorkbookSnapshot } from '../snapshot';
import { recognizeKeyValues } from './key-values';
import { RowView, type Found } from './recognizer';
import { RECOGNIZERS } from './registry';
import { OWN_SHEETS } from '../own-sheets';

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

function tableStartingAt(grid: SheetGrid, row: number, profile: Profile): Found | undefined {
  const view = new RowView(grid, row, profile);
  if (view.texts.length === 0) return undefined;
  for (const recognizer of RECOGNIZERS) {
    if (!recognizer.startsAt(view)) continue;
    const found = recognizer.read(view);
    if (found) return found;
  }
  return undefined;
}

export type { Sheet };
