/// <reference types="office-js" />
import { tablesOf } from '../../core/model/tables';
import { AUDIT_SHEET, REPORT_SHEET } from '../../core/own-sheets';
import type { WorkbookHost } from '../host';
import type { CheckResult } from '../../core/check';
import type { CellRef, Lang } from '../../core/finding';
import {
  AUDIT_DATA_COLUMN,
  auditHeadingRow,
  auditTime,
  decodeAuditSheet,
  encodeAuditRows,
  lastBatch,
  oldContent,
  reencode,
  UNDONE,
  undoDepth,
  type AuditEntry,
  type AuditLog,
} from '../../core/fix/audit';
import type { CellWrite } from '../../core/fix/plan';
import { ProfileSchema, type Profile } from '../../core/profile';
import { coreText } from '../../core/i18n';
import { linkFormula, reportRows } from '../../core/report';
import { cellAddress, columnName, parseCellAddress } from '../../core/address';
import type { Sheet, WorkbookSnapshot } from '../../core/snapshot';
import { mergedAreas, sheetOf, type RangeBlock } from './range-to-sheet';

/** Excel on the web refuses a response over 5 MB; blocks are sized to stay well under it. */
const BLOCK_BUDGET_BYTES = 4 * 1024 * 1024;
/** A generous estimate of one cell's values + formulas + numberFormat + valueTypes in a response. */
const BYTES_PER_CELL = 80;
const PROFILE_SETTING = 'score-audit.profile';

type Proxy<T> = T & { isNullObject?: boolean };

interface SheetDims {
  name: string;
  visibility: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

function isPayloadError(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return (
    code === 'RequestPayloadSizeLimitExceeded' || /payload size/i.test(String((error as Error | undefined)?.message))
  );
}

function supports(version: string): boolean {
  return Office.context.requirements.isSetSupported('ExcelApi', version);
}

/**
 * The workbook open in Excel, through office.js. Reads the whole workbook in two round trips (the sheet list,
 * then every used range and its merged areas in one batch); a workbook too large for one response is read in
 * blocks under the 5 MB limit. Writes go in one batch, recorded in 审核记录.
 */
export class ExcelHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  readonly title = 'Excel';
  private last: WorkbookSnapshot | undefined;
  /** Bytes one sync of blocks may ask for (under the 5 MB limit of Excel on the web). */
  private readonly blockBudget = BLOCK_BUDGET_BYTES;
  private sheetIds = new Map<string, string>();

  async readSnapshot(onProgress?: (done: number, total: number) => void): Promise<WorkbookSnapshot> {
    const snapshot = await Excel.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name,items/visibility,items/id');
      await context.sync();
      const sheets = worksheets.items;
      this.sheetIds = new Map(sheets.map((ws) => [ws.id, ws.name]));
      try {
        return {
          sheets: await this.readWhole(context, sheets, onProgress),
          source: { name: this.title, format: 'office' as const },
        };
      } catch (error) {
        if (!isPayloadError(error)) throw error;
        return {
          sheets: await this.readInBlocks(context, sheets, onProgress),
          source: { name: this.title, format: 'office' as const },
        };
      }
    });
    this.last = snapshot;
    return snapshot;
  }

  /** Every used range with values, formulas, formats and merged areas, in one sync. */
  private async readWhole(
    context: Excel.RequestContext,
    sheets: Excel.Worksheet[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<Sheet[]> {
    const queued = sheets.map((ws) => queueUsedRange(ws, CELL_PROPERTIES));
    await context.sync();
    onProgress?.(sheets.length, sheets.length);
    return queued.map(wholeSheet);
  }

  /** For workbooks over the response limit: the dimensions first, then blocks of rows packed into few syncs. */
  private async readInBlocks(
    context: Excel.RequestContext,
    sheets: Excel.Worksheet[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<Sheet[]> {
    const dims = sheets.map((ws) => queueUsedRange(ws, 'rowIndex,columnIndex,rowCount,columnCount'));
    await context.sync();
    const shapes: SheetDims[] = dims.map(({ ws, used }) =>
      used.isNullObject
        ? { name: ws.name, visibility: ws.visibility, rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 }
        : {
            name: ws.name,
            visibility: ws.visibility,
            rowIndex: used.rowIndex,
            columnIndex: used.columnIndex,
            rowCount: used.rowCount,
            columnCount: used.columnCount,
          },
    );
    const blocks = new Map<string, RangeBlock[]>(shapes.map((s) => [s.name, []]));
    let pending: Array<{ sheet: string; range: Excel.Range }> = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pending.length === 0) return;
      await context.sync();
      for (const { sheet, range } of pending) blocks.get(sheet)?.push(range as unknown as RangeBlock);
      pending = [];
      pendingBytes = 0;
    };
    let done = 0;
    for (const shape of shapes) {
      if (shape.rowCount === 0) continue;
      const rowsPerBlock = Math.max(1, Math.floor(this.blockBudget / (BYTES_PER_CELL * shape.columnCount)));
      const ws = context.workbook.worksheets.getItem(shape.name);
      for (let top = 0; top < shape.rowCount; top += rowsPerBlock) {
        const rows = Math.min(rowsPerBlock, shape.rowCount - top);
        const bytes = rows * shape.columnCount * BYTES_PER_CELL;
        if (pendingBytes + bytes > this.blockBudget) await flush(); // one sync per full block of the budget
        const address = `${cellAddress(shape.rowIndex + top, shape.columnIndex)}:${columnName(shape.columnIndex + shape.columnCount - 1)}${shape.rowIndex + top + rows}`;
        const range = ws.getRange(address);
        range.load(CELL_PROPERTIES);
        pending.push({ sheet: shape.name, range });
        pendingBytes += bytes;
      }
      onProgress?.(++done, shapes.length);
    }
    await flush();
    return shapes.map((shape, i) => {
      return sheetOf(shape.name, shape.visibility, blocks.get(shape.name) ?? [], mergesOf(dims[i]?.merged));
    });
  }

  /** Live mode: only the sheets that changed, in one round trip (their used ranges and merged areas). */
  async readSheets(names: readonly string[]): Promise<Sheet[]> {
    const sheets = await Excel.run(async (context) => {
      const queued = names.map((name) =>
        queueUsedRange(context.workbook.worksheets.getItem(name).load('name,visibility'), CELL_PROPERTIES),
      );
      await context.sync();
      return queued.map(wholeSheet);
    });
    if (this.last)
      this.last = {
        ...this.last,
        sheets: this.last.sheets.map((s) => sheets.find((fresh) => fresh.name === s.name) ?? s),
      };
    return sheets;
  }

  private auditLog(snapshot = this.last): AuditLog | undefined {
    const audit = snapshot?.sheets.find((s) => s.name === AUDIT_SHEET);
    return audit ? decodeAuditSheet(audit) : undefined;
  }

  /**
   * One batch: calculation suspended, every write, and its record in 审核记录 in the engine's one layout (formatted
   * as text first, so a recorded "=…" stays text; the column revert reads hidden). Old content comes from the snapshot
   * the preview was made from. A sheet in an earlier layout is rewritten in the current one first. Excel recalculates
   * the formulas that depend on the writes itself.
   */
  async applyWrites(writes: readonly CellWrite[], lang: Lang): Promise<void> {
    if (writes.length === 0) return;
    const audit = this.last?.sheets.find((s) => s.name === AUDIT_SHEET);
    const log = this.auditLog();
    const time = auditTime(new Date());
    const batch = log?.nextBatch ?? 1;
    const entries = writes.map(
      (write): AuditEntry => ({
        time,
        batch,
        sheet: write.sheet,
        cell: write.cell,
        kind: 'write',
        old: oldContent(write.old.value, write.old.formula, write.old.format),
        new: {
          value:
            typeof write.value === 'number'
              ? { type: 'number', value: write.value }
              : { type: 'text', value: write.value },
          formula: write.formula,
        },
        code: write.code,
        reason: write.reason,
      }),
    );
    await Excel.run(async (context) => {
      if (supports('1.6')) context.application.suspendApiCalculationUntilNextSync();
      for (const write of writes) {
        const range = context.workbook.worksheets.getItem(write.sheet).getRange(write.cell);
        if (write.format) range.numberFormat = [[write.format]];
        if (write.formula !== undefined) range.formulas = [[`=${write.formula}`]];
        else {
          // A typed value (never a formula): text is formatted as text first so it stays text.
          if (typeof write.value === 'string') range.numberFormat = [['@']];
          range.values = [[write.value]];
        }
      }
      const sheet = audit
        ? context.workbook.worksheets.getItem(AUDIT_SHEET)
        : context.workbook.worksheets.add(AUDIT_SHEET);
      const rows = encodeAuditRows(entries, lang);
      if (log?.layout === 'v2') {
        const nextRow = Math.max(0, ...(audit?.cells.map((c) => c.row) ?? [0])) + 1;
        writeText(sheet, nextRow, rows);
      } else {
        if (audit) sheet.getRange().clear();
        writeText(sheet, 0, [auditHeadingRow(), ...(log ? reencode(log).rows : []), ...rows]);
        const data = columnName(AUDIT_DATA_COLUMN);
        sheet.getRange(`${data}:${data}`).columnHidden = true;
      }
      await context.sync();
    });
    await this.readSnapshot();
  }

  undoDepth(): number {
    return undoDepth(this.auditLog());
  }

  /**
   * Restores the old content of the last batch not yet undone (written by the add-in, the standalone page or the
   * command line alike), and marks its rows 已撤销 (the record stays). Recomputed results are left to Excel.
   */
  async undoLast(): Promise<number> {
    const snapshot = this.last ?? (await this.readSnapshot());
    const log = this.auditLog(snapshot);
    if (!log) return 0;
    const batch = lastBatch(log);
    if (batch.length === 0) return 0;
    const writes = batch.filter((record) => record.kind === 'write');
    await Excel.run(async (context) => {
      for (const record of writes) {
        if (!parseCellAddress(record.cell)) continue;
        const range = context.workbook.worksheets.getItem(record.sheet).getRange(record.cell);
        const { value, formula, format, formatKnown } = record.old;
        const text = value.type === 'text' && formula === undefined;
        if (formula !== undefined) range.formulas = [[`=${formula}`]];
        else if (value.type === 'empty') range.formulas = [['']];
        else {
          if (text) range.numberFormat = [['@']]; // put text back as text, even "=…"
          range.values = [[value.value]];
        }
        if (formatKnown) range.numberFormat = [[format ?? 'General']];
        else if (text) range.numberFormat = [['General']];
      }
      writeText(
        context.workbook.worksheets.getItem(AUDIT_SHEET),
        0,
        [],
        batch.map((record) => ({ row: record.row, col: log.stateColumn, text: UNDONE })),
      );
      await context.sync();
    });
    await this.readSnapshot();
    return writes.length;
  }

  async select(target: CellRef, related: readonly CellRef[] = []): Promise<void> {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(target.sheet);
      ws.activate();
      const sameSheet = related.filter((r) => r.sheet === target.sheet).map((r) => r.cell);
      if (sameSheet.length > 0 && supports('1.9')) ws.getRanges([target.cell, ...sameSheet].join(',')).select();
      else ws.getRange(target.cell).select();
      await context.sync();
    });
  }

  /** 审核报告: summary, every finding with a HYPERLINK to its cell, and a chart of level-1 得分率. */
  async writeReport(result: CheckResult, lang: Lang): Promise<void> {
    const exists = this.last?.sheets.some((s) => s.name === REPORT_SHEET);
    const rows = reportRows(result, lang);
    const summary = tablesOf(result.model, 'summary')[0];
    await Excel.run(async (context) => {
      if (exists) context.workbook.worksheets.getItem(REPORT_SHEET).delete();
      const ws = context.workbook.worksheets.add(REPORT_SHEET);
      rows.forEach((cells, row) =>
        cells.forEach((cell, col) => {
          if (!cell) return;
          const range = ws.getRange(cellAddress(row, col));
          if ('text' in cell) {
            range.numberFormat = [['@']];
            range.values = [[cell.text]];
          } else if ('number' in cell) range.values = [[cell.number]];
          else range.formulas = [[`=${linkFormula(cell.link.sheet, cell.link.cell, cell.link.label)}`]];
        }),
      );
      if (summary && summary.kind === 'summary' && summary.rows.length > 0) {
        // The chart's data: level-1 names and 得分率 as fractions, beside the findings.
        const chartRows = summary.rows.map((r) => [
          r.name.text,
          r.weight?.value && r.score?.value !== null && r.score?.value !== undefined
            ? r.score.value / r.weight.value
            : 0,
        ]);
        const table = ws.getRange(`J1:K${chartRows.length + 1}`);
        table.numberFormat = [['@', '@'], ...chartRows.map(() => ['@', '0.00%'])];
        table.values = [[coreText(lang).report.chartLevel1, coreText(lang).report.chartRate], ...chartRows];
        ws.charts.add(Excel.ChartType.barClustered, table);
      }
      ws.activate();
      await context.sync();
    });
    await this.readSnapshot();
  }

  async onChanged(listener: (sheets: string[]) => void): Promise<() => void> {
    const handlers: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
    await Excel.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name,items/id');
      await context.sync();
      for (const ws of worksheets.items) {
        if (ws.name === AUDIT_SHEET || ws.name === REPORT_SHEET) continue;
        const handler = ws.onChanged.add(async (args) => listener([this.sheetIds.get(args.worksheetId) ?? ws.name]));
        if (handler) handlers.push(handler);
      }
      await context.sync();
    });
    return () => {
      for (const handler of handlers) handler.remove?.();
    };
  }

  async loadProfile(): Promise<unknown> {
    return Excel.run(async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(PROFILE_SETTING);
      item.load('value');
      await context.sync();
      if (item.isNullObject) return undefined;
      // Settings hold JSON values; a value saved as JSON text (older clients) is read the same way.
      const value = item.value as unknown;
      return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
    });
  }

  async saveProfile(profile: Profile): Promise<void> {
    await Excel.run(async (context) => {
      context.workbook.settings.add(PROFILE_SETTING, ProfileSchema.parse(profile));
      await context.sync();
    });
  }
}

/** What a scan reads of every cell: the value, its formula, its number format and its type (to tell errors). */
const CELL_PROPERTIES = 'rowIndex,columnIndex,values,formulas,numberFormat,valueTypes';

interface QueuedSheet {
  ws: Excel.Worksheet;
  used: Proxy<Excel.Range>;
  merged: Proxy<Excel.RangeAreas> | undefined;
}

/** Queues a sheet's used range (with the given properties) and its merged areas where ExcelApi 1.13 has them. */
function queueUsedRange(ws: Excel.Worksheet, properties: string): QueuedSheet {
  const used = ws.getUsedRangeOrNullObject();
  used.load(properties);
  const merged = supports('1.13') ? ws.getRange().getMergedAreasOrNullObject() : undefined;
  merged?.load('address');
  return { ws, used: used as Proxy<Excel.Range>, merged: merged as Proxy<Excel.RangeAreas> | undefined };
}

/** A sheet read whole in one block. */
function wholeSheet({ ws, used, merged }: QueuedSheet): Sheet {
  return sheetOf(ws.name, ws.visibility, used.isNullObject ? [] : [used as unknown as RangeBlock], mergesOf(merged));
}

function mergesOf(merged: Proxy<Excel.RangeAreas> | undefined) {
  return merged && !merged.isNullObject ? mergedAreas(merged.address) : [];
}

/** Writes rows of text (formatted as text first, so nothing becomes a formula), plus single text cells. */
function writeText(
  sheet: Excel.Worksheet,
  top: number,
  rows: string[][],
  cells: Array<{ row: number; col: number; text: string }> = [],
): void {
  rows.forEach((values, i) => {
    if (values.length === 0) return;
    const range = sheet.getRange(`${cellAddress(top + i, 0)}:${cellAddress(top + i, values.length - 1)}`);
    range.numberFormat = [values.map(() => '@')];
    range.values = [values];
  });
  for (const cell of cells) {
    const range = sheet.getRange(cellAddress(cell.row, cell.col));
    range.numberFormat = [['@']];
    range.values = [[cell.text]];
  }
}
