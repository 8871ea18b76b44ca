import { sheetOf, workbookOf } from '../../../test/snapshot-builder';
import type { Finding, FixWrite } from '../finding';
import { planFixes } from './plan';

const snapshot = workbookOf(
  sheetOf('一', [
    ['指标', '分值', '得分', '得分率'],
    ['决策', 20, 18, { value: 0.5, format: '0.00%' }],
    ['过程', 80, 72, null],
  ]),
  sheetOf('二', [['合计', 100]]),
);

function write(sheet: string, cell: string, row: number, col: number, format?: string): FixWrite {
  return { sheet, cell, row, col, formula: 'C2/B2', value: 0.9, reason: '说明', ...(format ? { format } : {}) };
}

function finding(code: Finding['code'], sheet: string, cell: string, fix: Finding['fix']): Finding {
  return { code, severity: 'info', sheet, cell, message: '', ...(fix ? { fix } : {}) };
}

const fillD3 = finding('derived/missing', '一', 'D3', { kind: 'fill', writes: [write('一', 'D3', 2, 3, '0.00%')] });
const correctD2 = finding('rate/wrong', '一', 'D2', { kind: 'correct', writes: [write('一', 'D2', 1, 3, '0.00%')] });
const fillB1 = finding('derived/missing', '二', 'A1', { kind: 'fill', writes: [write('二', 'B1', 0, 1)] });
const noFix = finding('count/mismatch', '一', 'A1', undefined);

describe('planFixes', () => {
  it('fills by default and corrects only when asked, in the workbook’s order', () => {
    const cells = (writes: ReturnType<typeof planFixes>) => writes.map((w) => `${w.sheet}!${w.cell} ${w.code}`);
    expect(cells(planFixes(snapshot, [fillD3, correctD2, noFix]))).toEqual(['一!D3 derived/missing']);
    expect(cells(planFixes(snapshot, [fillD3, correctD2, noFix], { correct: true }))).toEqual([
      '一!D2 rate/wrong',
      '一!D3 derived/missing',
    ]);
  });

  it('applies a picked finding’s fix whatever its kind, and never fills a cell that holds something', () => {
    expect(planFixes(snapshot, [correctD2], { picked: [{ sheet: '一', cell: 'D2' }] }).map((w) => w.cell)).toEqual([
      'D2',
    ]);
    // A fill whose target is not empty (the user typed a value since) stays out unless picked.
    expect(planFixes(snapshot, [fillB1])).toEqual([]);
    expect(planFixes(snapshot, [fillB1], { picked: [{ sheet: '二', cell: 'A1' }] }).map((w) => w.cell)).toEqual(['B1']);
  });

  it('records what each cell held and keeps a cell’s own number format', () => {
    const [d2] = planFixes(snapshot, [correctD2], { correct: true });
    expect(d2?.old).toEqual({ value: { type: 'number', value: 0.5 }, format: '0.00%' });
    expect(d2?.format).toBeUndefined();
    const [d3] = planFixes(snapshot, [fillD3]);
    expect(d3?.old).toEqual({ value: { type: 'empty' } });
    expect(d3?.format).toBe('0.00%');
  });

  it('writes a cell once: the first finding’s fix wins', () => {
    const again = finding('rate/rounding', '一', 'D3', {
      kind: 'fill',
      writes: [{ ...write('一', 'D3', 2, 3), formula: 'X' }],
    });
    const writes = planFixes(snapshot, [fillD3, again]);
    expect(writes.map((w) => [w.cell, w.code, w.formula])).toEqual([['D3', 'derived/missing', 'C2/B2']]);
  });
});
