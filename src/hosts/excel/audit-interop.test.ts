import { checkWorkbook } from '../../core/check';
import { decodeAuditSheet } from '../../core/fix/audit';
import { AUDIT_SHEET } from '../../core/own-sheets';
import { planFixes } from '../../core/fix/plan';
import type { Sheet, WorkbookSnapshot } from '../../core/snapshot';
import { fixWorkbook, revertWorkbook } from '../../file/fix-workbook';
import { readWorkbook } from '../../file/read-workbook';
import { writeXlsx } from '../../file/xlsx/write-xlsx';
import { buildWorkbook, VARIANTS } from '../../../test/fixtures/build-workbook';
import { seed003 } from '../../../test/fixtures/seeds/seed003';
import { FakeWorkbook, installFakeOffice } from '../../../test/fake-excel/fake-office';
import { fakeSheetsOf } from '../../../test/fake-excel/from-snapshot';
import { sheetOf } from '../../../test/snapshot-builder';
import { ExcelHost } from './excel-host';

/**
 * One audit layout for every host: the add-in's undo reads what the command line (or the standalone page, which
 * edits files the same way) wrote, the command line's revert reads what the add-in wrote, and workbooks carrying the
 * two earlier layouts still revert and undo.
 */
jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel' } }));

function read(bytes: Uint8Array): WorkbookSnapshot {
  const result = readWorkbook(bytes, 'x.xlsx');
  if (!result.ok) throw new Error(result.error.message);
  return result.workbook;
}

/** Values and formulas of a workbook's own sheets (the audit sheet left out), as Excel would show them. */
function contents(snapshot: WorkbookSnapshot): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const sheet of snapshot.sheets) {
    if (sheet.name === AUDIT_SHEET) continue;
    for (const cell of sheet.cells) {
      const value = cell.value.type === 'empty' ? null : cell.value.value;
      if (value === null && cell.formula === undefined) continue;
      out[`${sheet.name}!${cell.row}:${cell.col}`] = cell.formula !== undefined ? `=${cell.formula}` : value;
    }
  }
  return out;
}

let original: Uint8Array;
beforeAll(async () => {
  original = (await buildWorkbook(seed003, VARIANTS[2] as (typeof VARIANTS)[number])).bytes;
});

describe('the add-in and the command line read each other’s records', () => {
  it('the add-in undoes a fix the command line wrote', async () => {
    const fixed = fixWorkbook(original, '003.xlsx', { now: new Date(Date.UTC(2026, 0, 2)) });
    if (!fixed.ok) throw new Error(fixed.error.message);
    expect(fixed.changes.length).toBeGreaterThan(0);
    const book = new FakeWorkbook(fakeSheetsOf(read(fixed.bytes)));
    installFakeOffice(book);
    const host = new ExcelHost();
    await host.readSnapshot();
    expect(host.undoDepth()).toBe(1);
    expect(await host.undoLast()).toBe(fixed.changes.length);
    const after = await host.readSnapshot();
    expect(contents(after)).toEqual(contents(read(original)));
    const audit = after.sheets.find((s) => s.name === AUDIT_SHEET) as Sheet;
    expect(decodeAuditSheet(audit)?.records.every((r) => r.undone)).toBe(true);
    expect(host.undoDepth()).toBe(0);
  });

  it('the command line reverts a fill the add-in wrote', async () => {
    const book = new FakeWorkbook(fakeSheetsOf(read(original)));
    installFakeOffice(book);
    const host = new ExcelHost();
    const before = await host.readSnapshot();
    const writes = planFixes(before, checkWorkbook(before).findings);
    expect(writes.length).toBeGreaterThan(0);
    await host.applyWrites(writes, 'zh-CN');
    // The workbook as Excel saves it, with the add-in's record.
    const saved = writeXlsx(await host.readSnapshot());
    const back = revertWorkbook(saved, 'saved.xlsx');
    expect(back.ok && back.restored).toBe(writes.length);
    if (!back.ok) return;
    const reverted = read(back.bytes);
    expect(reverted.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    expect(contents(reverted)).toEqual(contents(before));
    // Formats come back too: every written cell shows as it did.
    for (const write of writes) {
      const cell = reverted.sheets
        .find((s) => s.name === write.sheet)
        ?.cells.find((c) => c.row === write.row && c.col === write.col);
      expect(cell?.format).toBe(write.old.format);
    }
  });
});

describe('workbooks with the earlier layouts', () => {
  const workbook = (audit: Array<Array<string | null>>): Uint8Array =>
    writeXlsx({
      sheets: [
        sheetOf('汇总', [
          ['一级指标', '分值', '得分', '得分率'],
          ['决策', 20, 18, { formula: 'C2/B2', value: 0.9, format: '0.00%' }],
          ['过程', 80, 72, { formula: 'C3/B3', value: 0.9, format: '0.00%' }],
        ]),
        sheetOf(AUDIT_SHEET, audit),
      ],
    });

  it('reverts the file layout of 8 columns (original XML shown), and the add-in undoes it', async () => {
    const bytes = workbook([
      ['时间', '工作表', '单元格', '原内容', '新内容', '规则', '说明', '原单元格XML (original cell XML, for revert)'],
      [
        '2025-05-01 10:00:00',
        '汇总',
        'D2',
        '0.5',
        '=C2/B2 → 0.9',
        'rate/wrong',
        '按 得分率 的计算依据填写公式',
        '<c r="D2"><v>0.5</v></c>',
      ],
      [
        '2025-05-01 10:00:00',
        '汇总',
        'D3',
        '（空）',
        '=C3/B3 → 0.9',
        'derived/missing',
        '按 得分率 的计算依据填写公式',
        '',
      ],
    ]);
    const back = revertWorkbook(bytes, 'old.xlsx');
    expect(back.ok && back.restored).toBe(2);
    if (!back.ok) return;
    const reverted = read(back.bytes);
    expect(reverted.sheets.map((s) => s.name)).toEqual(['汇总']);
    expect(contents(reverted)).toMatchObject({ '汇总!1:3': 0.5 });
    expect(contents(reverted)['汇总!2:3']).toBeUndefined();

    const book = new FakeWorkbook(fakeSheetsOf(read(bytes)));
    installFakeOffice(book);
    const host = new ExcelHost();
    await host.readSnapshot();
    expect(await host.undoLast()).toBe(2);
    expect(book.sheet('汇总')?.cells.D2).toMatchObject({ value: 0.5 });
    expect(book.sheet('汇总')?.cells.D2?.formula).toBeUndefined();
    expect(book.sheet('汇总')?.cells.D3?.value ?? null).toBeNull();
  });

  it('reverts the add-in layout of 13 columns, format included', () => {
    const bytes = workbook([
      [
        '时间',
        '工作表',
        '单元格',
        '原内容',
        '新内容',
        '规则',
        '说明',
        '批次 batch',
        '原类型 old type',
        '原值 old value',
        '原公式 old formula',
        '原格式 old format',
        '状态 state',
      ],
      [
        '2025-05-01 10:00:00',
        '汇总',
        'D2',
        '0.5',
        '=C2/B2 → 0.9',
        'rate/wrong',
        '',
        '1',
        'number',
        '0.5',
        '',
        '0.0%',
        null,
      ],
      [
        '2025-05-01 10:00:00',
        '汇总',
        'D3',
        '（空）',
        '=C3/B3 → 0.9',
        'derived/missing',
        '',
        '1',
        'empty',
        '',
        '',
        '',
        '已撤销 undone',
      ],
    ]);
    const back = revertWorkbook(bytes, 'old.xlsx');
    expect(back.ok && back.restored).toBe(1); // D3 was undone already
    if (!back.ok) return;
    const d2 = read(back.bytes).sheets[0]?.cells.find((c) => c.row === 1 && c.col === 3);
    expect(d2).toEqual({ row: 1, col: 3, value: { type: 'number', value: 0.5 }, format: '0.0%' });
  });

  it('rewrites an earlier layout in the current one before recording a new fix, and reverts both', () => {
    const bytes = workbook([
      ['时间', '工作表', '单元格', '原内容', '新内容', '规则', '说明', '原单元格XML (original cell XML, for revert)'],
      ['2025-05-01 10:00:00', '汇总', 'D2', '0.5', '=C2/B2 → 0.9', 'rate/wrong', '', '<c r="D2"><v>0.5</v></c>'],
    ]);
    // A second fix over a workbook whose D3 is blank.
    const snapshot = read(bytes);
    const sheet = snapshot.sheets[0] as Sheet;
    sheet.cells = sheet.cells.filter((c) => !(c.row === 2 && c.col === 3));
    const blank = writeXlsx(snapshot);
    const fixed = fixWorkbook(blank, 'x.xlsx', { now: new Date(Date.UTC(2026, 0, 2)) });
    if (!fixed.ok) throw new Error(fixed.error.message);
    expect(fixed.changes.map((c) => c.cell)).toEqual(['D3']);
    const audit = read(fixed.bytes).sheets.find((s) => s.name === AUDIT_SHEET) as Sheet;
    const log = decodeAuditSheet(audit);
    expect(log?.layout).toBe('v2');
    expect(log?.records.map((r) => [r.batch, r.cell, r.kind])).toEqual([
      [1, 'D2', 'write'],
      [2, 'D3', 'write'],
    ]);
    // Nothing a reviewer sees is XML.
    for (const cell of audit.cells.filter((c) => c.col < 9))
      expect(cell.value.type === 'text' && cell.value.value.includes('<c ')).toBe(false);
    const back = revertWorkbook(fixed.bytes, 'x.xlsx');
    if (!back.ok) throw new Error(back.error.message);
    expect(contents(read(back.bytes))).toEqual({ ...contents(read(blank)), '汇总!1:3': 0.5 });
  });
});
