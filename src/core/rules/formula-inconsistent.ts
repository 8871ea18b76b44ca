import { cellAddress } from '../address';
import type { SheetGrid } from '../grid';
import { resolveReference, skeletonOf } from '../formula/parse';
import { shiftFormula, tokenize, type ReferenceToken } from '../formula/tokenize';
import { formulaAt, sheetFormulas, type FormulaCell } from '../formula/sheet-formulas';
import type { Orientation } from '../formula/regions';
import { cellKey, lineOf, plugOf, readsOwnLine, sheetRegions } from '../formula/sheet-regions';
import { formatNumber } from '../numbers';
import { cellCountOf, othersOfLine, regionReport, regionSubject, shown } from './region-text';
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

/** True when both read the same cells relative to their own (same fingerprint): copies, whatever the order of terms. */
const copies = (a: FormulaCell | undefined, b: FormulaCell) =>
  !!a && (a.pattern === b.pattern || a.fingerprint.key === b.fingerprint.key);

/**
 * True when the line the cell lies on, along the direction, has a dominant formula (more than half of its cells)
 * and it is the one the cell breaks: without one, the line holds different formulas by design (a row of rates
 * of different measures), and there is no pattern to break.
 */
function dominantLine(grid: SheetGrid, self: FormulaCell, copy: FormulaCell, orientation: Orientation): boolean {
  const line = lineOf(grid, self.cell.row, self.cell.col, orientation);
  return !!line && line.dominant === copy.fingerprint.key && line.dominantCells * 2 > line.cells;
}

/**
 * What the copy would read written at the cell's place: the same cells ('same': `=H22/H113` for `=H23/$H$113`,
 * right now but wrong once copied), only empty cells where the cell reads others ('empty': the author pointed
 * the formula at the cell that holds the figure on this row, a subtotal kept in the next column, which is no
 * copy gone wrong), or other cells.
 */
function copyHere(grid: SheetGrid, self: FormulaCell, copy: FormulaCell): 'same' | 'empty' | 'other' {
  const text = shiftFormula(copy.cell.formula ?? '', self.cell.row - copy.cell.row, self.cell.col - copy.cell.col);
  const own = self.references;
  const differing = tokenize(text)
    .filter((t): t is ReferenceToken => t.kind === 'reference')
    .map((t) => resolveReference(t, self.cell))
    .filter(
      (r) =>
        !own.some(
          (o) =>
            o.sheet === r.sheet && o.top === r.top && o.left === r.left && o.bottom === r.bottom && o.right === r.right,
        ),
    );
  if (differing.length === 0) return 'same';
  const empty = differing.every((r) => {
    if (r.sheet !== undefined || (r.bottom - r.top + 1) * (r.right - r.left + 1) > 1000) return false;
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const cell = grid.cell(row, col);
        if (cell && (cell.formula || cell.value.type !== 'empty')) return false;
      }
    return true;
  });
  return empty ? 'empty' : 'other';
}

/** The first formula of a division in the range a total adds: the example a rates message shows. */
function firstRate(grid: SheetGrid, range: { top: number; bottom: number; left: number; right: number }) {
  for (let row = range.top; row <= Math.min(range.bottom, grid.rowCount - 1); row++)
    for (let col = range.left; col <= Math.min(range.right, grid.colCount - 1); col++) {
      const formula = formulaAt(grid, row, col);
      const node = formula?.node;
      if (node?.kind === 'binary' && (node.op === '/' || node.op === '*')) return formula?.cell;
    }
  return undefined;
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
  const orientation: Orientation = dr === 1 ? 'columns' : 'rows';
  if (readsOwnLine(self, orientation)) return undefined;
  const before = formulaAt(grid, row - dr, col - dc);
  const after = formulaAt(grid, row + dr, col + dc);
  if (before && after) {
    if (
      !before.relative ||
      !copies(after, before) ||
      copies(self, before) ||
      aggregates(self, before) ||
      aggregates(self, after) ||
      !dominantLine(grid, self, before, orientation)
    )
      return undefined;
    // Rows (or columns) that alternate two formulas, as a sum row under each average row, form a pattern of two.
    const alternates = [formulaAt(grid, row - 2 * dr, col - 2 * dc), formulaAt(grid, row + 2 * dr, col + 2 * dc)].some(
      (f) => copies(f, self),
    );
    return alternates ? undefined : [before, after];
  }
  const [near, step] = before ? [before, -1] : after ? [after, 1] : [undefined, 0];
  if (
    !near ||
    !near.relative ||
    copies(near, self) ||
    !sameConstruction(near, self) ||
    aggregates(self, near) ||
    !dominantLine(grid, self, near, orientation)
  )
    return undefined;
  const run = [near];
  for (let k = 2; run.length < MIN_RUN; k++) {
    const next = formulaAt(grid, row + step * k * dr, col + step * k * dc);
    if (!copies(next, near)) return undefined;
    run.push(next as FormulaCell);
  }
  return run;
}

/**
 * A formula that breaks the pattern of its row or column neighbours:
 * - regions (`sheet-regions.ts`): totals of a line of totals computed another way with another value, adding a
 *   typed number, or adding rates among totals that add amounts; one finding per rectangle, matching the rest;
 * - single cells: copies of one formula (compared by reference fingerprint, so `=C3/B3` and `=C4/B4` are equal,
 *   `=D9+E9` and `=E10+D10` too, and numbers do not count: `=G3/28` and `=G4/31`) with one cell that reads other
 *   cells, in a line whose dominant formula the copies are. The odd cell is reported, with the copies it breaks
 *   as related cells. A cell that copies any of its four neighbours, reads only its own line, or would read only
 *   empty cells as a copy is never reported; nor is a cell a region finding of any formula rule has judged.
 */
export const formulaInconsistent = defineRule({
  code: 'formula/inconsistent',
  severity: 'warning',
  name: { 'zh-CN': '公式不一致', 'en-US': 'Inconsistent formula' },
  description: {
    'zh-CN':
      '公式与同行或同列相邻的公式模式不一致（按引用的相对位置比较），如某一行的执行率引用了别的单元格；合计行中另行计算、夹带手填数字或把比率相加的合计',
    'en-US':
      'A formula breaks the pattern of its row or column neighbours (compared by the cells it reads relative to itself), e.g. one rate that reads other cells; totals of a 合计 row computed another way, holding a typed number, or adding rates',
  },
  messages: {
    inconsistent: {
      'zh-CN': '公式 ={formula} 与相邻单元格 {first}、{second} 的公式模式不一致',
      'en-US': 'The formula ={formula} breaks the pattern of its neighbours {first} and {second}',
    },
    computed: {
      'zh-CN':
        '{what}另行计算（={formula}），与{others} 的公式不同；按它们的公式 {first} 应为 {expected}，表中为 {actual}',
      'en-US':
        '{what} computed another way (={formula}) than {others}; by their formula {first} would be {expected}, not {actual}',
    },
    plug: {
      'zh-CN': '合计公式 {cell}（={formula}）在加总之外{plug}，而{others} 没有',
      'en-US': 'The total {cell} (={formula}) {plug}, while {others} {otherDo} not',
    },
    rates: {
      'zh-CN': '{what}加的是比率（如 {example} ={exampleFormula}），比率相加没有意义；{others} 加的是数额',
      'en-US': '{what} rates (such as {example} ={exampleFormula}), which do not add up; {others} {othersAdd} amounts',
    },
    anchors: {
      'zh-CN':
        '公式 ={formula} 与相邻的 {first}、{second} 读取相同的单元格，但引用的写法（相对或绝对）不同，复制后会读错单元格',
      'en-US':
        'The formula ={formula} reads the same cells as its neighbours {first} and {second} but writes its references differently (relative or absolute): copied, it would read other cells',
    },
    runEnd: {
      'zh-CN': '公式 ={formula} 与相邻的 {first}、{second} 构造相同但引用不同单元格',
      'en-US': 'The formula ={formula} is built like its neighbours {first} and {second} but reads other cells',
    },
  },
  check({ snapshot, grids }) {
    const reports: RuleReport<'computed' | 'plug' | 'rates' | 'anchors' | 'inconsistent' | 'runEnd'>[] = [];
    for (const sheet of snapshot.sheets) {
      const grid = grids.get(sheet.name);
      if (!grid) continue;
      // Totals of a line computed another way from the same figures: one finding per rectangle of them.
      const covered = new Set<number>();
      const { faults, judged } = sheetRegions(grid);
      for (const fault of faults) {
        if (fault.kind === 'constants' && fault.formula?.node) {
          const plug = plugOf(fault.formula.node) ?? 0;
          const amount = formatNumber(Math.abs(plug));
          reports.push(
            regionReport(sheet.name, fault, 'plug', {
              cell: cellAddress(fault.region.top, fault.region.left),
              formula: fault.formula.cell.formula ?? '',
              plug:
                plug >= 0
                  ? { 'zh-CN': `还加了手填的数字 ${amount}`, 'en-US': `adds the typed number ${amount} to its sum` }
                  : {
                      'zh-CN': `还减去了手填的数字 ${amount}`,
                      'en-US': `takes the typed number ${amount} from its sum`,
                    },
              others: othersOfLine(fault.match, fault.orientation),
              otherDo: cellCountOf(fault.match) > 1 ? 'do' : 'does',
            }),
          );
          covered.add(fault.region.top * 16384 + fault.region.left);
          continue;
        }
        if (fault.kind === 'rates' && fault.formula) {
          const reads = fault.formula.references[0];
          const example = reads ? firstRate(grid, reads) : undefined;
          if (!example) continue;
          reports.push(
            regionReport(sheet.name, fault, 'rates', {
              what: regionSubject(fault.region, { 'zh-CN': '合计', 'en-US': 'total' }, { one: 'adds', many: 'add' }),
              example: cellAddress(example.row, example.col),
              exampleFormula: example.formula ?? '',
              others: othersOfLine(fault.match, fault.orientation),
              othersAdd: cellCountOf(fault.match) > 1 ? 'add' : 'adds',
            }),
          );
          for (let row = fault.region.top; row <= fault.region.bottom; row++)
            for (let col = fault.region.left; col <= fault.region.right; col++) covered.add(row * 16384 + col);
          continue;
        }
        if (fault.kind !== 'computed' || !fault.formula || !fault.at || fault.expected === undefined) continue;
        const { region, at, expected } = fault;
        const cell = grid.cell(at.row, at.col);
        const actual = cell?.value.type === 'number' ? cell.value.value : undefined;
        if (actual === undefined) continue;
        const report = regionReport(sheet.name, fault, 'computed', {
          what: regionSubject(region, { 'zh-CN': '合计', 'en-US': 'total' }, { one: 'is', many: 'are' }),
          formula: fault.formula.cell.formula ?? '',
          others: othersOfLine(fault.match, fault.orientation),
          first: cellAddress(at.row, at.col),
          expected: shown(expected, cell?.format),
          actual: shown(actual, cell?.format),
        });
        if (cellCountOf([region]) === 1) {
          report.expected = expected;
          report.actual = actual;
          report.expectedText = shown(expected, cell?.format);
          report.actualText = shown(actual, cell?.format);
        }
        reports.push(report);
        for (let row = region.top; row <= region.bottom; row++)
          for (let col = region.left; col <= region.right; col++) covered.add(row * 16384 + col);
      }
      for (const self of sheetFormulas(grid).values()) {
        const { row, col } = self.cell;
        if (covered.has(row * 16384 + col) || judged.has(cellKey(row, col))) continue;
        if (!self.readsCells) continue; // =18+3 is arithmetic typed into a cell, not a copy gone wrong
        // A copy of any neighbour belongs to a pattern: tables whose columns alternate (amount, change, amount)
        // break the row pattern in every row, by design.
        if (
          [
            [row - 1, col],
            [row + 1, col],
            [row, col - 1],
            [row, col + 1],
          ].some(([r, c]) => copies(formulaAt(grid, r as number, c as number), self))
        )
          continue;
        const broken = brokenPattern(grid, self, 1, 0) ?? brokenPattern(grid, self, 0, 1);
        if (!broken) continue;
        const here = copyHere(grid, self, broken[0] as FormulaCell);
        if (here === 'empty') continue;
        const [first, second] = broken.map((f) => cellAddress(f.cell.row, f.cell.col)) as [string, string];
        const between =
          broken.some((f) => f.cell.row > self.cell.row || f.cell.col > self.cell.col) &&
          broken.some((f) => f.cell.row < self.cell.row || f.cell.col < self.cell.col);
        reports.push({
          messageId: here === 'same' ? 'anchors' : between ? 'inconsistent' : 'runEnd',
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
