import { WHAT_IF, whatIfWorkbook } from '../../test/fixtures/what-if-workbook';
import { cellAddress, parseCellAddress } from '../core/address';
import { checkWorkbook } from '../core/check';
import { decodeAuditSheet, writtenCells } from '../core/fix/audit';
import { planEdit } from '../core/fix/edit';
import { AUDIT_SHEET } from '../core/own-sheets';
import type { Cell, Sheet, WorkbookSnapshot } from '../core/snapshot';
import { revertWorkbook, writeChanges } from './fix-workbook';
import { readWorkbook } from './read-workbook';

/** An edit on site through the file path: the typed value written, its dependents recomputed, all recorded. */
let original: Uint8Array;
let snapshot: WorkbookSnapshot;
beforeAll(async () => {
  original = await whatIfWorkbook();
  snapshot = read(original);
}, 60_000);

function read(bytes: Uint8Array): WorkbookSnapshot {
  const result = readWorkbook(bytes, 'what-if.xlsx');
  if (!result.ok) throw new Error(result.error.message);
  return result.workbook;
}

function cellOf(workbook: WorkbookSnapshot, ref: { sheet: string; cell: string }): Cell | undefined {
  const at = parseCellAddress(ref.cell);
  return workbook.sheets.find((s) => s.name === ref.sheet)?.cells.find((c) => c.row === at?.row && c.col === at?.col);
}

function edited(text = '5') {
  const planned = planEdit(snapshot, WHAT_IF.score, text, 'zh-CN');
  if (!planned.ok) throw new Error(planned.refusal.kind);
  const written = writeChanges(original, [planned.edit.write], 'zh-CN', new Date('2026-12-01T08:00:00Z'), snapshot);
  return { planned: planned.edit, written, after: read(written.bytes) };
}

describe('an edit on site written into the file', () => {
  it('writes the number as a value, recomputes every dependent’s stored result as the preview said', () => {
    const { planned, written, after } = edited();
    const cell = cellOf(after, WHAT_IF.score);
    expect(cell).toMatchObject({ value: { type: 'number', value: 5 }, format: '0.00' });
    expect(cell?.formula).toBeUndefined();
    expect(cellOf(after, WHAT_IF.total)).toMatchObject({
      formula: 'SUM(G3:G18)',
      value: { type: 'number', value: 88.36 },
    });
    expect(cellOf(after, WHAT_IF.grade)?.value).toEqual({ type: 'text', value: '良' });
    expect(cellOf(after, WHAT_IF.outputScore)?.value).toEqual({ type: 'number', value: 25 });
    // What the file now stores is what the confirmation listed.
    expect(written.recomputed.map((r) => `${r.sheet}!${r.cell}`).sort()).toEqual(
      planned.dependents.map((d) => `${d.sheet}!${d.cell}`).sort(),
    );
    for (const dependent of planned.dependents) expect(cellOf(after, dependent)?.value).toEqual(dependent.value);
    expect(written.notRecomputed).toEqual([]);
  });

  it('records the edit as a write with its old content and reason, and each moved formula as a recalc', () => {
    const { planned, after } = edited();
    const audit = after.sheets.find((s) => s.name === AUDIT_SHEET) as Sheet;
    const log = decodeAuditSheet(audit);
    expect(log?.layout).toBe('v2');
    const records = log?.records ?? [];
    expect(records.filter((r) => r.kind === 'write')).toEqual([
      expect.objectContaining({
        sheet: '评分表',
        cell: 'G13',
        batch: 1,
        code: '',
        reason: '现场修改',
        old: { value: { type: 'number', value: 10 }, format: '0.00', formatKnown: true },
        new: { value: { type: 'text', value: '5' } },
        time: '2026-12-01 08:00:00',
      }),
    ]);
    const recalcs = records.filter((r) => r.kind === 'recalc');
    expect(recalcs.map((r) => `${r.sheet}!${r.cell}`).sort()).toEqual(
      planned.dependents.map((d) => `${d.sheet}!${d.cell}`).sort(),
    );
    expect(recalcs.find((r) => r.cell === 'E4' && r.sheet === '结论表')).toMatchObject({
      reason: '重新计算：引用的单元格已修改',
      old: { value: { type: 'text', value: '优' } },
      new: { formula: 'IF(C4>=90,"优",IF(C4>=80,"良",IF(C4>=60,"中","差")))', value: { value: '良' } },
    });
    // The visible columns read as a reviewer reads them: 原内容 10, 新内容 5, no rule.
    const text = (row: number, col: number) => {
      const value = audit.cells.find((c) => c.row === row && c.col === col)?.value;
      return value && 'value' in value ? String(value.value) : '';
    };
    const row = records.find((r) => r.kind === 'write')?.row as number;
    expect([2, 3, 4, 5, 6, 7].map((col) => text(row, col))).toEqual(['评分表', 'G13', '10', '5', '', '现场修改']);
    // The user typed the score: no rule counts it as a cell the product filled.
    expect(writtenCells(after.sheets).has('评分表!G13')).toBe(false);
  });

  it('re-checks to the new total and grade, with no stale formula', () => {
    const { after } = edited();
    const result = checkWorkbook(after);
    expect(result.summary).toMatchObject({ totalScore: 88.36, grade: '良' });
    expect(result.findings.filter((f) => f.code.startsWith('formula/'))).toEqual([]);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('reverts to the original cells, every one, and removes the audit sheet', () => {
    const { written } = edited('7.5');
    const reverted = revertWorkbook(written.bytes, 'what-if.xlsx');
    expect(reverted).toMatchObject({ ok: true, restored: 1, audited: true });
    if (!reverted.ok) return;
    const back = read(reverted.bytes);
    expect(back.sheets.map((s) => s.name)).toEqual(snapshot.sheets.map((s) => s.name));
    for (const sheet of snapshot.sheets) {
      const cells = (s: WorkbookSnapshot) =>
        (s.sheets.find((x) => x.name === sheet.name)?.cells ?? []).map((c) => ({
          at: cellAddress(c.row, c.col),
          value: c.value,
          formula: c.formula,
          format: c.format,
        }));
      expect(cells(back)).toEqual(cells(snapshot));
    }
    expect(cellOf(back, WHAT_IF.score)?.value).toEqual({ type: 'number', value: 10 });
    expect(cellOf(back, WHAT_IF.grade)?.value).toEqual({ type: 'text', value: '优' });
  });
});
