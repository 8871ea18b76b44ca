import { AUDIT_SHEET } from '../core/own-sheets';
import { checkWorkbook } from '../core/check';
import { AUDIT_HEADERS, auditRow, auditTime } from '../core/fix/audit';
import { planFixes, type CellWrite } from '../core/fix/plan';
import type { Lang } from '../core/finding';
import { DEFAULT_PROFILE, type Profile } from '../core/profile';
import { parseCellAddress } from '../core/address';
import { WorkbookReadError } from './read-error';
import { readWorkbook } from './read-workbook';
import {
  addSheet,
  editSheetXml,
  escapeXml,
  inlineTextCell,
  openPackage,
  readPart,
  removeSheet,
  requestFullRecalculation,
  savePackage,
  sheetParts,
  StyleBook,
  styleOf,
  writePart,
  type CellEdit,
  type Package,
} from './xlsx/patch-xlsx';
import { writeXlsx } from './xlsx/write-xlsx';

export interface FixOptions {
  profile?: Profile;
  lang?: Lang;
  /** Also replace wrong derived values (totals, rates, grades) by their formulas (`fix --correct`). */
  correct?: boolean;
  /** Cells whose finding's fix the user picked one by one (applied over what the cell holds, old content recorded). */
  picked?: ReadonlyArray<{ sheet: string; cell: string }>;
  /** The time written in the audit sheet. */
  now?: Date;
  /** The reader's cell limit (readWorkbook's maxCells). */
  maxCells?: number;
}

export type FixResult =
  | { ok: true; bytes: Uint8Array; changes: CellWrite[]; convertedFromXls: boolean }
  | { ok: false; error: WorkbookReadError };

/** Header of the column that keeps each cell's original XML, so revert puts it back exactly. */
const ORIGINAL_XML_HEADER = '原单元格XML (original cell XML, for revert)';

function newCellXml(write: CellWrite, style: number): string {
  const s = style > 0 ? ` s="${style}"` : '';
  const f = `<f>${escapeXml(write.formula)}</f>`;
  return typeof write.value === 'number'
    ? `<c r="${write.cell}"${s}>${f}<v>${write.value}</v></c>`
    : `<c r="${write.cell}"${s} t="str">${f}<v>${escapeXml(write.value)}</v></c>`;
}

/** Appends rows of text to a sheet (inline strings: nothing written here can become a formula). */
function appendRows(pkg: Package, path: string, rows: string[][]): void {
  const xml = readPart(pkg, path) as string;
  const used = [...xml.matchAll(/<row\b[^>]*\br="(\d+)"/g)].map((m) => Number(m[1]));
  const first = used.length === 0 ? 0 : Math.max(...used);
  const edits: CellEdit[] = rows.flatMap((values, i) =>
    values.map((value, col) => ({ row: first + i, col, replace: () => inlineTextCell(first + i, col, value) })),
  );
  writePart(pkg, path, editSheetXml(xml, edits));
}

/**
 * Writes cells into an .xlsx (formulas with cached results, number formats where the cell had none), records each
 * change with the cell's original XML in 审核记录, and asks for a full recalculation on open. Throws WorkbookReadError.
 */
export function applyWrites(xlsx: Uint8Array, changes: readonly CellWrite[], lang: Lang, now: Date): Uint8Array {
  const pkg = openPackage(xlsx);
  const parts = sheetParts(pkg);
  const styles = new StyleBook(pkg);
  const originals = new Map<CellWrite, string>();
  for (const [sheet, path] of parts) {
    const writes = changes.filter((w) => w.sheet === sheet);
    if (writes.length === 0) continue;
    const edits: CellEdit[] = writes.map((write) => ({
      row: write.row,
      col: write.col,
      replace: (existing) => {
        originals.set(write, existing ?? '');
        const base = styleOf(existing);
        return newCellXml(write, write.format ? styles.withFormat(base, write.format) : base);
      },
    }));
    writePart(pkg, path, editSheetXml(readPart(pkg, path) as string, edits));
  }
  styles.save();
  const auditPath = parts.get(AUDIT_SHEET) ?? addSheet(pkg, AUDIT_SHEET);
  const time = auditTime(now);
  const rows = changes.map((write) => [...auditRow(write, time, lang), originals.get(write) ?? '']);
  appendRows(pkg, auditPath, parts.has(AUDIT_SHEET) ? rows : [[...AUDIT_HEADERS[lang], ORIGINAL_XML_HEADER], ...rows]);
  requestFullRecalculation(pkg);
  return savePackage(pkg);
}

/**
 * Fills the derivable blanks of a workbook with formulas (and the fixes the user picked), records every change
 * in the 审核记录 sheet, and returns the new file. The input bytes are never modified; an .xls comes back as .xlsx.
 */
export function fixWorkbook(bytes: Uint8Array, name: string, options: FixOptions = {}): FixResult {
  const lang = options.lang ?? 'zh-CN';
  const profile = options.profile ?? DEFAULT_PROFILE;
  const read = readWorkbook(bytes, name, options);
  if (!read.ok) return read;
  try {
    const snapshot = read.workbook;
    const { findings } = checkWorkbook(snapshot, { profile, lang });
    const changes = planFixes(snapshot, findings, { correct: options.correct ?? false, picked: options.picked ?? [] });
    const convertedFromXls = snapshot.source?.format === 'xls';
    if (changes.length === 0 && !convertedFromXls) return { ok: true, bytes, changes, convertedFromXls };
    const xlsx = convertedFromXls ? writeXlsx(snapshot) : bytes;
    return {
      ok: true,
      bytes: changes.length === 0 ? xlsx : applyWrites(xlsx, changes, lang, options.now ?? new Date()),
      changes,
      convertedFromXls,
    };
  } catch (error) {
    return {
      ok: false,
      error:
        error instanceof WorkbookReadError
          ? error
          : new WorkbookReadError('corrupt', error instanceof Error ? error.message : String(error)),
    };
  }
}

export type RevertResult =
  | {
      ok: true;
      bytes: Uint8Array;
      restored: number;
      /** False when the workbook has no audit sheet to revert from (nothing was changed). */
      audited: boolean;
    }
  | { ok: false; error: WorkbookReadError };

/** Puts back every cell the audit sheet records, last change first, and removes the audit sheet. */
export function revertWorkbook(bytes: Uint8Array, name: string): RevertResult {
  const read = readWorkbook(bytes, name);
  if (!read.ok) return read;
  try {
    const audit = read.workbook.sheets.find((s) => s.name === AUDIT_SHEET);
    if (!audit || read.workbook.source?.format !== 'xlsx') return { ok: true, bytes, restored: 0, audited: false };
    const text = (row: number, col: number) => {
      const cell = audit.cells.find((c) => c.row === row && c.col === col);
      return cell?.value.type === 'text' ? cell.value.value : '';
    };
    const rows = [...new Set(audit.cells.map((c) => c.row))].filter((r) => r > 0).sort((a, b) => b - a);
    const pkg = openPackage(bytes);
    const parts = sheetParts(pkg);
    const xmlColumn = AUDIT_HEADERS['zh-CN'].length;
    const bySheet = new Map<string, CellEdit[]>();
    const seen = new Set<string>();
    for (const row of rows) {
      const sheet = text(row, 1);
      const at = parseCellAddress(text(row, 2));
      if (!at || !parts.has(sheet)) continue;
      // Walking from the last change back, the first record met for a cell is the latest; its oldest state is
      // the one recorded earliest, so later records of the same cell are overridden by earlier ones.
      const original = text(row, xmlColumn);
      const edit: CellEdit = { row: at.row, col: at.col, replace: () => (original === '' ? null : original) };
      const key = `${sheet}!${at.row}:${at.col}`;
      const edits = bySheet.get(sheet) ?? [];
      bySheet.set(
        sheet,
        seen.has(key) ? [...edits.filter((e) => !(e.row === at.row && e.col === at.col)), edit] : [...edits, edit],
      );
      seen.add(key);
    }
    for (const [sheet, edits] of bySheet)
      writePart(
        pkg,
        parts.get(sheet) as string,
        editSheetXml(readPart(pkg, parts.get(sheet) as string) as string, edits),
      );
    removeSheet(pkg, AUDIT_SHEET);
    return { ok: true, bytes: savePackage(pkg), restored: rows.length, audited: true };
  } catch (error) {
    return {
      ok: false,
      error:
        error instanceof WorkbookReadError
          ? error
          : new WorkbookReadError('corrupt', error instanceof Error ? error.message : String(error)),
    };
  }
}
