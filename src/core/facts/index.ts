import type { SheetGrid } from '../grid';
import type { WorkbookModel } from '../model';
import type { Profile } from '../profile';
import { sheetFacts } from './find-facts';
import type { Fact } from './schema';

/** Every labelled quantity of the workbook's sheets (the product's own sheets left out), in sheet order. */
export function findFacts(model: WorkbookModel, grids: ReadonlyMap<string, SheetGrid>, profile: Profile): Fact[] {
  const facts = model.sheets.flatMap((sheet) => {
    const grid = grids.get(sheet.name);
    return grid && !sheet.own ? sheetFacts(grid, sheet.tables, profile) : [];
  });
  return withSubmissionYear(facts);
}

/**
 * A form whose heading states another year than the others is one finding (the year differs), not one per figure:
 * its figures are read as of the year most headings state.
 */
function withSubmissionYear(facts: Fact[]): Fact[] {
  const headings = facts.filter((f) => f.quantity === '年度' && f.year !== undefined);
  if (headings.length < 2) return facts;
  const counts = new Map<number, number>();
  for (const h of headings) counts.set(h.year as number, (counts.get(h.year as number) ?? 0) + 1);
  const [year, count] = [...counts].sort((a, b) => b[1] - a[1])[0] as [number, number];
  if (count * 2 <= headings.length) return facts;
  const odd = new Map(headings.filter((h) => h.year !== year).map((h) => [h.figure.sheet, h.year]));
  return facts.map((f) =>
    f.quantity !== '年度' && odd.has(f.figure.sheet) && f.year === odd.get(f.figure.sheet) ? { ...f, year } : f,
  );
}

export type { Fact };
