import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../src/core/check';
import type { Finding } from '../src/core/finding';
import { tokenize } from '../src/core/formula/tokenize';
import type { WorkbookSnapshot } from '../src/core/snapshot';
import { readWorkbook } from '../src/file/read-workbook';

/**
 * No rule looks at a workbook's file name, its sheets' names or their order: two workbooks of the ExceLint
 * benchmark (test/fixtures/excelint) give the same findings under another file name, with every sheet renamed
 * (formulas that name a sheet follow) and the sheets in reverse order.
 */
const FIXTURES = join(__dirname, 'fixtures/excelint');

function read(file: string, name: string): WorkbookSnapshot {
  const result = readWorkbook(new Uint8Array(readFileSync(join(FIXTURES, file))), name);
  if (!result.ok) throw new Error(result.error.message);
  return result.workbook;
}

/** The snapshot with sheets renamed by `rename` (in formulas too) and listed in reverse order. */
function renamed(snapshot: WorkbookSnapshot, rename: ReadonlyMap<string, string>): WorkbookSnapshot {
  const quote = (name: string) => `'${name.replace(/'/g, "''")}'!`;
  return {
    sheets: snapshot.sheets
      .map((sheet) => ({
        ...sheet,
        name: rename.get(sheet.name) ?? sheet.name,
        cells: sheet.cells.map((cell) => {
          if (!cell.formula) return cell;
          const formula = tokenize(cell.formula)
            .map((t) => {
              const sheetName =
                (t.kind === 'reference' || t.kind === 'name') && t.sheet !== undefined ? t.sheet : undefined;
              const to = sheetName === undefined ? undefined : rename.get(sheetName);
              return to === undefined ? t.text : quote(to) + t.text.slice(t.text.lastIndexOf('!') + 1);
            })
            .join('');
          return { ...cell, formula };
        }),
      }))
      .reverse(),
  };
}

/** Findings as comparable text, sheet names mapped back to the originals. */
function comparable(findings: Finding[], back: ReadonlyMap<string, string>): string[] {
  const restore = (text: string) => [...back].reduce((t, [from, to]) => t.split(from).join(to), text);
  return findings.map((f) => restore(JSON.stringify(f))).sort();
}

describe.each([
  ['VRSinventory01.xlsx', 3],
  ['Regulation.xlsx', 7],
])('%s', (file, regionFindings) => {
  it('gives the same findings under another name, with its sheets renamed and reordered', () => {
    const original = read(file, file);
    const names = new Map(original.sheets.map((s, i) => [s.name, `Sheet·${i + 1}·renamed`]));
    const back = new Map([...names].map(([from, to]) => [to, from]));
    const before = checkWorkbook(original).findings;
    const after = checkWorkbook(renamed(read(file, 'workbook-7.xlsx'), names)).findings;
    expect(before.filter((f) => f.count !== undefined)).toHaveLength(regionFindings);
    expect(comparable(after, back)).toEqual(comparable(before, new Map()));
  });
});
