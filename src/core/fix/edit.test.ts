import { WHAT_IF, whatIfWorkbook } from '../../../test/fixtures/what-if-workbook';
import { readWorkbook } from '../../file/read-workbook';
import type { WorkbookSnapshot } from '../snapshot';
import { AUDIT_SHEET } from '../own-sheets';
import { editRefusal, isPercentFormat, parseTypedNumber, planEdit } from './edit';

let snapshot: WorkbookSnapshot;
beforeAll(async () => {
  const read = readWorkbook(await whatIfWorkbook(), 'what-if.xlsx');
  if (!read.ok) throw new Error(read.error.message);
  snapshot = read.workbook;
}, 60_000);

describe('parseTypedNumber', () => {
  it.each([
    ['5', undefined, 5],
    ['1,234.5', '#,##0.00', 1234.5],
    ['-3', undefined, -3],
    [' ８７.５ ', '0.00', 87.5],
    ['93.5%', '0.00', 0.935],
    ['93.5%', '0.00%', 0.935],
    ['93.5', '0.00%', 0.935],
    ['0.935', '0.00%', 0.935],
    ['100', '0%', 1],
    ['.5', undefined, 0.5],
  ])('reads %j in a cell formatted %j as %d', (text, format, value) => {
    expect(parseTypedNumber(text, format)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty-input'],
    ['   ', 'empty-input'],
    ['abc', 'not-a-number'],
    ['1,23', 'not-a-number'],
    ['12.3.4', 'not-a-number'],
    ['10分', 'not-a-number'],
    ['5万元', 'not-a-number'],
    ['=1+1', 'formula-input'],
    ['=SUM(G3:G18)', 'formula-input'],
    ['+A1', 'formula-input'],
    ['@SUM(A1)', 'formula-input'],
    ['-cmd|calc', 'formula-input'],
  ])('refuses %j (%s)', (text, kind) => {
    const parsed = parseTypedNumber(text, '0.00');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.refusal.kind).toBe(kind);
  });

  it('tells percentage formats from others, ignoring a % inside quoted text', () => {
    expect(isPercentFormat('0.00%')).toBe(true);
    expect(isPercentFormat('0%;[Red]-0%')).toBe(true);
    expect(isPercentFormat('0.00"%"')).toBe(false);
    expect(isPercentFormat('0.00\\%')).toBe(false);
    expect(isPercentFormat('#,##0.00')).toBe(false);
    expect(isPercentFormat(undefined)).toBe(false);
  });
});

describe('editRefusal', () => {
  it('allows a typed number and refuses formulas, text, blanks and the product’s own sheets', () => {
    expect(editRefusal(snapshot, WHAT_IF.score)).toBeUndefined();
    expect(editRefusal(snapshot, { sheet: '评分表', cell: 'F13' })).toBeUndefined(); // a weight
    expect(editRefusal(snapshot, WHAT_IF.total)).toEqual({ kind: 'formula-cell' });
    expect(editRefusal(snapshot, WHAT_IF.grade)).toEqual({ kind: 'formula-cell' });
    expect(editRefusal(snapshot, { sheet: '评分表', cell: 'C13' })).toEqual({ kind: 'not-a-number-cell' });
    expect(editRefusal(snapshot, { sheet: '评分表', cell: 'H13' })).toEqual({ kind: 'not-a-number-cell' });
    expect(editRefusal(snapshot, { sheet: '评分表', cell: 'not a cell' })).toEqual({ kind: 'not-a-number-cell' });
    expect(editRefusal(snapshot, { sheet: AUDIT_SHEET, cell: 'A1' })).toEqual({ kind: 'own-sheet' });
  });
});

describe('planEdit', () => {
  it('writes the typed number as a value with its old content and reason, and lists the formulas it moves', () => {
    const planned = planEdit(snapshot, WHAT_IF.score, '5', 'zh-CN');
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    expect(planned.edit.write).toEqual({
      sheet: '评分表',
      cell: 'G13',
      row: 12,
      col: 6,
      value: 5,
      code: '',
      reason: '现场修改',
      old: { value: { type: 'number', value: 10 }, format: '0.00' },
    });
    expect(planned.edit.write.formula).toBeUndefined();
    const moved = Object.fromEntries(planned.edit.dependents.map((d) => [`${d.sheet}!${d.cell}`, d.value]));
    expect(moved).toEqual({
      '结论表!C4': { type: 'number', value: 88.36 },
      '结论表!E4': { type: 'text', value: '良' },
      '评分表!G19': { type: 'number', value: 88.36 },
      '汇总表!D4': { type: 'number', value: 25 },
      '汇总表!F4': { type: 'number', value: 88.36 },
      '汇总表!D5': { type: 'number', value: expect.closeTo(25 / 30, 12) },
      '汇总表!F5': { type: 'number', value: expect.closeTo(0.8836, 12) },
    });
    // In the workbook's order, each with what it holds now and its format.
    expect(planned.edit.dependents.map((d) => `${d.sheet}!${d.cell}`)).toEqual([
      '结论表!C4',
      '结论表!E4',
      '评分表!G19',
      '汇总表!D4',
      '汇总表!F4',
      '汇总表!D5',
      '汇总表!F5',
    ]);
    expect(planned.edit.dependents[1]).toMatchObject({
      old: { type: 'text', value: '优' },
      formula: expect.any(String),
    });
    expect(planned.edit.dependents[5]).toMatchObject({ old: { type: 'number', value: 1 }, format: '0.00%' });
  });

  it('leaves out formulas whose result stays, and says the reason in English', () => {
    // 绩效目标设立科学性 2 → 3: the total becomes 94.36 and stays 优.
    const planned = planEdit(snapshot, { sheet: '评分表', cell: 'G6' }, '3', 'en-US');
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    expect(planned.edit.write.reason).toBe('edited on site');
    // The grade is not listed; the total, the 决策 score and the rates are.
    expect(planned.edit.dependents.map((d) => `${d.sheet}!${d.cell}`)).toEqual([
      '结论表!C4',
      '评分表!G19',
      '汇总表!B4',
      '汇总表!F4',
      '汇总表!B5',
      '汇总表!F5',
    ]);
  });

  it('refuses what is no number, what the cell holds already, and cells that are not typed numbers', () => {
    const refused = (ref: { sheet: string; cell: string }, text: string) => {
      const planned = planEdit(snapshot, ref, text, 'zh-CN');
      return planned.ok ? 'planned' : planned.refusal.kind;
    };
    expect(refused(WHAT_IF.score, '=G14')).toBe('formula-input');
    expect(refused(WHAT_IF.score, '十')).toBe('not-a-number');
    expect(refused(WHAT_IF.score, '10.00')).toBe('unchanged');
    expect(refused(WHAT_IF.total, '90')).toBe('formula-cell');
    expect(refused({ sheet: '评分表', cell: 'C13' }, '5')).toBe('not-a-number-cell');
  });

  it('reads a rate typed into a percentage cell as Excel enters it there', () => {
    // 满意度调查 C3 (满意's value, 90%) is an input in a percentage format.
    const planned = planEdit(snapshot, { sheet: '满意度调查', cell: 'C3' }, '85', 'zh-CN');
    expect(planned.ok).toBe(true);
    if (planned.ok) expect(planned.edit.write.value).toBe(0.85);
  });
});
