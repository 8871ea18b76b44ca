import { AUDIT_SHEET } from '../src/core/own-sheets';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { checkWorkbook } from '../src/core/check';
import { decodeAuditSheet } from '../src/core/fix/audit';
import type { CellWrite } from '../src/core/fix/plan';
import type { CellValue, WorkbookSnapshot } from '../src/core/snapshot';
import { fixWorkbook, revertWorkbook } from '../src/file/fix-workbook';
import { readWorkbook } from '../src/file/read-workbook';
import { buildWorkbook, VARIANTS } from './fixtures/build-workbook';
import { runLibreOffice } from './fixtures/libreoffice';
import type { SeedReport } from './fixtures/seed-model';
import { SEEDS } from './fixtures/seeds';
import { sheetOf } from './snapshot-builder';
import { writeXlsx } from '../src/file/xlsx/write-xlsx';

/** A seed with every printed rate, result and grade left blank, so the fill has to compute them all. */
function withDerivedBlank(seed: SeedReport): SeedReport {
  const copy = structuredClone(seed);
  for (const row of [...(copy.summary?.rows ?? []), ...(copy.summary ? [copy.summary.total] : [])]) delete row.rate;
  for (const row of copy.accuracy?.rows ?? []) delete row.printedRate;
  for (const survey of copy.surveys ?? []) {
    survey.printedOverall = ''; // the 总体满意度 row stays, its result blank
    for (const question of survey.questions) delete question.printedResult;
  }
  for (const entry of copy.conclusion?.entries ?? []) if (/率|等级/.test(entry.label)) entry.value = '';
  return copy;
}

function read(bytes: Uint8Array): WorkbookSnapshot {
  const result = readWorkbook(bytes, 'x.xlsx');
  if (!result.ok) throw new Error(result.error.message);
  return result.workbook;
}

function cellOf(snapshot: WorkbookSnapshot, sheet: string, address: string) {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address) ?? [];
  const col = [...(letters ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return snapshot.sheets
    .find((s) => s.name === sheet)
    ?.cells.find((c) => c.row === Number(digits) - 1 && c.col === col);
}

const cases = SEEDS.flatMap((seed) =>
  VARIANTS.map((variant) => ({ name: `${seed.id} ${variant.name}`, seed: withDerivedBlank(seed), variant })),
);
const originals = new Map<string, Uint8Array>();
const fixed = new Map<string, { bytes: Uint8Array; changes: CellWrite[] }>();

beforeAll(async () => {
  for (const { name, seed, variant } of cases) {
    const bytes = (await buildWorkbook(seed, variant)).bytes;
    originals.set(name, bytes);
    const result = fixWorkbook(bytes, `${name}.xlsx`, { now: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) });
    if (!result.ok) throw new Error(result.error.message);
    fixed.set(name, result);
  }
}, 120_000);

/** Fractions the fill must write for the blanks of DOMAIN.md's table (compared at the 4 decimals 0.00% shows). */
const FIGURES: Record<string, Array<[string, string, number | string]>> = {
  '000': [
    ['汇总表', 'D3', 0.8088],
    ['汇总表', 'D4', 0.7304],
    ['汇总表', 'D5', 0.9143],
    ['结论表', 'E11', 1],
    ['结论表', 'E15', '良'],
  ],
  '001': [
    ['结论表', 'C3', 0.3177],
    ['兑现准确率', 'D3', 0.9996],
    ['兑现准确率', 'G3', 0.9996],
    ['兑现准确率', 'D4', 0.9987],
    ['兑现准确率', 'G4', 0.9987],
    ['满意度调查', 'E3', 0.6703],
    ['满意度调查2', 'F3', 0.7581],
    ['结论表', 'E6', '良'],
  ],
  '002': [
    ['结论表', 'E3', 0.2891],
    ['满意度调查', 'F4', 0.7945],
    ['结论表', 'E4', '中'],
  ],
  '003': [
    ['满意度调查', 'G4', 0.93],
    ['满意度调查', 'G5', 0.955],
    ['满意度调查', 'G6', 0.925],
    ['满意度调查', 'G7', 0.935],
    ['满意度调查', 'G8', 0.9363],
    ['评分表', 'G8', 4],
  ],
};

describe.each(cases)('fix on seed $name', ({ name, variant }) => {
  it('fills the blanks with formulas whose cached results are the seeds’ figures, whatever the layout', () => {
    const result = fixed.get(name) as { bytes: Uint8Array; changes: CellWrite[] };
    const snapshot = read(result.bytes);
    const id = name.slice(0, 3);
    // Every layout fills the same values; the addresses below are those of the merged layout.
    // Rates under a （%） header (filldown) are written in percent units: compared here as fractions.
    const values = (changes: CellWrite[]) =>
      changes
        .map((c) =>
          typeof c.value === 'number' && c.reason.includes('计算依据') && !c.format?.includes('%')
            ? Number((c.value / 100).toPrecision(12))
            : typeof c.value === 'number'
              ? Number(c.value.toPrecision(12))
              : c.value,
        )
        .sort();
    expect(values(result.changes)).toEqual(values((fixed.get(`${id} merged`) as { changes: CellWrite[] }).changes));
    if (variant.name !== 'merged') return;
    for (const [sheet, address, figure] of FIGURES[id] ?? []) {
      const cell = cellOf(snapshot, sheet, address);
      const write = result.changes.find((c) => c.sheet === sheet && c.cell === address);
      expect({ at: `${sheet}!${address}`, formula: cell?.formula !== undefined, written: !!write }).toEqual({
        at: `${sheet}!${address}`,
        formula: true,
        written: true,
      });
      const value = cell?.value;
      if (typeof figure === 'string') expect(value).toEqual({ type: 'text', value: figure });
      else
        expect(
          value?.type === 'number' &&
            Math.round(value.value * (figure > 1.5 ? 100 : 10000)) / (figure > 1.5 ? 100 : 10000),
        ).toBe(figure);
    }
  });

  it('changes nothing else: every other cell, the merges and the sheets stay as they were', () => {
    const before = read(originals.get(name) as Uint8Array);
    const after = read((fixed.get(name) as { bytes: Uint8Array }).bytes);
    const written = new Set(
      (fixed.get(name) as { changes: CellWrite[] }).changes.map((c) => `${c.sheet}!${c.row}:${c.col}`),
    );
    expect(after.sheets.map((s) => s.name)).toEqual([
      ...before.sheets.map((s) => s.name),
      ...(written.size > 0 ? [AUDIT_SHEET] : []),
    ]);
    for (const sheet of before.sheets) {
      const next = after.sheets.find((s) => s.name === sheet.name);
      expect(next?.merges).toEqual(sheet.merges);
      expect(next?.visibility).toBe(sheet.visibility);
      const keep = (cells: WorkbookSnapshot['sheets'][number]['cells']) =>
        cells.filter((c) => !written.has(`${sheet.name}!${c.row}:${c.col}`));
      expect(keep(next?.cells ?? [])).toEqual(keep(sheet.cells));
    }
  });

  it('keeps every part it does not edit byte for byte, and the styles of untouched cells', () => {
    const before = unzipSync(originals.get(name) as Uint8Array);
    const after = unzipSync((fixed.get(name) as { bytes: Uint8Array }).bytes);
    const edited = new Set([
      'xl/workbook.xml',
      'xl/styles.xml',
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      'xl/calcChain.xml',
    ]);
    const changedSheets = new Set<string>();
    for (const path of Object.keys(before)) {
      if (edited.has(path)) continue;
      if (strFromU8(before[path] as Uint8Array) !== strFromU8((after[path] ?? new Uint8Array()) as Uint8Array))
        changedSheets.add(path);
    }
    const sheetsWritten = new Set((fixed.get(name) as { changes: CellWrite[] }).changes.map((c) => c.sheet)).size;
    expect(changedSheets.size).toBe(sheetsWritten);
    for (const path of changedSheets) {
      expect(path).toMatch(/^xl\/worksheets\/sheet\d+\.xml$/);
      // Column widths, merges, views, page setup: everything outside the cell data of an edited sheet is untouched.
      const outside = (xml: string) => xml.slice(0, xml.indexOf('<sheetData')) + xml.slice(xml.indexOf('</sheetData>'));
      if (before[path])
        expect(outside(strFromU8(after[path] as Uint8Array))).toBe(outside(strFromU8(before[path] as Uint8Array)));
    }
    // The workbook part changes only by the recalculation flag and the added audit sheet: names, views, order stay.
    const workbook = (bytes: Uint8Array) =>
      strFromU8(bytes)
        .replace(/<calcPr\b[^>]*\/>/, '')
        .replace(/<sheet\b[^>]*name="审核记录"[^>]*\/>/, '')
        .replace(/\s+fullCalcOnLoad="1"/, '');
    expect(workbook(after['xl/workbook.xml'] as Uint8Array)).toBe(
      workbook(before['xl/workbook.xml'] as Uint8Array).replace(/<calcPr\b[^>]*\/>/, ''),
    );
    // Styles are only appended to: every original cell style keeps its index and definition.
    const xfs = (xml: string) =>
      xml.slice(xml.indexOf('<cellXfs'), xml.indexOf('</cellXfs>')).match(/<xf\b[^>]*?(\/>|>[\s\S]*?<\/xf>)/g) ?? [];
    const original = xfs(strFromU8(before['xl/styles.xml'] as Uint8Array));
    expect(xfs(strFromU8(after['xl/styles.xml'] as Uint8Array)).slice(0, original.length)).toEqual(original);
    if (sheetsWritten > 0) expect(strFromU8(after['xl/workbook.xml'] as Uint8Array)).toContain('fullCalcOnLoad="1"');
  });

  it('reverts to the original cell by cell, and a second fix adds nothing', () => {
    const result = fixed.get(name) as { bytes: Uint8Array; changes: CellWrite[] };
    const back = revertWorkbook(result.bytes, 'fixed.xlsx');
    expect(back.ok && back.restored).toBe(result.changes.length);
    if (!back.ok) return;
    expect(read(back.bytes).sheets).toEqual(read(originals.get(name) as Uint8Array).sheets);
    const again = fixWorkbook(result.bytes, 'fixed.xlsx');
    expect(again.ok && again.changes).toEqual([]);
    expect(again.ok && again.bytes).toBe(result.bytes);
  });
});

describe('the audit sheet', () => {
  it('lists every change with old and new content, and keeps formula-looking text as text', async () => {
    // A rate cell holding the text "=1+1" (typed, not a formula): picking its fix overwrites it, and the old
    // content goes into the audit sheet as text.
    const sheet = sheetOf('汇总', [
      ['一级指标', '分值', '得分', '得分率'],
      ['决策', 20, 18, '=1+1'],
      ['过程', 80, 72, { value: 0.9, format: '0.00%' }],
      ['合计', 100, 90, { value: 0.9, format: '0.00%' }],
    ]);
    const bytes = writeXlsx({ sheets: [sheet] });
    const result = fixWorkbook(bytes, 'x.xlsx', {
      picked: [{ sheet: '汇总', cell: 'D2' }],
      now: new Date(Date.UTC(2026, 0, 2)),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.changes.map((c) => [c.cell, c.formula, c.value])).toEqual([['D2', 'C2/B2', 0.9]]);
    const audit = read(result.bytes).sheets.find((s) => s.name === AUDIT_SHEET);
    const rows = new Map<number, string[]>();
    for (const cell of audit?.cells ?? []) {
      expect(cell.formula).toBeUndefined();
      rows.set(cell.row, [
        ...(rows.get(cell.row) ?? []),
        cell.value.type === 'text' ? cell.value.value : `<${cell.value.type}>`,
      ]);
    }
    expect(rows.get(0)).toEqual([
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
    expect(rows.get(1)?.slice(0, 7)).toEqual([
      '2026-01-02 00:00:00',
      '1',
      '汇总',
      'D2',
      '=1+1',
      '=C2/B2 → 0.9',
      'rate/wrong',
    ]);
  });

  it('never writes a filled cell unless its fix was picked', () => {
    const sheet = sheetOf('汇总', [
      ['一级指标', '分值', '得分', '得分率'],
      ['决策', 20, 18, { value: 0.5, format: '0.00%' }],
      ['过程', 80, 72, null],
      ['合计', 100, 90, { value: 0.9, format: '0.00%' }],
    ]);
    const result = fixWorkbook(writeXlsx({ sheets: [sheet] }), 'x.xlsx');
    expect(result.ok && result.changes.map((c) => [c.cell, c.code])).toEqual([['D3', 'derived/missing']]);
  });
});

/** Every cached formula result zeroed, so figures read after a recalculation can only come from the program. */
function zeroed(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  for (const path of Object.keys(files)) {
    if (!path.startsWith('xl/worksheets/')) continue;
    files[path] = strToU8(
      strFromU8(files[path] as Uint8Array).replace(
        /(<c\b[^>]*?)(\st="(?:str|b|e)")?(>)<f>([^<]*)<\/f><v>[^<]*<\/v>/g,
        '$1$3<f>$4</f><v>0</v>',
      ),
    );
  }
  return zipSync(files);
}

/**
 * A workbook whose fill has formulas depending on it: 得分率 blank in D2:D3, a total over them (E5 =SUM(D2:D3))
 * and a formula over that total (F5 =E5*100), both saved before the fill (results 0), and a volatile one (G5).
 */
function dependentWorkbook(): Uint8Array {
  return writeXlsx({
    sheets: [
      sheetOf('汇总', [
        ['一级指标', '分值', '得分', '得分率'],
        ['决策', 20, 18, { value: 0.75, format: '0.00%' }],
        ['过程', 80, 72, null],
        ['效益', 40, 30, null],
        [
          '合计',
          null,
          null,
          null,
          { formula: 'SUM(D3:D4)', value: 0 },
          { formula: 'E5*100', value: 0, format: '0.00' },
          { formula: 'E5+NOW()*0', value: 0 },
        ],
      ]),
    ],
  });
}

let recalculation = new Map<string, WorkbookSnapshot>();
let xls: Uint8Array | undefined;

// Both of this file's LibreOffice jobs in one start (runLibreOffice): every fixed workbook recalculated from zeroed
// results, so figures can only come from LibreOffice computing the formulas, and seed 001 saved as .xls.
beforeAll(async () => {
  const fixedDependent = fixWorkbook(dependentWorkbook(), 'dependent.xlsx');
  if (!fixedDependent.ok) throw new Error(fixedDependent.error.message);
  fixed.set('dependent', fixedDependent);
  const names = [...cases.map((c) => c.name), 'dependent'];
  const seed = withDerivedBlank(SEEDS.find((s) => s.id === '001') as SeedReport);
  const source = (await buildWorkbook(seed, VARIANTS[0] as (typeof VARIANTS)[number])).bytes;
  const [asXls, ...recalculated] = runLibreOffice([
    { name: '001.xlsx', bytes: source, format: 'xls' },
    ...names.map((name) => ({
      name: `${name}.xlsx`,
      bytes: zeroed((fixed.get(name) as { bytes: Uint8Array }).bytes),
      format: 'xlsx' as const,
    })),
  ]);
  xls = asXls;
  recalculation = new Map(names.map((name, i) => [name, read(recalculated[i] as Uint8Array)]));
}, 240_000);

/** LibreOffice writes 15 significant digits: a stored result agrees when equal at those (up to the last one). */
function agrees(ours: CellValue, theirs: CellValue | undefined): boolean {
  if (!theirs || ours.type !== theirs.type) return false;
  if (ours.type === 'number' && theirs.type === 'number')
    return (
      Number(ours.value.toPrecision(15)) === theirs.value ||
      Math.abs(ours.value - theirs.value) <= 1e-14 * Math.max(Math.abs(ours.value), Math.abs(theirs.value))
    );
  return (ours as { value?: unknown }).value === (theirs as { value?: unknown }).value;
}

describe('recalculated by LibreOffice', () => {
  it('the filled formulas compute the seeds’ figures themselves, and the files open without repair', () => {
    const names = cases.filter((c) => c.variant.name === 'merged' && FIGURES[c.name.slice(0, 3)]).map((c) => c.name);
    names.forEach((name) => {
      const snapshot = recalculation.get(name) as WorkbookSnapshot;
      for (const [sheet, address, figure] of FIGURES[name.slice(0, 3)] ?? []) {
        const value = cellOf(snapshot, sheet, address)?.value;
        if (typeof figure === 'string')
          expect({ at: `${name} ${sheet}!${address}`, value }).toEqual({
            at: `${name} ${sheet}!${address}`,
            value: { type: 'text', value: figure },
          });
        else {
          const shown =
            value?.type === 'number'
              ? Math.round(value.value * (figure > 1.5 ? 100 : 10000)) / (figure > 1.5 ? 100 : 10000)
              : value;
          expect({ at: `${name} ${sheet}!${address}`, shown }).toEqual({
            at: `${name} ${sheet}!${address}`,
            shown: figure,
          });
        }
      }
    });
  }, 240_000);

  it.each([...cases.map((c) => c.name), 'dependent'])(
    'every formula of fixed %s stores the result LibreOffice computes for it',
    (name) => {
      const ours = read((fixed.get(name) as { bytes: Uint8Array }).bytes);
      const theirs = recalculation.get(name) as WorkbookSnapshot;
      const differences: string[] = [];
      let formulas = 0;
      for (const sheet of ours.sheets)
        for (const cell of sheet.cells) {
          if (cell.formula === undefined || /NOW\(/.test(cell.formula)) continue;
          formulas++;
          const other = theirs.sheets
            .find((s) => s.name === sheet.name)
            ?.cells.find((c) => c.row === cell.row && c.col === cell.col)?.value;
          if (!agrees(cell.value, other))
            differences.push(
              `${sheet.name}!${cell.row}:${cell.col} =${cell.formula}: ${JSON.stringify(cell.value)} vs ${JSON.stringify(other)}`,
            );
        }
      expect({ formulas, differences }).toEqual({ formulas, differences: [] });
    },
    240_000,
  );
});

describe('formulas that depend on the written cells', () => {
  it('get their stored results recomputed in the same write, directly and transitively, recorded and reverted', () => {
    const original = dependentWorkbook();
    const result = fixWorkbook(original, 'dependent.xlsx', { now: new Date(Date.UTC(2026, 0, 2)) });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.changes.map((c) => [c.cell, c.formula])).toEqual([
      ['D3', 'C3/B3'],
      ['D4', 'C4/B4'],
    ]);
    expect(result.recomputed.map((r) => [r.cell, r.formula, r.old, r.value])).toEqual([
      ['E5', 'SUM(D3:D4)', { type: 'number', value: 0 }, { type: 'number', value: 1.65 }],
      ['F5', 'E5*100', { type: 'number', value: 0 }, { type: 'number', value: 165 }],
    ]);
    expect(result.notRecomputed).toEqual([{ sheet: '汇总', cell: 'G5', formula: 'E5+NOW()*0' }]);
    const after = read(result.bytes);
    expect(cellOf(after, '汇总', 'E5')).toMatchObject({
      formula: 'SUM(D3:D4)',
      value: { type: 'number', value: 1.65 },
    });
    expect(cellOf(after, '汇总', 'F5')).toMatchObject({
      formula: 'E5*100',
      value: { type: 'number', value: 165 },
      format: '0.00',
    });
    const log = decodeAuditSheet(
      after.sheets.find((s) => s.name === AUDIT_SHEET) as WorkbookSnapshot['sheets'][number],
    );
    expect(log?.records.map((r) => [r.cell, r.kind, r.reason])).toEqual([
      ['D3', 'write', expect.any(String)],
      ['D4', 'write', expect.any(String)],
      ['E5', 'recalc', '重新计算：引用的单元格已修改'],
      ['F5', 'recalc', '重新计算：引用的单元格已修改'],
    ]);
    const back = revertWorkbook(result.bytes, 'fixed.xlsx');
    expect(back.ok && back.restored).toBe(2);
    if (!back.ok) return;
    expect(read(back.bytes).sheets).toEqual(read(original).sheets);
  });
});

describe('a second check of a fixed file', () => {
  it.each(cases.map((c) => c.name))('finds nothing on %s that the first check did not', (name) => {
    const key = (f: { code: string; sheet: string; cell: string }) => `${f.code} ${f.sheet}!${f.cell}`;
    const first = new Set(checkWorkbook(read(originals.get(name) as Uint8Array)).findings.map(key));
    const second = checkWorkbook(read((fixed.get(name) as { bytes: Uint8Array }).bytes)).findings.map(key);
    expect(second.filter((f) => !first.has(f))).toEqual([]);
  });
});

/**
 * The same package written with a namespace prefix on every SpreadsheetML element (`<x:worksheet>`, `<x:sheetData>`,
 * `<x:c>` …), as the Open XML SDK and some exporters write it.
 */
function withNamespacePrefix(xlsx: Uint8Array): Uint8Array {
  const files = unzipSync(xlsx);
  for (const path of Object.keys(files)) {
    if (!/^xl\/(workbook|styles|worksheets\/sheet\d+)\.xml$/.test(path)) continue;
    const xml = strFromU8(files[path] as Uint8Array)
      .replace(
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
        'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
      )
      .replace(/<(\/?)([A-Za-z][\w]*)(?=[\s>/])/g, '<$1x:$2');
    files[path] = strToU8(xml);
  }
  return zipSync(files);
}

describe('a workbook written with namespace prefixes', () => {
  it('is fixed like its plain copy, keeps the prefix in what it writes, and reverts', async () => {
    const seed = withDerivedBlank(SEEDS.find((s) => s.id === '001') as SeedReport);
    const plain = (await buildWorkbook(seed, VARIANTS[0] as (typeof VARIANTS)[number])).bytes;
    const prefixed = withNamespacePrefix(plain);
    expect(strFromU8(unzipSync(prefixed)['xl/worksheets/sheet1.xml'] as Uint8Array)).toContain('<x:sheetData>');
    expect(read(prefixed).sheets).toEqual(read(plain).sheets);
    const now = new Date(Date.UTC(2026, 0, 2));
    const fixedPlain = fixWorkbook(plain, 'plain.xlsx', { now });
    const fixedPrefixed = fixWorkbook(prefixed, 'prefixed.xlsx', { now });
    if (!fixedPrefixed.ok || !fixedPlain.ok) throw new Error('fix failed');
    expect(fixedPrefixed.changes).toEqual(fixedPlain.changes);
    expect(fixedPrefixed.changes.length).toBeGreaterThan(0);
    expect(read(fixedPrefixed.bytes).sheets).toEqual(read(fixedPlain.bytes).sheets);
    const files = unzipSync(fixedPrefixed.bytes);
    for (const path of [
      'xl/workbook.xml',
      'xl/styles.xml',
      ...Object.keys(files).filter((p) => /sheet\d+\.xml$/.test(p)),
    ]) {
      const xml = strFromU8(files[path] as Uint8Array);
      if (!xml.includes('xmlns:x=')) continue; // the added audit sheet is ours, in the default namespace
      // Every element the editor wrote carries the prefix: no element of the default namespace, which is not declared.
      expect({ path, unprefixed: xml.match(/<\/?(?![?!])(?![A-Za-z][\w.-]*:)[A-Za-z][\w]*(?=[\s>/])/g) }).toEqual({
        path,
        unprefixed: null,
      });
    }
    const back = revertWorkbook(fixedPrefixed.bytes, 'fixed.xlsx');
    expect(back.ok && read(back.bytes).sheets).toEqual(read(prefixed).sheets);
  });
});

describe('.xls input', () => {
  it('is fixed into an .xlsx, and says so', () => {
    const result = fixWorkbook(xls as Uint8Array, '001.xls');
    expect(result.ok && result.convertedFromXls).toBe(true);
    if (!result.ok) return;
    expect(readWorkbook(result.bytes, 'out.xlsx')).toMatchObject({
      ok: true,
      workbook: { source: { format: 'xlsx' } },
    });
    const value = cellOf(read(result.bytes), '结论表', 'C3')?.value;
    expect(value?.type === 'number' && Math.round(value.value * 10000) / 10000).toBe(0.3177);
  });
});
