import { REPORT_SHEET } from '../src/core/own-sheets';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { checkWorkbook } from '../src/core/check';
import type { WorkbookSnapshot } from '../src/core/snapshot';
import { fixWorkbook } from '../src/file/fix-workbook';
import { readWorkbook } from '../src/file/read-workbook';
import { writeReportSheet } from '../src/file/report-sheet';
import { decodeXmlText } from '../src/file/xlsx/xml-scanner';
import { cspOf, cspProblems, OFFICE_ORIGIN } from './csp';
import { hostileWorkbook } from './fixtures/hostile-workbook';

/**
 * Workbook text is data. Labels and sheet names such as =1+1, +1+1, @SUM(A1), =HYPERLINK(…) and <img onerror> are
 * read as text, and what `fix` and the report sheet write keeps them as text: inside a formula a sheet name appears
 * only as a quoted reference ('=1+1'!C3), which Excel never runs. Rendering is covered in security-render.test.tsx
 * and the standalone page in Chromium in e2e/pages.test.ts and e2e/layout.test.ts.
 */
let hostile: Awaited<ReturnType<typeof hostileWorkbook>>;
beforeAll(async () => {
  hostile = await hostileWorkbook();
});

function read(bytes: Uint8Array): WorkbookSnapshot {
  const result = readWorkbook(bytes, 'hostile.xlsx');
  if (!result.ok) throw new Error(result.error.message);
  return result.workbook;
}

/** The text of every <f> in the package's worksheets, entities decoded. */
function formulas(xlsx: Uint8Array): string[] {
  const parts = unzipSync(xlsx, { filter: (file) => /^xl\/worksheets\/[^/]+\.xml$/.test(file.name) });
  return Object.values(parts).flatMap((xml) =>
    [...new TextDecoder().decode(xml).matchAll(/<f\b[^>]*>([\s\S]*?)<\/f>/g)].map((m) => decodeXmlText(m[1] ?? '')),
  );
}

/** What is left of a formula once the quoted references to the workbook's sheets ('name'!) are taken out. */
function withoutSheetReferences(formula: string, sheets: readonly string[]): string {
  return sheets.reduce((rest, sheet) => rest.split(`'${sheet.replace(/'/g, "''")}'!`).join(''), formula);
}

/** Problems if hostile text reached a formula, or a cell holding it is not a plain text cell. */
function leaks(xlsx: Uint8Array): string[] {
  const problems: string[] = [];
  const workbook = read(xlsx);
  const sheets = workbook.sheets.map((s) => s.name);
  for (const formula of formulas(xlsx)) {
    const rest = withoutSheetReferences(formula, sheets);
    for (const text of hostile.labels) if (rest.includes(text)) problems.push(`<f>${formula}</f> holds ${text}`);
  }
  for (const sheet of workbook.sheets) {
    for (const cell of sheet.cells) {
      const shown = cell.value.type === 'text' ? cell.value.value : '';
      if (!hostile.labels.some((text) => shown.includes(text))) continue;
      if (cell.formula !== undefined)
        problems.push(
          `${sheet.name} row ${cell.row} col ${cell.col} shows hostile text from a formula: ${cell.formula}`,
        );
    }
  }
  return problems;
}

/** Every hostile text that some cell of the sheet holds as plain text. */
function textsIn(workbook: WorkbookSnapshot, sheet: string): string[] {
  const cells = workbook.sheets.find((s) => s.name === sheet)?.cells ?? [];
  return hostile.labels.filter((text) =>
    cells.some((cell) => cell.value.type === 'text' && cell.formula === undefined && cell.value.value.includes(text)),
  );
}

describe('hostile labels and sheet names', () => {
  it('are read as text cells and sheet names, never as formulas', () => {
    const workbook = read(hostile.bytes);
    expect(workbook.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([...hostile.sheetNames]));
    for (const name of hostile.sheetNames.slice(2)) expect(textsIn(workbook, name)).toEqual([...hostile.labels]);
    expect(leaks(hostile.bytes)).toEqual([]);
  });

  it('stay text in what fix writes: the changed cells, the formulas over renamed sheets, and 审核记录', () => {
    const fixed = fixWorkbook(hostile.bytes, 'hostile.xlsx', { now: new Date('2026-01-02T03:04:05Z') });
    expect(fixed.ok).toBe(true);
    if (!fixed.ok) return;
    // The fill refers to cells of sheets named <img …> and @SUM(A1), and records a reason naming the <img …> indicator.
    expect(fixed.changes.map((c) => c.sheet)).toEqual(expect.arrayContaining(['评分表', '@SUM(A1)']));
    expect(fixed.changes.some((c) => c.formula?.includes("'<img src=x onerror=alert(1)>'!"))).toBe(true);
    expect(leaks(fixed.bytes)).toEqual([]);
    expect(textsIn(read(fixed.bytes), '审核记录')).toEqual(
      expect.arrayContaining(['<img src=x onerror=alert(1)>', '@SUM(A1)']),
    );
  });

  it('stay text in the report sheet: sheet names, messages, and links whose formula quotes the sheet', () => {
    const result = checkWorkbook(read(hostile.bytes));
    const report = writeReportSheet(hostile.bytes, result, 'zh-CN');
    expect(leaks(report)).toEqual([]);
    const written = read(report);
    expect(textsIn(written, REPORT_SHEET)).toEqual(
      expect.arrayContaining(['<img src=x onerror=alert(1)>', '@SUM(A1)', '+1+1', '-2+3', '=1+1']),
    );
    const links =
      written.sheets.find((s) => s.name === REPORT_SHEET)?.cells.filter((c) => c.formula?.startsWith('HYPERLINK(')) ??
      [];
    expect(links.map((c) => c.formula)).toEqual(
      expect.arrayContaining(['HYPERLINK("#\'=1+1\'!A1","A1")', 'HYPERLINK("#\'@SUM(A1)\'!G4","G4")']),
    );
  });

  it('the leak check itself catches a label written into a formula', () => {
    // Guards the guard: the same package with one label pasted into a <f> must be flagged.
    const parts = unzipSync(hostile.bytes);
    const path = 'xl/worksheets/sheet1.xml';
    const xml = parts[path] as Uint8Array;
    const tampered = new TextDecoder()
      .decode(xml)
      .replace('</sheetData>', '<row r="999"><c r="A999"><f>1+1+1</f><v>3</v></c></row></sheetData>');
    expect(leaks(zipSync({ ...parts, [path]: new TextEncoder().encode(tampered) }))).toEqual([
      expect.stringContaining('holds +1+1'),
    ]);
  });
});

describe('the pages’ Content-Security-Policy', () => {
  const load = createRequire(__filename);
  const config = (
    load(join(__dirname, '..', 'webpack.config.js')) as (env: unknown, argv: { mode: string }) => { plugins: object[] }
  )({}, { mode: 'production' });
  const pages = config.plugins
    .filter((plugin) => plugin.constructor.name === 'HtmlWebpackPlugin')
    .map((plugin) => (plugin as { userOptions: { filename: string; templateContent: string } }).userOptions);

  it.each(pages.map((p) => [p.filename, p] as const))(
    '%s allows only its own origin (and office.js’s for the task pane), no eval',
    (_name, page) => {
      const csp = cspOf(page.templateContent);
      expect(cspProblems(csp, { office: page.filename === 'taskpane.html' })).toEqual([]);
      expect(csp).not.toContain('unsafe-eval');
    },
  );

  it.each([
    [
      'eval',
      "default-src 'self'; script-src 'self' 'unsafe-eval'; object-src 'none'; base-uri 'self'",
      "script-src allows 'unsafe-eval'",
    ],
    [
      'a remote script origin',
      "default-src 'self'; script-src 'self' https://cdn.example.com; object-src 'none'; base-uri 'self'",
      'script-src allows https://cdn.example.com',
    ],
    [
      'office.js on the standalone page',
      `default-src 'self'; script-src 'self' ${OFFICE_ORIGIN}; object-src 'none'; base-uri 'self'`,
      `script-src allows ${OFFICE_ORIGIN}`,
    ],
    [
      'inline scripts',
      "default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'",
      "script-src allows 'unsafe-inline'",
    ],
    [
      'remote images',
      "default-src 'self'; script-src 'self'; img-src *; object-src 'none'; base-uri 'self'",
      'img-src allows *',
    ],
    [
      'connections anywhere',
      "default-src 'self'; script-src 'self'; connect-src https:; object-src 'none'; base-uri 'self'",
      'connect-src allows https:',
    ],
    ['plugins', "default-src 'self'; script-src 'self'; base-uri 'self'", "object-src must be 'none'"],
  ])('the check refuses %s', (_what, csp, problem) => {
    expect(cspProblems(csp, { office: false })).toContain(problem);
  });
});
