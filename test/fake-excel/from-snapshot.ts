import { cellAddress, rangeAddress } from '../../src/core/address';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import type { FakeCell, FakeSheetData } from './fake-office';

/** The sheets of a snapshot as the fake Excel holds them (what a workbook looks like once open in Excel). */
export function fakeSheetsOf(snapshot: WorkbookSnapshot): FakeSheetData[] {
  return snapshot.sheets.map((sheet) => ({
    name: sheet.name,
    visibility: sheet.visibility === 'hidden' ? 'Hidden' : sheet.visibility === 'veryHidden' ? 'VeryHidden' : 'Visible',
    merges: sheet.merges.map(rangeAddress),
    cells: Object.fromEntries(
      sheet.cells.map((cell) => {
        const fake: FakeCell = {
          value: cell.value.type === 'empty' || cell.value.type === 'error' ? null : cell.value.value,
        };
        if (cell.value.type === 'error') fake.error = cell.value.value;
        if (cell.formula !== undefined) fake.formula = cell.formula;
        if (cell.format !== undefined) fake.format = cell.format;
        return [cellAddress(cell.row, cell.col), fake];
      }),
    ),
  }));
}
