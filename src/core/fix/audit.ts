import { z } from 'zod';
import type { Lang } from '../finding';
import { CORE_CATALOGS, coreText } from '../i18n';
import { AUDIT_SHEET } from '../own-sheets';
import { CellValueSchema, type CellValue, type Sheet } from '../snapshot';

/**
 * The audit sheet 审核记录: one schema for every host (the command line's fix and revert, the standalone page, the
 * add-in). Reviewers read the visible columns, in Chinese; what a revert or an undo needs (the old content, its
 * number format, the cell's original XML where the host has it) sits in one hidden column whose heading carries the
 * layout version. Encoded and decoded here only, so each host reads the others' records; the two earlier layouts
 * (the add-in's 13 columns, the file path's 8 with the XML shown) are still decoded, so their workbooks revert.
 */
export const AUDIT_LAYOUT_VERSION = 2;

/** The visible headings, in their columns (A … I). */
export const AUDIT_HEADINGS = ['时间', '批次', '工作表', '单元格', '原内容', '新内容', '规则', '说明', '状态'] as const;
const COLUMN = { time: 0, batch: 1, sheet: 2, cell: 3, old: 4, new: 5, code: 6, reason: 7, state: 8 } as const;
/** The hidden column (J) that keeps what revert needs; its heading names the layout version. */
export const AUDIT_DATA_COLUMN = AUDIT_HEADINGS.length;
export const AUDIT_DATA_HEADING = `还原数据 v${AUDIT_LAYOUT_VERSION}`;
/** The state of a record an undo has put back (the record stays). */
export const UNDONE = '已撤销';

/** The rule an edit on site is recorded with: none asked for it (its reason says the user typed it). */
export const EDIT_CODE = '';

/** A record's kind: a cell the fix wrote, or a formula whose stored result was recomputed because of one. */
export type AuditKind = 'write' | 'recalc';

/** What a cell held before a change, as revert and undo put it back. */
export const OldContentSchema = z.object({
  value: CellValueSchema,
  formula: z.string().optional(),
  /** The number format code; absent with `formatKnown` for General. */
  format: z.string().optional(),
  /** False when the record does not say the format (the old file layout): undo leaves the cell's format alone. */
  formatKnown: z.boolean(),
});
export type OldContent = z.infer<typeof OldContentSchema>;

/** One change as a host records it. */
export interface AuditEntry {
  time: string;
  batch: number;
  sheet: string;
  cell: string;
  kind: AuditKind;
  old: OldContent;
  /** The content written: a formula with its result, or a value. */
  new: { value: CellValue; formula?: string };
  /** The finding's code the change answers (empty for a recalculated result). */
  code: string;
  reason: string;
  /** The cell's XML as it was (hosts that edit the file): revert puts it back byte for byte. */
  xml?: string;
}

/** A decoded row of the audit sheet. */
export interface AuditRecord extends AuditEntry {
  /** The row it sits on (0-based), for marking it undone. */
  row: number;
  undone: boolean;
}

export type AuditLayout = 'v2' | 'file-v1' | 'addin-v1';

export interface AuditLog {
  layout: AuditLayout;
  records: AuditRecord[];
  /** The column an undo marks 已撤销 in. */
  stateColumn: number;
  /** The next batch number. */
  nextBatch: number;
}

/** The time an audit row records, to the second, in UTC: 2026-01-02 03:04:05. */
export function auditTime(now: Date): string {
  return now.toISOString().replace('T', ' ').slice(0, 19);
}

function valueText(value: CellValue, lang: Lang): string {
  switch (value.type) {
    case 'empty':
      return coreText(lang).audit.empty;
    case 'boolean':
      return value.value ? 'TRUE' : 'FALSE';
    default:
      return String(value.value);
  }
}

/** A cell's content as a reviewer reads it: =formula → value, or the value. Always stored as text. */
export function contentText(value: CellValue, formula: string | undefined, lang: Lang): string {
  return formula === undefined ? valueText(value, lang) : `=${formula} → ${valueText(value, lang)}`;
}

/** What the hidden column holds for one record (JSON). */
const DataSchema = z.object({
  kind: z.enum(['write', 'recalc']),
  old: OldContentSchema,
  xml: z.string().optional(),
});

/** Excel keeps at most 32,767 characters in a cell: a longer original XML is left out (the old content still reverts). */
const MAX_CELL_TEXT = 32_767;

/** The heading row. */
export function auditHeadingRow(): string[] {
  return [...AUDIT_HEADINGS, AUDIT_DATA_HEADING];
}

/** The rows of text for the entries, one per entry, in the columns of the current layout. */
export function encodeAuditRows(entries: readonly AuditEntry[], lang: Lang = 'zh-CN'): string[][] {
  return entries.map((entry) => {
    const data: z.infer<typeof DataSchema> = { kind: entry.kind, old: entry.old };
    let json = JSON.stringify({ ...data, ...(entry.xml !== undefined ? { xml: entry.xml } : {}) });
    if (json.length > MAX_CELL_TEXT) json = JSON.stringify(data);
    return [
      entry.time,
      String(entry.batch),
      entry.sheet,
      entry.cell,
      contentText(entry.old.value, entry.old.formula, lang),
      contentText(entry.new.value, entry.new.formula, lang),
      entry.code,
      entry.reason,
      '',
      json,
    ];
  });
}

/** The old content of a change from a CellValue, formula and format the host read before writing. */
export function oldContent(value: CellValue, formula: string | undefined, format: string | undefined): OldContent {
  const old: OldContent = { value, formatKnown: true };
  if (formula !== undefined) old.formula = formula;
  if (format !== undefined) old.format = format;
  return old;
}

// ---------------------------------------------------------------------------------------------------------------
// Decoding

type Texts = (row: number, col: number) => string;

function textsOf(sheet: Sheet): { text: Texts; rows: number[] } {
  const byKey = new Map<string, string>();
  const rows = new Set<number>();
  for (const cell of sheet.cells) {
    rows.add(cell.row);
    const v = cell.value;
    byKey.set(
      `${cell.row}:${cell.col}`,
      v.type === 'empty' ? '' : v.type === 'boolean' ? (v.value ? 'TRUE' : 'FALSE') : String(v.value),
    );
  }
  return { text: (row, col) => byKey.get(`${row}:${col}`) ?? '', rows: [...rows].sort((a, b) => a - b) };
}

/** Headings of the first file layout's XML column and the add-in's first machine column. */
const FILE_V1_XML_HEADING = /^原单元格XML/;
const ADDIN_V1_BATCH_HEADING = /^批次 batch$/;
const UNDONE_V1 = '已撤销 undone';

/** `=formula → value` or a value, as contentText wrote it; the value's type comes from elsewhere. */
function parseContent(text: string): { formula?: string; value: string } {
  if (text.startsWith('=')) {
    const arrow = text.lastIndexOf(' → ');
    if (arrow > 0) return { formula: text.slice(1, arrow), value: text.slice(arrow + 3) };
  }
  return { value: text };
}

const EMPTY_TEXTS = new Set(Object.values(CORE_CATALOGS).map((catalog) => catalog.audit.empty));

function typedValue(type: string, text: string): CellValue {
  switch (type) {
    case 'number': {
      const n = Number(text);
      return Number.isFinite(n) && text.trim() !== '' ? { type: 'number', value: n } : { type: 'text', value: text };
    }
    case 'boolean':
      return { type: 'boolean', value: text === 'TRUE' || text === 'true' };
    case 'error':
      return { type: 'error', value: text };
    case 'text':
      return { type: 'text', value: text };
    default:
      return { type: 'empty' };
  }
}

/** The type of the value an original cell XML held (`t` attribute), as the first file layout recorded it. */
function typeOfXml(xml: string): string {
  if (xml === '') return 'empty';
  const open = xml.slice(0, xml.indexOf('>') + 1);
  const t = /\st="([^"]*)"/.exec(open)?.[1] ?? 'n';
  if (t === 's' || t === 'inlineStr' || t === 'str') return 'text';
  if (t === 'b') return 'boolean';
  if (t === 'e') return 'error';
  return /<(\w+:)?v\b/.test(xml) ? 'number' : 'empty';
}

/** The content a record says was written: a formula with its shown result, or a value, as the sheet shows it. */
function writtenContent(shown: string): AuditRecord['new'] {
  const written = parseContent(shown);
  return {
    value: { type: 'text', value: written.value },
    ...(written.formula ? { formula: written.formula } : {}),
  };
}

/** A record of either earlier layout, whose first seven columns are alike: time, sheet, cell, old, new, rule, reason. */
function earlierLayoutRecord(
  text: (row: number, col: number) => string,
  row: number,
  old: OldContent,
  batch: number,
  undone: boolean,
): AuditRecord {
  return {
    row,
    time: text(row, 0),
    batch,
    sheet: text(row, 1),
    cell: text(row, 2),
    kind: 'write',
    old,
    new: writtenContent(text(row, 4)),
    code: text(row, 5),
    reason: text(row, 6),
    undone,
  };
}

/**
 * Reads an audit sheet in any of its layouts. Rows that cannot be read (edited by hand, a heading row) are skipped;
 * a sheet that is no audit layout gives undefined.
 */
export function decodeAuditSheet(sheet: Sheet): AuditLog | undefined {
  const { text, rows } = textsOf(sheet);
  const body = rows.filter((row) => row > 0);
  const version = /^还原数据 v(\d+)$/.exec(text(0, AUDIT_DATA_COLUMN))?.[1];
  if (version !== undefined) {
    const records: AuditRecord[] = [];
    for (const row of body) {
      let data: z.infer<typeof DataSchema>;
      try {
        const parsed = DataSchema.safeParse(JSON.parse(text(row, AUDIT_DATA_COLUMN)));
        if (!parsed.success) continue;
        data = parsed.data;
      } catch {
        continue;
      }
      const record: AuditRecord = {
        row,
        time: text(row, COLUMN.time),
        batch: Number(text(row, COLUMN.batch)) || 0,
        sheet: text(row, COLUMN.sheet),
        cell: text(row, COLUMN.cell),
        kind: data.kind,
        old: data.old,
        new: writtenContent(text(row, COLUMN.new)),
        code: text(row, COLUMN.code),
        reason: text(row, COLUMN.reason),
        undone: text(row, COLUMN.state) === UNDONE,
      };
      if (data.xml !== undefined) record.xml = data.xml;
      records.push(record);
    }
    return withNextBatch('v2', records, COLUMN.state);
  }
  if (FILE_V1_XML_HEADING.test(text(0, 7))) {
    // time, sheet, cell, old, new, rule, reason, original XML: one run of fix per time stamp.
    const times = [...new Set(body.map((row) => text(row, 0)))];
    const records = body.map((row): AuditRecord => {
      const xml = text(row, 7);
      const old = parseContent(text(row, 3));
      const type = EMPTY_TEXTS.has(old.value) && !old.formula ? 'empty' : typeOfXml(xml);
      const content: OldContent = { value: typedValue(type, old.value), formatKnown: false };
      if (old.formula !== undefined) content.formula = old.formula;
      const batch = times.indexOf(text(row, 0)) + 1;
      const undone = text(row, 8) === UNDONE || text(row, 8) === UNDONE_V1;
      return { ...earlierLayoutRecord(text, row, content, batch, undone), xml };
    });
    return withNextBatch('file-v1', records, 8);
  }
  if (ADDIN_V1_BATCH_HEADING.test(text(0, 7))) {
    // time, sheet, cell, old, new, rule, reason, batch, old type, old value, old formula, old format, state.
    const records = body.map((row): AuditRecord => {
      const content: OldContent = { value: typedValue(text(row, 8), text(row, 9)), formatKnown: true };
      if (text(row, 10) !== '') content.formula = text(row, 10);
      if (text(row, 11) !== '' && text(row, 11) !== 'General') content.format = text(row, 11);
      const undone = text(row, 12) === UNDONE_V1 || text(row, 12) === UNDONE;
      return earlierLayoutRecord(text, row, content, Number(text(row, 7)) || 0, undone);
    });
    return withNextBatch('addin-v1', records, 12);
  }
  return undefined;
}

function withNextBatch(layout: AuditLayout, records: AuditRecord[], stateColumn: number): AuditLog {
  const nextBatch = Math.max(0, ...records.map((r) => r.batch)) + 1;
  return { layout, records, stateColumn, nextBatch };
}

/** The records of the last batch not yet undone, last change first (what one undo puts back). */
export function lastBatch(log: AuditLog): AuditRecord[] {
  const open = log.records.filter((r) => !r.undone);
  const batch = Math.max(-Infinity, ...open.map((r) => r.batch));
  return open.filter((r) => r.batch === batch).sort((a, b) => b.row - a.row);
}

/** How many batches an undo can still put back. */
export function undoDepth(log: AuditLog | undefined): number {
  return log ? new Set(log.records.filter((r) => !r.undone).map((r) => r.batch)).size : 0;
}

/**
 * What revert puts back: for each cell, its content before the earliest change not undone (records of cells an undo
 * already restored are skipped), in the order to apply them.
 */
export function revertPlan(log: AuditLog): AuditRecord[] {
  const earliest = new Map<string, AuditRecord>();
  for (const record of [...log.records].sort((a, b) => a.row - b.row)) {
    if (record.undone) continue;
    const key = `${record.sheet}!${record.cell}`;
    if (!earliest.has(key)) earliest.set(key, record);
  }
  return [...earliest.values()];
}

/** The rows of a log in the current layout (to rewrite an old layout's sheet before adding to it). */
export function reencode(log: AuditLog): { rows: string[][]; undone: boolean[] } {
  const records = [...log.records].sort((a, b) => a.row - b.row);
  const rows = encodeAuditRows(records);
  records.forEach((record, i) => {
    if (record.undone) (rows[i] as string[])[COLUMN.state] = UNDONE;
  });
  return { rows, undone: records.map((r) => r.undone) };
}

/**
 * The cells a fill or fix of this product wrote and no undo has put back ("sheet!A1"), as the workbook's audit sheet
 * records them: a rule can tell what the product wrote from what the workbook's author did. A number the user typed
 * on site is the author's (recorded so it can be put back, but no rule wrote it).
 */
export function writtenCells(sheets: readonly Sheet[]): ReadonlySet<string> {
  const audit = sheets.find((s) => s.name === AUDIT_SHEET);
  const log = audit ? decodeAuditSheet(audit) : undefined;
  return new Set(
    (log?.records ?? [])
      .filter((r) => r.kind === 'write' && r.code !== EDIT_CODE && !r.undone)
      .map((r) => `${r.sheet}!${r.cell}`),
  );
}
