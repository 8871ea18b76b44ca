import { AUDIT_SHEET, REPORT_SHEET } from '../../core/own-sheets';
import { OfficeMockObject } from 'office-addin-mock';
import { checkWorkbook } from '../../core/check';
import { planFixes } from '../../core/fix/plan';
import { ProfileSchema } from '../../core/profile';
import { readWorkbook } from '../../file/read-workbook';
import { buildWorkbook, VARIANTS } from '../../../test/fixtures/build-workbook';
import { seed003 } from '../../../test/fixtures/seeds/seed003';
import { FakeWorkbook, installFakeOffice, type FakeSheetData } from '../../../test/fake-excel/fake-office';
import { fakeSheetsOf } from '../../../test/fake-excel/from-snapshot';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { ExcelHost } from './excel-host';

// office-addin-mock reads only the host names from office-addin-manifest, whose dependencies ship ESM that
// jest's CommonJS runtime cannot load; the names are all the mock needs.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: {
    Excel: 'excel',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Word: 'word',
    OneNote: 'onenote',
    Project: 'project',
  },
}));

let fileSnapshot: WorkbookSnapshot;
beforeAll(async () => {
  const read = readWorkbook((await buildWorkbook(seed003, VARIANTS[2] as (typeof VARIANTS)[number])).bytes, '003.xlsx');
  if (!read.ok) throw new Error(read.error.message);
  fileSnapshot = read.workbook;
});

function open(sheets: FakeSheetData[], options: ConstructorParameters<typeof FakeWorkbook>[1] = {}): FakeWorkbook {
  const book = new FakeWorkbook(sheets, options);
  installFakeOffice(book);
  return book;
}

const manySheets = (count: number): FakeSheetData[] =>
  Array.from({ length: count }, (_, i) => ({
    name: `表${i + 1}`,
    cells: { A1: { value: '一级指标' }, B1: { value: '分值' }, A2: { value: '决策' }, B2: { value: 20 } },
  }));

describe('ExcelHost.readSnapshot', () => {
  it('builds the same snapshot the file adapter builds', async () => {
    open(fakeSheetsOf(fileSnapshot));
    const snapshot = await new ExcelHost().readSnapshot();
    expect(snapshot.sheets).toEqual(fileSnapshot.sheets);
  });

  it.each([1, 10, 50])('reads %i sheets in two round trips', async (count) => {
    const book = open(manySheets(count));
    const progress: number[][] = [];
    const snapshot = await new ExcelHost().readSnapshot((done, total) => progress.push([done, total]));
    expect(snapshot.sheets).toHaveLength(count);
    expect(book.syncs).toBe(2);
    expect(progress.at(-1)).toEqual([count, count]);
  });

  it('reads a sheet over the response limit in blocks that stay under it', async () => {
    const cells: FakeSheetData['cells'] = {};
    for (let row = 1; row <= 3000; row++)
      for (const col of ['A', 'B', 'C', 'D', 'E']) cells[`${col}${row}`] = { value: `第${row}行数据${col}` };
    // A 300 KB limit stands in for 5 MB so the test stays small; the block budget scales with it.
    const book = open([{ name: '明细', cells }, ...manySheets(2)], { payloadLimit: 300_000 });
    const host = new ExcelHost();
    (host as unknown as { blockBudget: number }).blockBudget = 200_000;
    const snapshot = await host.readSnapshot();
    expect(snapshot.sheets[0]?.cells).toHaveLength(15_000);
    expect(snapshot.sheets[0]?.cells.at(-1)).toEqual({
      row: 2999,
      col: 4,
      value: { type: 'text', value: '第3000行数据E' },
    });
    // Sheet list, the refused whole read, dimensions, then blocks: every answered response under the limit.
    expect(book.payloads[1]).toBeGreaterThan(300_000);
    expect(book.payloads.filter((size, i) => i !== 1).every((size) => size <= 300_000)).toBe(true);
    expect(book.syncs).toBe(3 + Math.ceil(book.payloads.slice(3).length));
  });

  it('degrades without merged areas where ExcelApi 1.13 is missing', async () => {
    open(fakeSheetsOf(fileSnapshot), { excelApiMinor: 9 });
    const snapshot = await new ExcelHost().readSnapshot();
    expect(snapshot.sheets.every((s) => s.merges.length === 0)).toBe(true);
    expect(snapshot.sheets.map((s) => s.cells)).toEqual(fileSnapshot.sheets.map((s) => s.cells));
  });
});

describe('ExcelHost writes', () => {
  it('applies a confirmed fill in one sync, with calculation suspended, and records it as text', async () => {
    const book = open(fakeSheetsOf(fileSnapshot));
    const host = new ExcelHost();
    const snapshot = await host.readSnapshot();
    const writes = planFixes(snapshot, checkWorkbook(snapshot).findings);
    expect(writes.map((w) => `${w.sheet}!${w.cell}`)).toEqual([
      '评分表!G8',
      '满意度调查!G4',
      '满意度调查!G5',
      '满意度调查!G6',
      '满意度调查!G7',
    ]);
    const before = book.syncs;
    await host.applyWrites(writes, 'zh-CN');
    expect(book.syncs - before).toBe(1 + 2); // the write batch, then the re-read (sheet list + used ranges)
    expect(book.calculationSuspensions).toBe(1);
    expect(book.sheet('评分表')?.cells.G8).toMatchObject({
      formula: "MIN(1,'结论表'!C3/'结论表'!E2)*F8",
      format: '0.00',
    });
    const audit = book.sheet(AUDIT_SHEET)?.cells ?? {};
    expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1', 'H1', 'I1', 'J1'].map((a) => audit[a]?.value)).toEqual([
      '时间',
      '批次',
      '工作表',
      '单元格',
      '原内容',
      '新内容',
      '规则',
      '说明',
      '状态',
      '还原数据 v2',
    ]);
    expect(book.sheet(AUDIT_SHEET)?.hiddenColumns).toEqual(['J']);
    expect(audit.D2).toEqual({ value: 'G8', format: '@' });
    expect(audit.F2?.value).toBe("=MIN(1,'结论表'!C3/'结论表'!E2)*F8 → 4");
    expect(Object.values(audit).every((cell) => cell.formula === undefined)).toBe(true);
    expect(host.undoDepth()).toBe(1);
  });

  it('undoes the last batch from the audit record and keeps the record, marked undone', async () => {
    const book = open(fakeSheetsOf(fileSnapshot));
    const host = new ExcelHost();
    const snapshot = await host.readSnapshot();
    await host.applyWrites(planFixes(snapshot, checkWorkbook(snapshot).findings), 'zh-CN');
    expect(await host.undoLast()).toBe(5);
    expect(book.sheet('评分表')?.cells.G8?.formula).toBeUndefined();
    expect(book.sheet('评分表')?.cells.G8?.value).toBeNull();
    expect(book.sheet(AUDIT_SHEET)?.cells.I2?.value).toBe('已撤销');
    expect(host.undoDepth()).toBe(0);
  });

  it('selects a finding’s cell with its related cells on the same sheet', async () => {
    const book = open(fakeSheetsOf(fileSnapshot));
    await new ExcelHost().select({ sheet: '评分表', cell: 'G8' }, [
      { sheet: '评分表', cell: 'F8' },
      { sheet: '结论表', cell: 'C3' },
    ]);
    expect(book.selection).toEqual({ sheet: '评分表', address: 'G8,F8' });
  });

  it('writes the report sheet with links and a chart of level-1 得分率', async () => {
    const book = open(fakeSheetsOf(fileSnapshot));
    const host = new ExcelHost();
    const result = checkWorkbook(await host.readSnapshot());
    await host.writeReport(result, 'zh-CN');
    const report = book.sheet(REPORT_SHEET)?.cells ?? {};
    expect(report.A1?.value).toBe('绩效评分表审核报告');
    expect(report.D6?.formula).toBe(
      `HYPERLINK("#'${result.findings[0]?.sheet}'!${result.findings[0]?.cell}","${result.findings[0]?.cell}")`,
    );
    expect(book.charts).toEqual([{ sheet: REPORT_SHEET, type: 'BarClustered', source: `'${REPORT_SHEET}'!J1:K5` }]);
  });

  it('hears edits of a sheet, and keeps the profile with the workbook', async () => {
    const book = open(fakeSheetsOf(fileSnapshot));
    const host = new ExcelHost();
    await host.readSnapshot();
    const heard: string[][] = [];
    const stop = await host.onChanged((sheets) => heard.push(sheets));
    book.edit('评分表', 'G9', { value: 2 });
    expect(heard).toEqual([['评分表']]);
    const before = book.syncs;
    const [fresh] = await host.readSheets(['评分表']);
    expect(book.syncs - before).toBe(1);
    expect(book.payloads.at(-1)).toBeLessThan(book.payloads[1] as number); // one sheet, not the whole workbook
    expect(fresh?.cells.find((c) => c.row === 8 && c.col === 6)?.value).toEqual({ type: 'number', value: 2 });
    stop();
    const profile = ProfileSchema.parse({ rulesOff: ['weight/policy'] });
    await host.saveProfile(profile);
    expect(await host.loadProfile()).toEqual(profile);
  });
});

describe('ExcelHost with office-addin-mock', () => {
  it('loads the saved profile in one sync', async () => {
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          settings: {
            item: { value: JSON.stringify({ rulesOff: ['count/mismatch'] }) },
            getItemOrNullObject() {
              return this.item;
            },
          },
        },
      },
      run: async function (callback: (context: unknown) => Promise<unknown>) {
        return callback((this as { context: unknown }).context);
      },
    }) as unknown as { context: { sync: () => Promise<void> } };
    (globalThis as Record<string, unknown>).Excel = mock;
    const sync = jest.spyOn(mock.context, 'sync');
    expect(await new ExcelHost().loadProfile()).toEqual({ rulesOff: ['count/mismatch'] });
    expect(sync).toHaveBeenCalledTimes(1);
  });
});
