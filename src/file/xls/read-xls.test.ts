import * as CFB from 'cfb';
import type ExcelJS from 'exceljs';
import { cellAddress, parseCellAddress } from '../../core/address';
import type { CellValue, Sheet, WorkbookSnapshot } from '../../core/snapshot';
import { WorkbookReadError } from '../read-error';
import { runLibreOffice, sofficePath } from '../../../test/fixtures/libreoffice';
import { cachedFixture, excelJs } from '../../../test/fixtures/fixture-cache';
import { readXls } from './read-xls';

/*
 * Workbooks are written with ExcelJS, saved as .xls (BIFF8) by LibreOffice, and read back cell by cell.
 * Each fixture is described once; the description both builds the .xlsx and is the expected snapshot.
 */

type SpecValue = number | string | boolean | { error: string };

interface CellSpec {
  value: SpecValue;
  formula?: string;
  format?: string;
  /** What the .xls holds instead, where LibreOffice writes it differently (it has no boolean constants). */
  xls?: { formula?: string; format?: string };
}

interface SheetSpec {
  name: string;
  state: 'visible' | 'hidden';
  cells: Record<string, SpecValue | CellSpec>;
  merges?: string[];
}

const f = (formula: string, value: SpecValue, format?: string): CellSpec => ({
  formula,
  value,
  ...(format ? { format } : {}),
});
const fmt = (value: SpecValue, format: string): CellSpec => ({ value, format });

const SCORING: SheetSpec[] = [
  {
    name: '评分表',
    state: 'visible',
    merges: ['A1:G1', 'A3:A4', 'A5:A6', 'A8:B8'],
    cells: {
      A1: '项目支出绩效评价评分表',
      A2: '一级指标',
      B2: '二级指标',
      C2: '分值',
      D2: '得分',
      E2: '得分率',
      F2: '等级',
      G2: '备注',
      A3: '决策',
      A5: '过程',
      A7: '产出',
      B3: '项目立项',
      B4: '绩效目标',
      B5: '资金管理',
      B6: '组织实施',
      B7: '产出数量',
      C3: 10,
      C4: 10,
      C5: 15,
      C6: 15,
      C7: 20,
      D3: 9.5,
      D4: 8,
      D5: 13.25,
      D6: 15,
      D7: 17.8,
      // Copied down a column: LibreOffice stores these as one shared formula (SHRFMLA) per column.
      E3: f('ROUND(D3/C3,4)', 0.95, '0.00%'),
      E4: f('ROUND(D4/C4,4)', 0.8, '0.00%'),
      E5: f('ROUND(D5/C5,4)', 0.8833, '0.00%'),
      E6: f('ROUND(D6/C6,4)', 1, '0.00%'),
      E7: f('ROUND(D7/C7,4)', 0.89, '0.00%'),
      F3: f('IF(E3>=0.9,"优","良")', '优'),
      F4: f('IF(E4>=0.9,"优","良")', '良'),
      F5: f('IF(E5>=0.9,"优","良")', '良'),
      F6: f('IF(E6>=0.9,"优","良")', '优'),
      F7: f('IF(E7>=0.9,"优","良")', '良'),
      G3: f("'得分 表'!B3", 5),
      G4: f('Sheet2!B3', 42),
      G5: f("SUM('得分 表'!B3:B4)", 11),
      G6: fmt('见附件', '@'),
      // 3D references down a column (LibreOffice writes these one FORMULA each; it shares only plain references).
      H3: f("'得分 表'!B3+C3", 15),
      H4: f("'得分 表'!B4+C4", 16),
      H5: f("'得分 表'!B5+C5", 15),
      H6: f("'得分 表'!B6+C6", 15),
      A8: '合计',
      C8: f('SUM(C3:C7)', 70),
      D8: f('SUM(D3:D7)', 63.55),
      E8: f('ROUND(D8/C8,4)', 0.9079, '0.00%'),
      F8: f('IF(D8>=60,"合格","不合格")', '合格'),
      A9: f('1/0', { error: '#DIV/0!' }),
      B9: { value: true, xls: { formula: 'TRUE' } },
      C9: f('C3>C4', false),
      D9: f('IFERROR(D3/0,0)', 0),
      E9: fmt(0.8088, '0.00%'),
      F9: f('IF(C3>100,"超","")', ''),
      G9: fmt(-1234567.891, '#,##0.00'),
      A10: { value: 45292, format: 'yyyy-mm-dd', xls: { format: 'yyyy\\-mm\\-dd' } },
      B10: 0.0001234,
      C10: 1e20,
      D10: f('SUM(分值区)', 70),
      E10: fmt(0.5, '0%'),
      F10: fmt(3.14159, '0.00'),
      B11: f('C3*-1', -10),
      C11: f('(C3+C4)*2%', 0.4),
      D11: f('C3^2', 100),
      E11: f('"得分:"&D3', '得分:9.5'),
      F11: f('C3<>C4', false),
      G11: f('-(C3+C4)', -20),
      A12: f('$C$3+C$4+$C5', 35),
      B12: f("SUM('得分 表'!B:B)", 11),
      // A whole row of an .xlsx is 16384 columns, wider than BIFF8's 256: LibreOffice writes PtgAreaErr3d.
      C12: { ...f('SUM(Sheet2!3:3)', 42), xls: { formula: 'SUM(Sheet2!#REF!)' } },
    },
  },
  { name: '得分 表', state: 'visible', cells: { A1: '说明', B3: 5, B4: 6 } },
  { name: 'Sheet2', state: 'hidden', cells: { A1: '隐藏', B3: 42 } },
  {
    name: '函数',
    state: 'visible',
    cells: {
      D1: 85,
      D2: 92,
      D3: 78,
      D4: 60,
      D5: 95,
      E1: '甲',
      E2: '乙',
      E3: '丙',
      E4: '丁',
      E5: '戊',
      F1: '甲',
      F2: '乙',
      F3: '丙',
      G1: 1,
      G2: 2,
      G3: 3,
      B1: f('AVERAGE(D1:D5)', 82),
      B2: f('ROUNDUP(82.123,1)', 82.2),
      B3: f('ROUNDDOWN(82.987,1)', 82.9),
      B4: f('COUNT(D1:D5)', 5),
      B5: f('COUNTA(E1:E5)', 5),
      B6: f('COUNTIF(D1:D5,">=80")', 3),
      B7: f('SUMIF(D1:D5,">=80")', 272),
      B8: f('SUMIF(E1:E5,"甲",D1:D5)', 85),
      B9: f('MIN(D1:D5)', 60),
      B10: f('MAX(D1:D5)', 95),
      B11: f('ABS(-3.5)', 3.5),
      B12: f('AND(D1>80,D2>80)', true),
      B13: f('OR(D1<60,D4<60)', false),
      B14: f('NOT(D1>90)', true),
      B15: f('VLOOKUP("丙",F1:G3,2,FALSE)', 3),
      B16: f('LOOKUP(D3,{0,60,80,90},{"差","中","良","优"})', '中'),
      B17: f('INDEX(D1:D5,3)', 78),
      B18: f('MATCH(92,D1:D5,0)', 2),
      B19: f('TEXT(D1/100,"0.0%")', '85.0%'),
      B20: f('VALUE("12.5")', 12.5),
      B21: f('LEN(E1)', 1),
      B22: f('LEFT("绩效评价",2)', '绩效'),
      B23: f('RIGHT("绩效评价",2)', '评价'),
      B24: f('MID("绩效评价表",3,2)', '评价'),
      B25: f('SUMPRODUCT(D1:D2,D3:D4)', 12150),
      B26: f('INT(-2.5)', -3),
      B27: f('TRUNC(-2.5)', -2),
      B28: f('ISERROR(1/0)', true),
      B29: f('ISBLANK(H1)', true),
      B30: f('CONCATENATE("第",D1,"名")', '第85名'),
      B31: f('PRODUCT(2,3,4)', 24),
      B32: f('MOD(10,3)', 1),
      B33: f('RANK(D2,D1:D5)', 2),
      B34: f('IF(D1>=90,"A",IF(D1>=80,"B","C"))', 'B'),
      B35: f('ROUND(AVERAGE(D1:D5)*1.1,2)', 90.2),
      B36: f('SUM(D1:D5)/COUNT(D1:D5)', 82),
      B37: f('IFERROR(VLOOKUP("己",F1:G3,2,FALSE),"无")', '无'),
      B38: f('MAX(D1:D5)-MIN(D1:D5)', 35),
      B39: f('SUM(D1,D3,D5)', 258),
      B40: f('COUNTIF(E1:E5,"甲")', 1),
    },
  },
];

/** Thousands of distinct strings (to split the SST over many CONTINUE records) and strings longer than a record. */
function stringsFixture(): SheetSpec[] {
  const many: Record<string, string> = {};
  for (let i = 1; i <= 3000; i++) {
    many[`A${i}`] = `指标${i}：项目资金到位率及执行情况说明（第${i}项）`;
    many[`B${i}`] = `ascii-${i}-${'abc'.repeat(i % 7)}`;
  }
  return [
    { name: '文本', state: 'visible', cells: many },
    {
      name: '长文本',
      state: 'visible',
      cells: {
        A1: 'ab'.repeat(6000),
        A2: '长'.repeat(5000),
        A3: '绩效a'.repeat(3000),
        A4: `café © ½ ${'é'.repeat(9000)}`,
        A5: `${'x'.repeat(8000)}${'评'.repeat(300)}`,
      },
    },
  ];
}

/** 2000 rows × 100 columns: text, numbers and formulas, for timing. */
function largeFixture(): SheetSpec[] {
  const cells: Record<string, SpecValue | CellSpec> = {};
  for (let r = 1; r <= 2000; r++) {
    cells[`A${r}`] = `项目${r}`;
    for (let c = 1; c < 80; c++)
      cells[cellAddress(r - 1, c)] = c % 3 === 0 ? `指标${r % 50}-${c}` : r * c + (c % 2 ? 0.25 : 0);
    for (let c = 80; c < 100; c++) {
      const sum = [1, 2, 4, 5].reduce((total, k) => total + r * k + (k % 2 ? 0.25 : 0), 0);
      cells[cellAddress(r - 1, c)] = f(`SUM(B${r}:C${r},E${r}:F${r})*${c}`, sum * c);
    }
  }
  return [{ name: '大表', state: 'visible', cells }];
}

const specOf = (cell: SpecValue | CellSpec): CellSpec =>
  typeof cell === 'object' && !('error' in cell) ? cell : { value: cell };

function buildXlsx(sheets: SheetSpec[]): Promise<Uint8Array> {
  return cachedFixture([__filename], sheets, () => writeXlsx(sheets));
}

async function writeXlsx(sheets: SheetSpec[]): Promise<Uint8Array> {
  const workbook = new (excelJs().Workbook)();
  // A fixed date, so the same sheets make the same file and LibreOffice's result is reused (runLibreOffice).
  workbook.created = new Date(Date.UTC(2025, 5, 30));
  workbook.modified = workbook.created;
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { state: sheet.state });
    for (const [address, raw] of Object.entries(sheet.cells)) {
      const spec = specOf(raw);
      const cell = worksheet.getCell(address);
      const value = spec.value;
      if (spec.formula !== undefined) cell.value = { formula: spec.formula, result: value } as ExcelJS.CellFormulaValue;
      else cell.value = value as ExcelJS.CellValue;
      if (spec.format) cell.numFmt = spec.format;
    }
    for (const range of sheet.merges ?? []) worksheet.mergeCells(range);
  }
  workbook.definedNames.add("'评分表'!$C$3:$C$7", '分值区');
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Formula text compared without spaces and with function names in any case (string literals kept as they are). */
function normaliseFormula(formula: string | undefined): string | undefined {
  return formula
    ?.split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 ? part : part.replace(/\s+/g, '').toUpperCase()))
    .join('');
}

function expectedValue(value: SpecValue): CellValue {
  if (typeof value === 'number') return { type: 'number', value };
  if (typeof value === 'string') return { type: 'text', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  return { type: 'error', value: value.error };
}

interface Comparable {
  at: string;
  value: CellValue;
  formula?: string | undefined;
  format?: string | undefined;
}

function expectedSheet(sheet: SheetSpec): { name: string; visibility: string; merges: string[]; cells: Comparable[] } {
  const cells = Object.entries(sheet.cells)
    .map(([address, raw]) => {
      const spec = specOf(raw);
      const position = parseCellAddress(address);
      if (!position) throw new Error(`bad address ${address}`);
      return {
        position,
        cell: {
          at: address,
          value: expectedValue(spec.value),
          formula: normaliseFormula(spec.xls?.formula ?? spec.formula),
          format: spec.xls?.format ?? spec.format,
        },
      };
    })
    .sort((a, b) => a.position.row - b.position.row || a.position.col - b.position.col)
    .map(({ cell }) => cell);
  return { name: sheet.name, visibility: sheet.state, merges: [...(sheet.merges ?? [])].sort(), cells };
}

function comparableSheet(sheet: Sheet): ReturnType<typeof expectedSheet> {
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    merges: sheet.merges.map((m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`).sort(),
    cells: sheet.cells.map((cell) => ({
      at: cellAddress(cell.row, cell.col),
      value: cell.value,
      formula: normaliseFormula(cell.formula),
      format: cell.format,
    })),
  };
}

/** Record ids of a .xls Workbook stream, to check a fixture really exercises the records under test. */
function recordIds(xls: Uint8Array): number[] {
  const stream = workbookStream(xls);
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const ids: number[] = [];
  for (let p = 0; p + 4 <= stream.length; p += 4 + view.getUint16(p + 2, true)) ids.push(view.getUint16(p, true));
  return ids;
}

function workbookStream(xls: Uint8Array): Uint8Array {
  const entry = CFB.find(CFB.read(xls, { type: 'array' }), '/Workbook');
  if (!entry) throw new Error('no Workbook stream');
  return Uint8Array.from(entry.content);
}

function oleFile(streams: Record<string, Uint8Array>): Uint8Array {
  const container = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(container, name, content);
  return Uint8Array.from(CFB.write(container, { type: 'array' }) as ArrayLike<number>);
}

function readError(read: () => unknown): WorkbookReadError {
  try {
    read();
  } catch (error) {
    if (error instanceof WorkbookReadError) return error;
    throw new Error(`expected a WorkbookReadError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a WorkbookReadError, the read succeeded');
}

let scoringXls: Uint8Array;
let stringsXls: Uint8Array;
let largeXls: Uint8Array;
let encryptedXls: Uint8Array;

beforeAll(async () => {
  sofficePath(); // fails with install instructions when LibreOffice is missing
  const scoring = await buildXlsx(SCORING);
  const names = ['scoring', 'strings', 'large'];
  const sources = [scoring, await buildXlsx(stringsFixture()), await buildXlsx(largeFixture())];
  // One LibreOffice start for the three conversions and the password-protected copy.
  [scoringXls, stringsXls, largeXls, encryptedXls] = runLibreOffice([
    ...sources.map((bytes, i) => ({ name: `${names[i]}.xlsx`, bytes, format: 'xls' as const })),
    { name: 'encrypted.xlsx', bytes: scoring, format: 'xls', password: 'secret' },
  ]) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
}, 300_000);

describe('readXls on LibreOffice-written BIFF8', () => {
  test('the fixtures contain the records under test', () => {
    const scoring = recordIds(scoringXls);
    expect(scoring).toContain(0x04bc); // SHRFMLA
    expect(scoring).toContain(0x0207); // STRING (text formula results)
    const strings = recordIds(stringsXls);
    const sst = strings.indexOf(0x00fc);
    expect(sst).toBeGreaterThan(0);
    let continues = 0;
    while (strings[sst + 1 + continues] === 0x003c) continues++;
    expect(continues).toBeGreaterThan(10);
  });

  test('scoring workbook: sheets, visibility, merges and every cell', () => {
    const snapshot = readXls(scoringXls);
    expect(snapshot.sheets.map(comparableSheet)).toEqual(SCORING.map(expectedSheet));
  });

  test('thousands of strings and strings longer than a record', () => {
    const snapshot = readXls(stringsXls);
    expect(snapshot.sheets.map(comparableSheet)).toEqual(stringsFixture().map(expectedSheet));
  });

  test('a 200k-cell sheet is read cell by cell (its speed is measured by npm run bench)', () => {
    const snapshot: WorkbookSnapshot | undefined = readXls(largeXls);
    expect(snapshot?.sheets[0]?.cells).toHaveLength(200_000);
    // One line per cell: jest's deep equality over 200k objects would take longer than the read.
    const lines = (sheet: ReturnType<typeof expectedSheet>): string[] =>
      sheet.cells.map((cell) => JSON.stringify(cell));
    expect(snapshot?.sheets.map(comparableSheet).map(lines)).toEqual(largeFixture().map(expectedSheet).map(lines));
  });
});

describe('readXls on files it cannot read', () => {
  test('random bytes are not a workbook', () => {
    let seed = 7;
    const random = new Uint8Array(20_000).map(() => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    expect(readError(() => readXls(random)).kind).toBe('not-workbook');
  });

  test('an .xlsx (zip) is not an .xls workbook, and no bytes is an empty file', async () => {
    expect(readError(() => readXls(new Uint8Array(0))).kind).toBe('empty-file');
    const xlsx = await buildXlsx([{ name: 'a', state: 'visible', cells: { A1: 1 } }]);
    expect(readError(() => readXls(xlsx)).kind).toBe('not-workbook');
  });

  test('a compound file without a Workbook stream is not a workbook', () => {
    expect(readError(() => readXls(oleFile({ WordDocument: new Uint8Array(5000) }))).kind).toBe('not-workbook');
  });

  test('a password-protected .xls is reported as encrypted', () => {
    expect(readError(() => readXls(encryptedXls)).kind).toBe('encrypted');
  });

  test('a compound file cut off anywhere is corrupt', () => {
    for (let length = 512; length < scoringXls.length; length += 509) {
      const error = readError(() => readXls(scoringXls.slice(0, length)));
      expect([length, error.kind]).toEqual([length, 'corrupt']);
    }
  });

  test('a Workbook stream cut off inside a record is corrupt', () => {
    const stream = workbookStream(scoringXls);
    for (const fraction of [0.1, 0.35, 0.5, 0.8, 0.99]) {
      const cut = oleFile({ Workbook: stream.slice(0, Math.floor(stream.length * fraction)) });
      expect(readError(() => readXls(cut)).kind).toBe('corrupt');
    }
  });

  test('garbled record bytes yield a snapshot or a WorkbookReadError, never another exception', () => {
    const stream = workbookStream(scoringXls);
    let seed = 11;
    const next = (): number => (seed = (seed * 1103515245 + 12345) >>> 0);
    for (let round = 0; round < 150; round++) {
      const garbled = stream.slice();
      for (let i = 0; i < 1 + (round % 20); i++) garbled[next() % garbled.length] = next() >>> 24;
      const file = oleFile({ Workbook: garbled });
      try {
        readXls(file);
      } catch (error) {
        expect(error).toBeInstanceOf(WorkbookReadError);
      }
    }
  });
});
