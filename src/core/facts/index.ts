import type { SheetGrid } from '../grid';
import type { WorkbookModel } from '../model';
import type { Profile } from '../profile';
import { sheetFacts } from './find-facts';
import type { Fact } from './schema';

/** Every labelled quantity of the workbook's sheets (the product's own sheets left out), in sheet order. */
export function findFacts(model: WorkbookModel, grids: ReadonlyMap<string, SheetGrid>, profile: Profile): Fact[] {
  return model.sheets.flatMap((sheet) => {
    const grid = grids.get(sheet.name);
    return grid && !sheet.own ? sheetFacts(grid, sheet.tables, profile) : [];
  });
}

export type { Fact };
