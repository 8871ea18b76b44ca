import { openedFileHost } from './opened-file-host';
import { Controller } from '../src/app/controller';
import { checkWorkbook } from '../src/core/check';
import type { Finding } from '../src/core/finding';
import type { Rule } from '../src/core/rules/rule';
import type { WorkbookSnapshot } from '../src/core/snapshot';
import { fixWorkbook } from '../src/file/fix-workbook';
import { readWorkbook } from '../src/file/read-workbook';
import { writeXlsx } from '../src/file/xlsx/write-xlsx';
import { ExcelHost } from '../src/hosts/excel/excel-host';
import { FakeWorkbook, installFakeOffice } from './fake-excel/fake-office';
import { fakeSheetsOf } from './fake-excel/from-snapshot';
import { sheetOf, workbookOf } from './snapshot-builder';

/**
 * Every surface applies the fix a finding carries, not one it works out from the finding's cell: a planted rule
 * reports at A1 and fixes D5, and `fix`, the standalone page's file host and the add-in all write D5.
 */

// A rule whose finding sits on one cell and whose fix writes another (a note at the table's corner, say).
const planted: Rule = {
  code: 'derived/missing',
  severity: 'info',
  name: { 'zh-CN': '测试', 'en-US': 'Test' },
  description: { 'zh-CN': '测试', 'en-US': 'Test' },
  messages: { note: { 'zh-CN': '见 D5', 'en-US': 'see D5' } },
  check: () => [
    {
      messageId: 'note',
      data: {},
      sheet: '表',
      cell: 'A1',
      fix: {
        kind: 'fill',
        writes: [
          {
            sheet: '表',
            cell: 'D5',
            row: 4,
            col: 3,
            formula: 'SUM(B2:B3)',
            value: 30,
            reason: { 'zh-CN': '测试', 'en-US': 'test' },
          },
        ],
      },
    },
  ],
};

jest.mock('../src/core/rules', () => {
  const actual = jest.requireActual('../src/core/rules');
  return { ...actual, runRules: (context: unknown, lang: unknown) => actual.runRules(context, lang, [planted]) };
});
jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel' } }));

const snapshot: WorkbookSnapshot = workbookOf(
  sheetOf('表', [
    ['项目', '金额'],
    ['甲', 10],
    ['乙', 20],
  ]),
);
const bytes = writeXlsx(snapshot);

function cellD5(read: WorkbookSnapshot) {
  return read.sheets[0]?.cells.find((c) => c.row === 4 && c.col === 3);
}

function findingOf(controller: Controller): Finding {
  const finding = controller.getState().result?.findings.find((f) => f.cell === 'A1');
  if (!finding) throw new Error('the planted finding is missing');
  return finding;
}

describe('the fix a finding carries is the one every surface writes', () => {
  it('the engine hands the fix over with the finding', () => {
    const [finding] = checkWorkbook(snapshot).findings;
    expect(finding?.cell).toBe('A1');
    expect(finding?.fix?.writes.map((w) => w.cell)).toEqual(['D5']);
  });

  it('score-audit fix writes D5', () => {
    const result = fixWorkbook(bytes, 'x.xlsx');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.changes.map((c) => `${c.cell} ${c.code}`)).toEqual(['D5 derived/missing']);
    const read = readWorkbook(result.bytes, 'x.xlsx');
    expect(read.ok && cellD5(read.workbook)).toMatchObject({
      formula: 'SUM(B2:B3)',
      value: { type: 'number', value: 30 },
    });
  });

  it('the standalone page writes D5 (file host)', async () => {
    const host = openedFileHost('x.xlsx', bytes, 'zh-CN');
    const controller = new Controller(host, 'zh-CN');
    await controller.start();
    expect(controller.previewFix(findingOf(controller))?.writes.map((w) => w.cell)).toEqual(['D5']);
    await controller.applyPreview();
    const read = readWorkbook(host.download?.().bytes ?? new Uint8Array(), 'x.xlsx');
    expect(read.ok && cellD5(read.workbook)?.formula).toBe('SUM(B2:B3)');
  });

  it('the add-in writes D5 (Excel host)', async () => {
    const book = new FakeWorkbook(fakeSheetsOf(snapshot));
    installFakeOffice(book);
    const controller = new Controller(new ExcelHost(), 'zh-CN');
    await controller.start();
    expect(controller.previewFill()?.writes.map((w) => w.cell)).toEqual(['D5']);
    await controller.applyPreview();
    expect(book.sheet('表')?.cells.D5?.formula).toBe('SUM(B2:B3)');
    expect(book.sheet('表')?.cells.A1?.formula).toBeUndefined();
  });
});
