import { REPORT_SHEET } from '../core/own-sheets';
import type { CheckResult } from '../core/check';
import type { Lang } from '../core/finding';
import { linkFormula, reportRows } from '../core/report';
import { cellAddress } from '../core/address';
import {
  addSheet,
  editSheetXml,
  escapeXml,
  inlineTextCell,
  openPackage,
  readPart,
  removeSheet,
  savePackage,
  writePart,
  type CellEdit,
} from './xlsx/patch-xlsx';

/** Writes (or rewrites) the 审核报告 sheet of an .xlsx: summary, then every finding with a link to its cell. */
export function writeReportSheet(xlsx: Uint8Array, result: CheckResult, lang: Lang): Uint8Array {
  const pkg = openPackage(xlsx);
  removeSheet(pkg, REPORT_SHEET);
  const path = addSheet(pkg, REPORT_SHEET);
  const edits: CellEdit[] = reportRows(result, lang).flatMap((cells, row) =>
    cells.flatMap((cell, col): CellEdit[] => {
      if (!cell) return [];
      const r = cellAddress(row, col);
      if ('text' in cell) return [{ row, col, replace: () => inlineTextCell(row, col, cell.text) }];
      if ('number' in cell) return [{ row, col, replace: () => `<c r="${r}"><v>${cell.number}</v></c>` }];
      return [
        {
          row,
          col,
          replace: () =>
            `<c r="${r}" t="str"><f>${escapeXml(linkFormula(cell.link.sheet, cell.link.cell, cell.link.label))}</f><v>${escapeXml(cell.link.label)}</v></c>`,
        },
      ];
    }),
  );
  writePart(pkg, path, editSheetXml(readPart(pkg, path) as string, edits));
  return savePackage(pkg);
}
