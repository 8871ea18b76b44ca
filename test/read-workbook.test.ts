import ExcelJS from 'exceljs';
import { checkWorkbook } from '../src/core/check';
import { readErrorMessage } from '../src/file/read-error';
import { readWorkbook } from '../src/file/read-workbook';
import { encryptedWorkbook, notAWorkbook, truncatedZip, withExtraMerges } from './fixtures/bad-files';
import { buildWorkbook, VARIANTS } from './fixtures/build-workbook';
import { seed003 } from './fixtures/seeds/seed003';
import { tablesOf } from '../src/core/model/tables';
import { flattenIndicators } from './model-walk';

let sample: Uint8Array;
beforeAll(async () => {
  sample = (await buildWorkbook(seed003, VARIANTS[0] as (typeof VARIANTS)[number])).bytes;
});

describe('readWorkbook on files that are not readable workbooks', () => {
  it.each([
    ['an empty file', () => new Uint8Array(), 'empty-file'],
    ['random bytes', () => new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]), 'not-workbook'],
    ['a zip cut short', () => truncatedZip(sample), 'corrupt'],
    ['a zip that is not a workbook', notAWorkbook, 'not-workbook'],
    ['a password-protected workbook', () => encryptedWorkbook(sample), 'encrypted'],
  ])('%s gives a typed error with a one-line message in both languages', (_name, make, kind) => {
    const result = readWorkbook(make(), 'x.xlsx');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe(kind);
    for (const lang of ['zh-CN', 'en-US'] as const) {
      const message = readErrorMessage(result.error, lang);
      expect(message).not.toContain('\n');
      expect(message.length).toBeGreaterThan(3);
    }
    expect(readErrorMessage(result.error, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
  });

  it('tells the user to remove the password from an encrypted workbook', () => {
    const result = readWorkbook(encryptedWorkbook(sample), 'x.xlsx');
    expect(!result.ok && readErrorMessage(result.error, 'zh-CN')).toContain('取消密码');
    expect(!result.ok && readErrorMessage(result.error, 'en-US')).toContain('remove the password');
  });
});

describe('readWorkbook on what government exports carry', () => {
  it('reads overlapping merged ranges and still recognises the table', () => {
    // F3:G4 overlaps the merged level-1 label A3:A7 region's neighbours; B3:C4 overlaps A3:A7 and B3:B5.
    const bytes = withExtraMerges(sample, 'xl/worksheets/sheet1.xml', ['B3:C4', 'A4:B5']);
    const result = readWorkbook(bytes, 'overlap.xlsx');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const sheet = result.workbook.sheets[0];
    expect(sheet?.merges.map((m) => [m.top, m.left, m.bottom, m.right])).toEqual(
      expect.arrayContaining([
        [2, 1, 3, 2],
        [3, 0, 4, 1],
      ]),
    );
    const { model } = checkWorkbook(result.workbook);
    const table = tablesOf(model, 'indicators')[0];
    expect(table?.indicators.map((n) => n.key)).toEqual(['决策', '过程', '产出', '效益']);
  });

  it('reads text in numeric cells, error values, booleans, hidden sheets and shared formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    ws.getCell('A1').value = '８０．８８%';
    ws.getCell('A2').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    ws.getCell('A3').value = true;
    ws.getCell('B1').value = 1;
    ws.getCell('B2').value = 2;
    ws.getCell('C1').value = {
      formula: 'B1*2',
      result: 2,
      shareType: 'shared',
      ref: 'C1:C2',
    } as ExcelJS.CellFormulaValue;
    ws.getCell('C2').value = { sharedFormula: 'C1', result: 4 } as ExcelJS.CellSharedFormulaValue;
    wb.addWorksheet('隐藏').state = 'hidden';
    const result = readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), 'types.xlsx');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [data, hidden] = result.workbook.sheets;
    const cell = (row: number, col: number) => data?.cells.find((c) => c.row === row && c.col === col);
    expect(cell(0, 0)?.value).toEqual({ type: 'text', value: '８０．８８%' });
    expect(cell(1, 0)).toMatchObject({ value: { type: 'error', value: '#DIV/0!' }, formula: '1/0' });
    expect(cell(2, 0)?.value).toEqual({ type: 'boolean', value: true });
    expect(cell(1, 2)).toMatchObject({ value: { type: 'number', value: 4 }, formula: 'B2*2' });
    expect(hidden?.visibility).toBe('hidden');
  });
});

describe('an empty workbook', () => {
  it('is read and reported as sheet/unrecognized, not as an error', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    const result = readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), 'empty.xlsx');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { findings, summary } = checkWorkbook(result.workbook);
    expect(findings).toEqual([
      expect.objectContaining({ code: 'sheet/unrecognized', severity: 'info', sheet: 'Sheet1', cell: 'A1' }),
    ]);
    expect(summary.errors).toBe(0);
  });
});

it('keeps the tree of the sample intact when read twice (the reader holds no state)', () => {
  const first = readWorkbook(sample, 'a.xlsx');
  const second = readWorkbook(sample, 'a.xlsx');
  expect(first.ok && second.ok).toBe(true);
  if (!first.ok || !second.ok) return;
  expect(
    flattenIndicators(tablesOf(checkWorkbook(first.workbook).model, 'indicators')[0]?.indicators ?? []).length,
  ).toBe(30);
  expect(second.workbook).toEqual(first.workbook);
});
