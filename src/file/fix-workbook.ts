import type { Result } from '../core/result';
import { AUDIT_SHEET } from '../core/own-sheets';
import { checkWorkbook } from '../core/check';
import {
  AUDIT_DATA_COLUMN,
  auditHeadingRow,
  auditTime,
  decodeAuditSheet,
  encodeAuditRows,
  oldContent,
  reencode,
  revertPlan,
  type AuditEntry,
  type OldContent,
} from '../core/fix/audit';
import { planFixes, type CellWrite } from '../core/fix/plan';
import type { Lang } from '../core/finding';
import { coreText } from '../core/i18n';
import { WorkbookEvaluator, type Recalculated } from '../core/formula/workbook-evaluator';
import { DEFAULT_PROFILE, type Profile } from '../core/profile';
import { cellAddress, parseCellAddress } from '../core/address';
import type { CellValue, WorkbookSnapshot } from '../core/snapshot';
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
  withCachedValue,
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

/** A formula whose stored result changed because it reads a written cell, directly or through others. */
export interface Recomputed {
  sheet: string;
  cell: string;
  formula: string;
  old: CellValue;
  value: CellValue;
}

export type FixResult = Result<
  {
    bytes: Uint8Array;
    changes: CellWrite[];
    /** Dependent formulas whose stored results were recomputed in the same write. */
    recomputed: Recomputed[];
    /** Dependent formulas the evaluator cannot compute (volatile, unsupported): their stored results are kept. */
    notRecomputed: Array<{ sheet: string; cell: string; formula: string }>;
    convertedFromXls: boolean;
  },
  WorkbookReadError
>;

/** A cell's XML for a value, with its formula when it has one (text values of constants as inline strings). */
function cellXml(address: string, style: number, value: CellValue, formula?: string): string | null {
  const s = style > 0 ? ` s="${style}"` : '';
  const f = formula !== undefined ? `<f>${escapeXml(formula)}</f>` : '';
  switch (value.type) {
    case 'number':
      return `<c r="${address}"${s}>${f}<v>${value.value}</v></c>`;
    case 'boolean':
      return `<c r="${address}"${s} t="b">${f}<v>${value.value ? 1 : 0}</v></c>`;
    case 'error':
      return `<c r="${address}"${s} t="e">${f}<v>${escapeXml(value.value)}</v></c>`;
    case 'text':
      return f
        ? `<c r="${address}"${s} t="str">${f}<v>${escapeXml(value.value)}</v></c>`
        : `<c r="${address}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value.value)}</t></is></c>`;
    default:
      return f ? `<c r="${address}"${s}>${f}</c>` : s ? `<c r="${address}"${s}/>` : null;
  }
}

const asCellValue = (value: number | string): CellValue =>
  typeof value === 'number' ? { type: 'number', value } : { type: 'text', value };

function sameValue(a: CellValue, b: CellValue): boolean {
  return a.type === b.type && (a as { value?: unknown }).value === (b as { value?: unknown }).value;
}

/** Audit rows appended after the sheet's last row (inline strings: nothing written here can become a formula). */
function appendRows(pkg: Package, path: string, rows: string[][]): void {
  const xml = readPart(pkg, path) as string;
  const used = [...xml.matchAll(/<(?:[\w.-]+:)?row\b[^>]*\br="(\d+)"/g)].map((m) => Number(m[1]));
  const first = used.length === 0 ? 0 : Math.max(...used);
  const edits: CellEdit[] = rows.flatMap((values, i) =>
    values.map((value, col) => ({ row: first + i, col, replace: () => inlineTextCell(first + i, col, value) })),
  );
  writePart(pkg, path, editSheetXml(xml, edits));
}

/** A fresh audit sheet part: column widths for reading, and the data column hidden. */
function auditSheetXml(): string {
  const data = AUDIT_DATA_COLUMN + 1;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<cols><col min="1" max="1" width="20" customWidth="1"/><col min="5" max="6" width="36" customWidth="1"/>' +
    `<col min="8" max="8" width="36" customWidth="1"/><col min="${data}" max="${data}" width="0" hidden="1" customWidth="1"/></cols>` +
    '<sheetData></sheetData></worksheet>'
  );
}

/** Appends entries to the audit sheet, creating it (or rewriting an earlier layout's) in the current layout. */
function recordChanges(pkg: Package, snapshot: WorkbookSnapshot, entries: AuditEntry[], lang: Lang): void {
  const parts = sheetParts(pkg);
  const existing = snapshot.sheets.find((s) => s.name === AUDIT_SHEET);
  const log = existing ? decodeAuditSheet(existing) : undefined;
  let path = parts.get(AUDIT_SHEET);
  const rows = encodeAuditRows(entries, lang);
  if (path && log?.layout === 'v2') {
    appendRows(pkg, path, rows);
    return;
  }
  const earlier = log ? reencode(log).rows : [];
  if (!path) path = addSheet(pkg, AUDIT_SHEET);
  writePart(pkg, path, auditSheetXml());
  appendRows(pkg, path, [auditHeadingRow(), ...earlier, ...rows]);
}

export interface WriteResult {
  bytes: Uint8Array;
  recomputed: Recomputed[];
  notRecomputed: Array<{ sheet: string; cell: string; formula: string }>;
}

/**
 * Writes cells into an .xlsx (formulas with their results, number formats where the cell had none), recomputes the
 * stored result of every formula that depends on a written cell, directly or through others, records each change
 * in 审核记录 (with the cell's original XML, hidden, so revert puts it back), and asks for a full recalculation on
 * open. `snapshot` is the workbook as read from `xlsx` (read again when not given). Throws WorkbookReadError.
 */
export function writeChanges(
  xlsx: Uint8Array,
  changes: readonly CellWrite[],
  lang: Lang,
  now: Date,
  snapshot?: WorkbookSnapshot,
): WriteResult {
  let workbook = snapshot;
  if (!workbook) {
    const read = readWorkbook(xlsx, 'workbook.xlsx');
    if (!read.ok) throw read.error;
    workbook = read.workbook;
  }
  // A formula write is recomputed at its cell; a typed value (an edit on site) is read by its dependents as it is.
  const results = new WorkbookEvaluator(workbook).recalculate(
    changes.map((w) =>
      w.formula !== undefined
        ? { sheet: w.sheet, row: w.row, col: w.col, formula: w.formula }
        : { sheet: w.sheet, row: w.row, col: w.col, value: asCellValue(w.value) },
    ),
  );
  const computed = new Map(results.map((r) => [`${r.sheet}!${r.row}:${r.col}`, r]));
  const formats = new Map(
    workbook.sheets.flatMap((sheet) => sheet.cells.map((c) => [`${sheet.name}!${c.row}:${c.col}`, c.format])),
  );
  const recomputed: Array<Recalculated & { value: CellValue }> = [];
  const notRecomputed: WriteResult['notRecomputed'] = [];
  for (const result of results) {
    if (result.changed) continue;
    const at = { sheet: result.sheet, cell: cellAddress(result.row, result.col), formula: result.formula };
    if (result.value.type === 'unknown') notRecomputed.push(at);
    else if (!sameValue(result.value, result.stored)) recomputed.push({ ...result, value: result.value });
  }

  const pkg = openPackage(xlsx);
  const parts = sheetParts(pkg);
  const styles = new StyleBook(pkg);
  const originals = new Map<string, string>();
  const time = auditTime(now);
  const key = (sheet: string, row: number, col: number) => `${sheet}!${row}:${col}`;
  /** The value a written formula caches: what the evaluator computes for it, else what the plan computed. */
  const writtenValue = (write: CellWrite): CellValue => {
    const value = computed.get(key(write.sheet, write.row, write.col))?.value;
    return value && value.type !== 'unknown' && value.type !== 'empty' ? value : asCellValue(write.value);
  };
  for (const [sheet, path] of parts) {
    const edits: CellEdit[] = [];
    for (const write of changes) {
      if (write.sheet !== sheet) continue;
      edits.push({
        row: write.row,
        col: write.col,
        replace: (existing) => {
          originals.set(key(sheet, write.row, write.col), existing ?? '');
          const base = styleOf(existing);
          const style = write.format ? styles.withFormat(base, write.format) : base;
          return cellXml(write.cell, style, writtenValue(write), write.formula);
        },
      });
    }
    for (const result of recomputed) {
      if (result.sheet !== sheet) continue;
      edits.push({
        row: result.row,
        col: result.col,
        replace: (existing) => {
          originals.set(key(sheet, result.row, result.col), existing ?? '');
          return existing === undefined ? null : withCachedValue(existing, result.value);
        },
      });
    }
    if (edits.length > 0) writePart(pkg, path, editSheetXml(readPart(pkg, path) as string, edits));
  }
  styles.save();
  const batch = (() => {
    const existing = workbook.sheets.find((s) => s.name === AUDIT_SHEET);
    return (existing && decodeAuditSheet(existing)?.nextBatch) || 1;
  })();
  const entries: AuditEntry[] = [
    ...changes.map(
      (write): AuditEntry => ({
        time,
        batch,
        sheet: write.sheet,
        cell: write.cell,
        kind: 'write',
        old: oldContent(write.old.value, write.old.formula, write.old.format),
        new: { value: writtenValue(write), formula: write.formula },
        code: write.code,
        reason: write.reason,
        xml: originals.get(key(write.sheet, write.row, write.col)) ?? '',
      }),
    ),
    ...recomputed.map(
      (result): AuditEntry => ({
        time,
        batch,
        sheet: result.sheet,
        cell: cellAddress(result.row, result.col),
        kind: 'recalc',
        old: oldContent(result.stored, result.formula, formats.get(key(result.sheet, result.row, result.col))),
        new: { value: result.value, formula: result.formula },
        code: '',
        reason: coreText(lang).audit.recalcReason,
        xml: originals.get(key(result.sheet, result.row, result.col)) ?? '',
      }),
    ),
  ];
  recordChanges(pkg, workbook, entries, lang);
  requestFullRecalculation(pkg);
  return {
    bytes: savePackage(pkg),
    recomputed: recomputed.map((r) => ({
      sheet: r.sheet,
      cell: cellAddress(r.row, r.col),
      formula: r.formula,
      old: r.stored,
      value: r.value,
    })),
    notRecomputed,
  };
}

/** writeChanges without the details: the new bytes. */
export function applyWrites(
  xlsx: Uint8Array,
  changes: readonly CellWrite[],
  lang: Lang,
  now: Date,
  snapshot?: WorkbookSnapshot,
): Uint8Array {
  return writeChanges(xlsx, changes, lang, now, snapshot).bytes;
}

function failure(error: unknown): { ok: false; error: WorkbookReadError } {
  return {
    ok: false,
    error:
      error instanceof WorkbookReadError
        ? error
        : new WorkbookReadError('corrupt', error instanceof Error ? error.message : String(error)),
  };
}

/**
 * Fills the derivable blanks of a workbook with formulas (and the fixes the user picked), recomputes the formulas
 * that depend on them, records every change in the 审核记录 sheet, and returns the new file. The input bytes are
 * never modified; an .xls comes back as .xlsx.
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
    if (changes.length === 0 && !convertedFromXls)
      return { ok: true, bytes, changes, recomputed: [], notRecomputed: [], convertedFromXls };
    const xlsx = convertedFromXls ? writeXlsx(snapshot) : bytes;
    if (changes.length === 0)
      return { ok: true, bytes: xlsx, changes, recomputed: [], notRecomputed: [], convertedFromXls };
    const written = writeChanges(xlsx, changes, lang, options.now ?? new Date(), snapshot);
    return { ok: true, changes, convertedFromXls, ...written };
  } catch (error) {
    return failure(error);
  }
}

export type RevertResult = Result<
  {
    bytes: Uint8Array;
    restored: number;
    /** False when the workbook has no audit sheet to revert from (nothing was changed). */
    audited: boolean;
  },
  WorkbookReadError
>;

/** A cell's XML from the old content a record keeps (records written by the add-in carry no XML). */
function restoredXml(address: string, old: OldContent, existing: string | undefined, styles: StyleBook): string | null {
  const base = styleOf(existing);
  const style = old.formatKnown ? styles.withFormat(base, old.format ?? 'General') : base;
  return cellXml(address, style, old.value, old.formula);
}

/**
 * Puts back every cell the audit sheet records (any layout, from any host: the original XML where it was kept, else
 * the old content), skipping what an undo already put back, and removes the audit sheet.
 */
export function revertWorkbook(bytes: Uint8Array, name: string): RevertResult {
  const read = readWorkbook(bytes, name);
  if (!read.ok) return read;
  try {
    const audit = read.workbook.sheets.find((s) => s.name === AUDIT_SHEET);
    const log = audit ? decodeAuditSheet(audit) : undefined;
    if (!log || read.workbook.source?.format !== 'xlsx') return { ok: true, bytes, restored: 0, audited: false };
    const plan = revertPlan(log);
    const pkg = openPackage(bytes);
    const parts = sheetParts(pkg);
    const styles = new StyleBook(pkg);
    const bySheet = new Map<string, CellEdit[]>();
    let restored = 0;
    for (const record of plan) {
      const at = parseCellAddress(record.cell);
      if (!at || !parts.has(record.sheet)) continue;
      const address = cellAddress(at.row, at.col);
      const replace = (existing: string | undefined) =>
        record.xml !== undefined
          ? record.xml === ''
            ? null
            : record.xml
          : restoredXml(address, record.old, existing, styles);
      bySheet.set(record.sheet, [...(bySheet.get(record.sheet) ?? []), { row: at.row, col: at.col, replace }]);
      if (record.kind === 'write') restored++;
    }
    for (const [sheet, edits] of bySheet) {
      const path = parts.get(sheet) as string;
      writePart(pkg, path, editSheetXml(readPart(pkg, path) as string, edits));
    }
    styles.save();
    removeSheet(pkg, AUDIT_SHEET);
    return { ok: true, bytes: savePackage(pkg), restored, audited: true };
  } catch (error) {
    return failure(error);
  }
}
