import type { Sheet } from '../core/snapshot';
import { cellText, labelCellOf, previewWindow } from './sheet-preview';
import { checkWorkbook } from '../core/check';
import { buildWorkbook, VARIANTS } from '../../test/fixtures/build-workbook';
import { seed003 } from '../../test/fixtures/seeds/seed003';
import { readWorkbook } from '../file/read-workbook';

const num = (row: number, col: number, value: number, format?: string) => ({
  row,
  col,
  value: { type: 'number' as const, value },
  ...(format ? { format } : {}),
});
const text = (row: number, col: number, value: string) => ({ row, col, value: { type: 'text' as const, value } });

/** A score table: names in C, a long standard in E, weights in F, scores in G, a rate far right in M. */
const sheet: Sheet = {
  name: '评分表',
  visibility: 'visible',
  merges: [],
  cells: [
    text(0, 2, '三级指标'),
    text(0, 4, '评分标准'),
    text(0, 5, '分值'),
    text(0, 6, '得分'),
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].flatMap((row) => [
      text(row, 2, `指标${row}`),
      text(row, 4, '按规定得分，每少一项扣1分，扣完为止'),
      num(row, 5, 4, '0.00'),
      ...(row === 7 ? [] : [num(row, 6, 3, '0.00')]),
    ]),
    num(7, 12, 0.9362999999999999, '0.00%'),
    { ...num(11, 6, 30, '0.00'), formula: 'SUM(G2:G11)' },
    text(11, 0, '<b>合计</b>'),
    { row: 12, col: 0, value: { type: 'error' as const, value: '#DIV/0!' } },
  ],
};

describe('the cell preview window', () => {
  it('keeps the label column and every input of the finding in view, and collapses empty columns', () => {
    const window = previewWindow(
      sheet,
      { sheet: '评分表', cell: 'G8' },
      [
        { sheet: '评分表', cell: 'F8' },
        { sheet: '评分表', cell: 'M8' },
        { sheet: '其他', cell: 'E8' },
      ],
      { label: { sheet: '评分表', cell: 'C8' } },
    );
    // A, B and D hold nothing in these rows; H to L neither: they are left out, M follows after a gap.
    expect(window?.columns).toEqual([
      { name: 'C', gapBefore: false, key: true },
      { name: 'E', gapBefore: true, key: false },
      { name: 'F', gapBefore: false, key: true },
      { name: 'G', gapBefore: false, key: true },
      { name: 'M', gapBefore: true, key: true },
    ]);
    expect(window?.rows.map((r) => r.label)).toEqual(['5', '6', '7', '8', '9', '10', '11']);
    const row8 = window?.rows.find((r) => r.label === '8');
    expect(row8?.cells.map((c) => c.mark)).toEqual(['label', null, 'related', 'target', 'related']);
    expect(row8?.cells.map((c) => c.text)).toEqual([
      '指标7',
      '按规定得分，每少一项扣1分，扣完为止',
      '4.00',
      '',
      '93.63%',
    ]);
    expect(row8?.cells.map((c) => c.numeric)).toEqual([false, false, true, false, true]);
    // Typed numbers can be changed on the standalone page; text and blanks cannot.
    expect(row8?.cells.map((c) => c.editable)).toEqual([false, false, true, false, true]);
  });

  it('offers no formula cell and nothing on the product’s own sheets for editing', () => {
    const total = previewWindow(sheet, { sheet: '评分表', cell: 'G12' })?.rows.find((r) => r.label === '12');
    expect(total?.cells.find((c) => c.address === 'G12')).toMatchObject({ numeric: true, editable: false });
    expect(total?.cells.find((c) => c.address === 'F12')).toMatchObject({ numeric: false, editable: false });
    const audit = previewWindow({ ...sheet, name: '审核记录' }, { sheet: '审核记录', cell: 'F3' });
    expect(audit?.rows.flatMap((r) => r.cells).filter((c) => c.numeric).length).toBeGreaterThan(0);
    expect(audit?.rows.flatMap((r) => r.cells).some((c) => c.editable)).toBe(false);
  });

  it('shows far-apart rows with a gap rather than everything between', () => {
    const window = previewWindow(sheet, { sheet: '评分表', cell: 'G3' }, [{ sheet: '评分表', cell: 'A12' }], {
      context: 1,
    });
    expect(window?.rows.map((r) => [r.label, r.gapBefore])).toEqual([
      ['2', false],
      ['3', false],
      ['4', false],
      ['12', true],
    ]);
  });

  it('starts at A1 near the top-left, keeps workbook text as plain text, and refuses another sheet', () => {
    const window = previewWindow(sheet, { sheet: '评分表', cell: 'A12:A13' });
    expect(window?.columns[0]?.name).toBe('A');
    const at = (label: string) => window?.rows.find((r) => r.label === label)?.cells[0];
    expect(at('12')).toEqual({ address: 'A12', text: '<b>合计</b>', mark: 'target', numeric: false, editable: false });
    expect(at('13')).toEqual({ address: 'A13', text: '#DIV/0!', mark: 'target', numeric: false, editable: false });
    expect(previewWindow(sheet, { sheet: '汇总表', cell: 'A1' })).toBeUndefined();
    expect(previewWindow(sheet, { sheet: '评分表', cell: 'not a cell' })).toBeUndefined();
  });

  it('shows numbers as their number format shows them, and the displayed text when the source knows it', () => {
    expect(cellText(num(0, 0, 3, '0.00'))).toBe('3.00');
    expect(cellText({ row: 0, col: 0, value: { type: 'number', value: 0.80882 }, text: '80.88%' })).toBe('80.88%');
    expect(cellText({ row: 0, col: 0, value: { type: 'boolean', value: true } })).toBe('TRUE');
    expect(cellText(undefined)).toBe('');
  });
});

describe('labelCellOf', () => {
  it('finds the indicator’s name beside its score, and a survey question beside its result', async () => {
    const { bytes } = await buildWorkbook(seed003, VARIANTS[0] as (typeof VARIANTS)[number]);
    const read = readWorkbook(bytes, '003.xlsx');
    if (!read.ok) throw new Error(read.error.message);
    const { model, findings } = checkWorkbook(read.workbook);
    const missing = findings.find((f) => f.code === 'score/missing');
    const label = missing && labelCellOf(model, missing);
    const labelCell = label && read.workbook.sheets.find((s) => s.name === label.sheet)?.cells;
    const at = label?.cell;
    expect(label?.sheet).toBe(missing?.sheet);
    expect(labelCell?.find((c) => `${String.fromCharCode(65 + c.col)}${c.row + 1}` === at)?.value).toEqual({
      type: 'text',
      value: '预算执行率',
    });
    const survey = findings.find((f) => f.code === 'derived/missing');
    expect(survey && labelCellOf(model, survey)).toBeDefined();
    expect(labelCellOf(model, { sheet: '评分表', cell: 'Z99' })).toBeUndefined();
  });
});
