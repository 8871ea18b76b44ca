import { writeFileSync } from 'node:fs';
import { run, tempFolder } from './cli-run';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { EXIT } from '../src/cli/main';
import { checkWorkbook } from '../src/core/check';
import { fixWorkbook } from '../src/file/fix-workbook';
import { readErrorMessage } from '../src/file/read-error';
import { readWorkbook } from '../src/file/read-workbook';
import { encryptedWorkbook, loopingXls, notAWorkbook, truncatedZip } from './fixtures/bad-files';
import { buildWorkbook, VARIANTS, type Layout } from './fixtures/build-workbook';
import { largeWorkbook } from './fixtures/large-workbook';
import { tablesOf } from '../src/core/model/tables';
import { convertWithLibreOffice } from './fixtures/libreoffice';
import { seed003 } from './fixtures/seeds/seed003';

/**
 * Files that are damaged, locked, empty, odd or too large: each is refused with one line in the user's language and
 * exit 2, or read and checked as it is.
 */
const { path } = tempFolder('score-audit-bad-');

let sample: Uint8Array;
let layout: Layout;

async function editWorkbook(bytes: Uint8Array, edit: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  edit(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  const built = await buildWorkbook(seed003, VARIANTS[0] as (typeof VARIANTS)[number]);
  sample = Uint8Array.from(built.bytes);
  layout = built.layout;
});

describe('unreadable files: one line in the user’s language, exit 2', () => {
  const cases: Array<[string, () => Uint8Array | Promise<Uint8Array>, RegExp, RegExp]> = [
    ['a corrupt zip', () => truncatedZip(sample), /^文件已损坏，无法读取/, /^the file is damaged/],
    ['a zip that is not a workbook', notAWorkbook, /^不是 Excel 工作簿/, /^not an Excel workbook/],
    [
      'a text file',
      () => new TextEncoder().encode('序号,姓名\n1,张三\n'),
      /^不是 Excel 工作簿/,
      /^not an Excel workbook/,
    ],
    [
      'a password-protected workbook',
      () => encryptedWorkbook(sample),
      /^文件设有打开密码，请在 Excel 中取消密码后再检查$/,
      /^the file is password-protected; remove the password/,
    ],
    ['an empty (0-byte) file', () => new Uint8Array(), /^文件为空（0 字节）$/, /^the file is empty \(0 bytes\)$/],
    // Opened once, behind the loop guard: the encryption probe used to open it first and abort the process.
    ['an .xls whose sector chain loops', loopingXls, /^文件已损坏，无法读取/, /^the file is damaged/],
  ];

  it.each(cases)('%s', async (_name, make, chinese, english) => {
    const file = path(`${_name.replace(/\W+/g, '-')}.xlsx`);
    const bytes = await make();
    writeFileSync(file, bytes);
    expect(readWorkbook(bytes, file).ok).toBe(false);
    for (const [lang, message] of [
      ['zh-CN', chinese],
      ['en-US', english],
    ] as const) {
      const { code, err, out } = await run('check', file, '--lang', lang);
      expect(code).toBe(EXIT.unusable);
      expect(out).toBe('');
      const lines = err.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]?.startsWith(`${file}${lang === 'zh-CN' ? '：' : ': '}`)).toBe(true);
      expect(lines[0]?.slice(file.length + (lang === 'zh-CN' ? 1 : 2))).toMatch(message);
    }
  });
});

describe('odd workbooks that are still checked', () => {
  it('a workbook with one empty sheet: no error, the sheet named as empty', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('空表');
    writeFileSync(path('empty-sheet.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    const { code, out } = await run('check', path('empty-sheet.xlsx'), '--format', 'json');
    expect(code).toBe(EXIT.clean);
    const [report] = JSON.parse(out) as Array<{ findings: Array<{ code: string; sheet: string; message: string }> }>;
    expect(report?.findings).toEqual([
      expect.objectContaining({ code: 'sheet/unrecognized', sheet: '空表', message: '工作表“空表”为空' }),
    ]);
  });

  it('a workbook whose sheets are all hidden is checked like its visible copy, findings naming the hidden sheets', async () => {
    const hidden = await editWorkbook(sample, (wb) => wb.eachSheet((ws) => (ws.state = 'hidden')));
    const read = readWorkbook(hidden, 'hidden.xlsx');
    const visible = readWorkbook(sample, 'visible.xlsx');
    expect(read.ok && visible.ok).toBe(true);
    if (!read.ok || !visible.ok) return;
    expect(read.workbook.sheets.map((s) => s.visibility)).toEqual(read.workbook.sheets.map(() => 'hidden'));
    const findings = checkWorkbook(read.workbook).findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(findings).toEqual(checkWorkbook(visible.workbook).findings);
    const names = new Set(read.workbook.sheets.map((s) => s.name));
    expect(findings.every((f) => names.has(f.sheet))).toBe(true);
    // The CLI prints each finding under its sheet's name.
    writeFileSync(path('hidden.xlsx'), hidden);
    const { out } = await run('check', path('hidden.xlsx'));
    for (const sheet of new Set(findings.map((f) => f.sheet))) expect(out).toContain(`[${sheet}]`);
  });

  it('circular references are read and checked without hanging, with the cached values', async () => {
    const total = layout.total?.score;
    if (!total) throw new Error('the seed layout has no total');
    const circular = await editWorkbook(sample, (wb) => {
      const ws = wb.getWorksheet(total.sheet) as ExcelJS.Worksheet;
      const cell = ws.getCell(total.cell);
      // The total sums a range that includes itself; two notes cells refer to each other.
      cell.value = {
        formula: `SUM(${total.cell.replace(/\d+$/, '3')}:${total.cell})`,
        result: 93.36,
      } as ExcelJS.CellFormulaValue;
      const notes = wb.addWorksheet('循环');
      notes.getCell('A1').value = { formula: 'B1+1', result: 7 } as ExcelJS.CellFormulaValue;
      notes.getCell('B1').value = { formula: 'A1+1', result: 8 } as ExcelJS.CellFormulaValue;
    });
    const read = readWorkbook(circular, 'circular.xlsx');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const loop = read.workbook.sheets.find((s) => s.name === '循环');
    expect(loop?.cells.map((c) => [c.formula, c.value])).toEqual([
      ['B1+1', { type: 'number', value: 7 }],
      ['A1+1', { type: 'number', value: 8 }],
    ]);
    const { model, findings } = checkWorkbook(read.workbook);
    expect(tablesOf(model, 'indicators', total.sheet)[0]?.total?.score).toMatchObject({
      value: 93.36,
      cell: total.cell,
      formula: expect.stringContaining(total.cell),
    });
    expect(findings.some((f) => f.sheet === total.sheet)).toBe(true);
    const fixed = fixWorkbook(circular, 'circular.xlsx');
    expect(fixed.ok && fixed.changes.length).toBeGreaterThan(0);
  });
});

describe('the cell limit', () => {
  const CELLS = 6_000;
  let large: Uint8Array;
  beforeAll(() => {
    large = largeWorkbook(CELLS);
    writeFileSync(path('large.xlsx'), large);
  });

  it('reads a workbook within the limit', () => {
    const read = readWorkbook(large, 'large.xlsx', { maxCells: CELLS });
    expect(read.ok && read.workbook.sheets[0]?.cells.length).toBe(CELLS);
  });

  it('refuses one cell more than the limit with a typed error that states the limit and how to raise it', () => {
    const read = readWorkbook(large, 'large.xlsx', { maxCells: CELLS - 1 });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.kind).toBe('too-large');
    expect(readErrorMessage(read.error, 'zh-CN')).toBe(
      '工作簿超过 5,999 个单元格的检查上限；如确需检查，请提高上限（命令行：--max-cells 数量）',
    );
    expect(readErrorMessage(read.error, 'en-US')).toContain('more than 5,999 cells');
    expect(readErrorMessage(read.error, 'en-US')).toContain('--max-cells');
  });

  it('stops reading at the limit instead of reading on (a later sheet that is missing is never reached)', () => {
    const files = unzipSync(large);
    const text = (name: string) => new TextDecoder().decode(files[name]);
    const withMissingSheet = zipSync({
      ...files,
      'xl/workbook.xml': new TextEncoder().encode(
        text('xl/workbook.xml').replace('</sheets>', '<sheet name="缺失" sheetId="2" r:id="rId2"/></sheets>'),
      ),
      'xl/_rels/workbook.xml.rels': new TextEncoder().encode(
        text('xl/_rels/workbook.xml.rels').replace(
          '</Relationships>',
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
        ),
      ),
    });
    const unlimited = readWorkbook(withMissingSheet, 'x.xlsx');
    expect(!unlimited.ok && unlimited.error.kind).toBe('corrupt');
    const limited = readWorkbook(withMissingSheet, 'x.xlsx', { maxCells: 100 });
    expect(!limited.ok && limited.error.kind).toBe('too-large');
  });

  it('applies to .xls as well', () => {
    const [xls] = convertWithLibreOffice([{ name: 'seed003.xlsx', bytes: sample }], 'xls') as [Uint8Array];
    const read = readWorkbook(xls, 'seed003.xls');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const cells = read.workbook.sheets.reduce((n, s) => n + s.cells.length, 0);
    expect(readWorkbook(xls, 'seed003.xls', { maxCells: cells }).ok).toBe(true);
    const refused = readWorkbook(xls, 'seed003.xls', { maxCells: cells - 1 });
    expect(!refused.ok && refused.error.kind).toBe('too-large');
  });

  it('is set with --max-cells: exit 2 and the limit in one line past it, checked within it', async () => {
    const refused = await run('check', path('large.xlsx'), '--max-cells', '5000');
    expect(refused.code).toBe(EXIT.unusable);
    expect(refused.err.trim().split('\n')).toEqual([
      `${path('large.xlsx')}：工作簿超过 5,000 个单元格的检查上限；如确需检查，请提高上限（命令行：--max-cells 数量）`,
    ]);
    const json = await run('check', path('large.xlsx'), '--max-cells', '5000', '--format', 'json', '--lang', 'en-US');
    expect(JSON.parse(json.out)).toEqual([
      expect.objectContaining({ ok: false, error: expect.stringContaining('more than 5,000 cells') }),
    ]);
    const checked = await run('check', path('large.xlsx'), '--max-cells', String(CELLS));
    expect([EXIT.clean, EXIT.errors]).toContain(checked.code);
    expect(checked.err).toBe('');
    expect((await run('inspect', path('large.xlsx'), '--max-cells', '5000')).code).toBe(EXIT.unusable);
    const fix = await run('fix', path('large.xlsx'), '-o', path('large-fixed.xlsx'), '--max-cells', '5000');
    expect(fix.code).toBe(EXIT.unusable);
    expect(fix.err).toContain('5,000');
  });

  it.each(['0', '-5', '1.5', 'many', ''])('refuses --max-cells %p with exit 2', async (value) => {
    const { code, err } = await run('check', path('large.xlsx'), `--max-cells=${value}`);
    expect(code).toBe(EXIT.unusable);
    expect(err.trim().split('\n')).toEqual([
      '--max-cells 须为正整数',
      '用法：score-audit check|fix|revert|compare|inspect|rules …（score-audit --help 查看说明）',
    ]);
  });
});
