import type { Sheet } from '../core/snapshot';
import { cellText, previewWindow } from './sheet-preview';

const sheet: Sheet = {
  name: '评分表',
  visibility: 'visible',
  merges: [],
  cells: [
    { row: 7, col: 5, value: { type: 'number', value: 4 } },
    { row: 7, col: 6, value: { type: 'empty' } },
    { row: 3, col: 6, value: { type: 'number', value: 0.93 }, format: '0.00%' },
    { row: 0, col: 0, value: { type: 'text', value: '<b>指标</b>' } },
    { row: 1, col: 0, value: { type: 'error', value: '#DIV/0!' } },
  ],
};

describe('sheet preview', () => {
  it('shows a window around the cell with the target and related cells marked', () => {
    const window = previewWindow(sheet, { sheet: '评分表', cell: 'G8' }, [
      { sheet: '评分表', cell: 'F8' },
      { sheet: '其他', cell: 'E8' },
    ]);
    expect(window?.columns).toEqual(['E', 'F', 'G', 'H', 'I', 'J', 'K', 'L']);
    expect(window?.rows[0]?.label).toBe('4');
    expect(window?.rows.at(-1)?.label).toBe('16');
    const row8 = window?.rows.find((r) => r.label === '8');
    expect(row8?.cells.map((c) => c.mark)).toEqual([null, 'related', 'target', null, null, null, null, null]);
    expect(row8?.cells[1]).toEqual({ address: 'F8', text: '4', mark: 'related' });
    expect(window?.rows.find((r) => r.label === '4')?.cells[2]?.text).toBe('93%');
  });

  it('starts at A1 near the top-left, keeps workbook text as plain text, and refuses another sheet', () => {
    const window = previewWindow(sheet, { sheet: '评分表', cell: 'A1:B2' });
    expect(window?.columns[0]).toBe('A');
    expect(window?.rows[0]?.cells[0]).toEqual({ address: 'A1', text: '<b>指标</b>', mark: 'target' });
    expect(window?.rows[1]?.cells[1]?.mark).toBe('target');
    expect(window?.rows[2]?.cells[0]?.mark).toBeNull();
    expect(window?.rows[1]?.cells[0]?.text).toBe('#DIV/0!');
    expect(previewWindow(sheet, { sheet: '汇总表', cell: 'A1' })).toBeUndefined();
    expect(previewWindow(sheet, { sheet: '评分表', cell: 'not a cell' })).toBeUndefined();
  });

  it('prefers the displayed text when the source knows it', () => {
    expect(cellText({ row: 0, col: 0, value: { type: 'number', value: 0.80882 }, text: '80.88%' })).toBe('80.88%');
    expect(cellText({ row: 0, col: 0, value: { type: 'boolean', value: true } })).toBe('TRUE');
    expect(cellText(undefined)).toBe('');
  });
});
