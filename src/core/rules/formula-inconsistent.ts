import { cellAddress } from '../address';
import type { SheetGrid } from '../grid';
import { skeletonOf } from '../formula/parse';
import { formulaAt, sheetFormulas, type FormulaCell } from '../formula/sheet-formulas';
import { defineRule, type RuleReport } from './rule';

/** Copies on one side needed before a cell at the end of a run is judged against them. */
const MIN_RUN = 2;

/** True when `total` aggregates a range that covers `cell`: a 合计 under (or beside) its column of formulas is no copy. */
function aggregates(total: FormulaCell, cell: FormulaCell): boolean {
  return total.references.some(
    (r) =>
      r.sheet === undefined &&
      r.shape === 'range' &&
      r.top <= cell.cell.row &&
      cell.cell.row <= r.bottom &&
      r.left <= cell.cell.col &&
      cell.cell.col <= r.right,
  );
}

/** True when both formulas parse to one construction (`SUM(@)/@`), whatever cells they read. */
function sameConstruction(a: FormulaCell, b: FormulaCell): boolean {
  return !!a.node && !!b.node && skeletonOf(a.node) === skeletonOf(b.node);
}

/**
 * The odd cell of a pattern, along one direction (down a column or along a row): returns the copies it breaks.
 * - between two copies of one formula (same R1C1 form, with a moving reference) it differs from: Excel's
 *   "inconsistent formula" test;
 * - at the end of a run of at least two copies, when it is built the same way (same construction) but reads
 *   other cells: a copy whose references were edited or shifted. A total of the run (a range over it) is exempt.
 */
function brokenPattern(grid: SheetGrid, self: FormulaCell, dr: number, dc: number): FormulaCell[] | undefined {
  const { row, col } = self.cell;
  const before = formulaAt(grid, row - dr, col - dc);
  const after = formulaAt(grid, row + dr, col + dc);
  if (before && after) {
    if (
      !before.relative ||
      before.pattern !== after.pattern ||
      self.pattern === before.pattern ||
      aggregates(self, before) ||
      aggregates(self, after)
    )
      return undefined;
    // Rows (or columns) that alternate two formulas, as a sum row under each average row, form a pattern of two.
    const alternates = [formulaAt(grid, row - 2 * dr, col - 2 * dc), formulaAt(grid, row + 2 * dr, col + 2 * dc)].some(
      (f) => f?.pattern === self.pattern,
    );
    return alternates ? undefined : [before, after];
  }
  const [near, step] = before ? [before, -1] : after ? [after, 1] : [undefined, 0];
  if (
    !near ||
    !near.relative ||
    near.pattern === self.pattern ||
    !sameConstruction(near, self) ||
    aggregates(self, near)
  )
    return undefined;
  const run = [near];
  for (let k = 2; run.length < MIN_RUN; k++) {
    const next = formulaAt(grid, row + step * k * dr, col + step * k * dc);
    if (!next || next.pattern !== near.pattern) return undefined;
    run.push(next);
  }
  return run;
}

/**
 * A formula that breaks the pattern of its row or column neighbours: copies of one formula (compared in R1C1
 * form without numbers, so `=C3/B3` and `=C4/B4` are equal, and so are `=G3/28` and `=G4/31`) with one cell that
 * reads other cells. The odd cell is reported, with the copies it breaks as related cells; its neighbours are
 * not. A cell that copies any of its four neighbours is part of a pattern and never reported.
 */
export const formulaInconsistent = defineRule({
  code: 'formula/inconsistent',
  severity: 'warning',
  name: { 'zh-CN': '公式不一致', 'en-US': 'Inconsistent formula' },
  description: {
    'zh-CN': '公式与同行或同列相邻的公式模式不一致（按 R1C1 形式比较），如某一行的执行率引用了别的单元格',
    'en-US':
      'A formula breaks the pattern of its row or column neighbours (compared in R1C1 form), e.g. one rate that reads other cells',
  },
  messages: {
    inconsistent: {
      'zh-CN': '公式 ={formula} 与相邻单元格 {first}、{second} 的公式模式不一致',
      'en-US': 'The formula ={formula} breaks the pattern of its neighbours {first} and {second}',
    },
    runEnd: {
      'zh-CN': '公式 ={formula} 与相邻的 {first}、{second} 构造相同但引用不同单元格',
      'en-US': 'The formula ={formula} is built like its neighbours {first} and {second} but reads other cells',
    },
  },
  check({ snapshot, grids }) {
    const reports: RuleReport<'inconsistent' | 'runEnd'>[] = [];
    for (const sheet of snapshot.sheets) {
      const grid = grids.get(sheet.name);
      if (!grid) continue;
      for (const self of sheetFormulas(grid).values()) {
        const { row, col } = self.cell;
        if (self.references.length === 0) continue; // =18+3 is arithmetic typed into a cell, not a copy gone wrong
        // A copy of any neighbour belongs to a pattern: tables whose columns alternate (amount, change, amount)
        // break the row pattern in every row, by design.
        if (
          [
            [row - 1, col],
            [row + 1, col],
            [row, col - 1],
            [row, col + 1],
          ].some(([r, c]) => formulaAt(grid, r as number, c as number)?.pattern === self.pattern)
        )
          continue;
        const broken = brokenPattern(grid, self, 1, 0) ?? brokenPattern(grid, self, 0, 1);
        if (!broken) continue;
        const [first, second] = broken.map((f) => cellAddress(f.cell.row, f.cell.col)) as [string, string];
        const between =
          broken.some((f) => f.cell.row > self.cell.row || f.cell.col > self.cell.col) &&
          broken.some((f) => f.cell.row < self.cell.row || f.cell.col < self.cell.col);
        reports.push({
          messageId: between ? 'inconsistent' : 'runEnd',
          data: { formula: self.cell.formula ?? '', first, second },
          sheet: sheet.name,
          cell: cellAddress(self.cell.row, self.cell.col),
          related: [
            { sheet: sheet.name, cell: first },
            { sheet: sheet.name, cell: second },
          ],
        });
      }
    }
    return reports;
  },
});
