import { allTables } from '../model/tables';
import { shownCell } from '../shown';
import { shownAt } from './working';
import { cellAddress } from '../address';
import { formulaAt, sheetFormulas, type FormulaCell } from '../formula/sheet-formulas';
import { shiftFormula } from '../formula/tokenize';
import { WorkbookEvaluator } from '../formula/workbook-evaluator';
import { equalAtDecimals } from '../numbers';
import { formatDecimals } from '../recognize/figures';
import type { SheetGrid } from '../grid';
import type { Cell } from '../snapshot';
import { flattenTree, statedWeight } from '../model/indicators';
import type { Figure } from '../model';
import { cellKey, sheetRegions } from '../formula/sheet-regions';
import { cellCountOf, othersOfLine, regionReport, regionSubject, shown } from './region-text';
import { OnePerCell } from './reports';
import { writtenCells } from '../fix/audit';
import { defineRule, type RuleReport } from './rule';

function isConstant(grid: SheetGrid, row: number, col: number): boolean {
  return grid.cell(row, col)?.formula === undefined && grid.value(row, col).type === 'number';
}

/**
 * True when a formula beside the cell, across the pattern's direction, reads the cell alone: the number is that
 * formula's input (a figure entered in one unit and converted in the next column), not a formula typed over.
 */
function readBeside(grid: SheetGrid, row: number, col: number, dr: number, dc: number): boolean {
  return [
    [row + dc, col + dr],
    [row - dc, col - dr],
  ].some(([r, c]) =>
    formulaAt(grid, r as number, c as number)?.references.some(
      (ref) =>
        ref.sheet === undefined && ref.top === row && ref.bottom === row && ref.left === col && ref.right === col,
    ),
  );
}

/**
 * The copies of one formula on both sides of (row, col) along (dr, dc), two on each side: one formula either side
 * is as often two different rows as one pattern. Returns the nearest copy on each side.
 */
/** Works out a formula's value as if it stood at a cell, from the values the workbook holds now. */
type ValueHere = (copy: FormulaCell, row: number, col: number) => number | undefined;

function copiesAround(
  grid: SheetGrid,
  row: number,
  col: number,
  dr: number,
  dc: number,
  valueHere: ValueHere,
): [Cell, Cell] | undefined {
  const first = formulaAt(grid, row - dr, col - dc);
  if (!first?.relative) return undefined;
  const after = formulaAt(grid, row + dr, col + dc);
  const run = [formulaAt(grid, row - 2 * dr, col - 2 * dc), after, formulaAt(grid, row + 2 * dr, col + 2 * dc)];
  return after &&
    run.every((f) => f?.pattern === first.pattern) &&
    !readBeside(grid, row, col, dr, dc) &&
    !harmless(grid, row, col, first, valueHere)
    ? [first.cell, after.cell]
    : undefined;
}

function decimalsOf(value: number): number {
  const text = String(Math.abs(value));
  const dot = text.indexOf('.');
  return dot < 0 || text.includes('e') ? 0 : text.length - dot - 1;
}

/**
 * True when the typed number is no wrong figure: it is what the copy would give at its place (a value pasted
 * over its own formula, compared at the decimals its cell shows), or the copies are averages (a published average need
 * not be the mean of the rows shown). When the copy's value cannot be worked out, the number is reported.
 */
function harmless(grid: SheetGrid, row: number, col: number, copy: FormulaCell, valueHere: ValueHere): boolean {
  const value = grid.value(row, col);
  if (value.type !== 'number') return false;
  if (copy.node?.kind === 'function' && copy.node.name === 'AVERAGE') return true;
  const computed = valueHere(copy, row, col);
  const decimals = formatDecimals(grid.cell(row, col)?.format) ?? decimalsOf(value.value);
  return computed !== undefined && equalAtDecimals(computed, value.value, decimals);
}

/**
 * A constant where a formula is called for:
 * - numbers typed into a line of adding totals that do not add up (`sheet-regions.ts`): one finding per rectangle;
 * - its neighbours on both sides in a row (or a column) are formulas of one R1C1 form that read a relative
 *   reference (a copied formula with one value typed over it); for a row pattern, only when neither neighbour
 *   above or below is a constant (else the cell belongs to a column of typed data between formula columns);
 *   not when a formula beside it reads it as its input, nor when it is what the copy would give there;
 * - a recognised total (合计/总分 weight, score or rate, an amount table's total row) that is typed while a
 *   sibling total of the same row is a formula (not a score total over a blank score: a formula cannot count
 *   the blank at its computed value, so that total is typed by necessity).
 */
export const formulaHardcoded = defineRule({
  code: 'formula/hardcoded',
  severity: 'warning',
  name: { 'zh-CN': '手填数值', 'en-US': 'Typed constant' },
  description: {
    'zh-CN': '应为公式的位置填了常数（如手填的合计，合计行中与公式结果不符的手填数字）',
    'en-US':
      'A constant stands where its neighbours or its role call for a formula (a typed total; numbers typed into a 合计 row that do not add up)',
  },
  messages: {
    pattern: {
      'zh-CN': '常数 {value} 位于一组相同公式之间（{first}、{second}），应为公式',
      'en-US': 'The constant {value} sits between copies of one formula ({first}, {second}); a formula is expected',
    },
    total: {
      'zh-CN': '合计 {value} 是手填的常数，而同行的合计 {sibling} 是公式',
      'en-US': 'The total {value} is typed while the total {sibling} beside it is a formula',
    },
    typedTotals: {
      'zh-CN': '{what}是手填的数字，而{others} 是公式；{first} 按公式应为 {expected}，表中为 {actual}',
      'en-US':
        '{what} typed, while {others} {othersAre} formulas; by the formula {first} would be {expected}, not {actual}',
    },
  },
  check({ snapshot, grids, model }) {
    const found = new OnePerCell<'pattern' | 'total' | 'typedTotals'>();
    const covered = new Set<string>();
    const push = (report: RuleReport<'pattern' | 'total' | 'typedTotals'>) => {
      if (!covered.has(`${report.sheet}!${report.cell}`)) found.add(report);
    };
    // Typed numbers in a line of totals that do not add up: one finding per rectangle of them.
    for (const sheet of snapshot.sheets) {
      const grid = grids.get(sheet.name);
      if (!grid) continue;
      for (const fault of sheetRegions(grid).faults) {
        if (fault.kind !== 'typed' || !fault.at || fault.expected === undefined) continue;
        const { region, at, expected } = fault;
        const typed = grid.cell(at.row, at.col);
        const actual = typed?.value.type === 'number' ? typed.value.value : undefined;
        if (actual === undefined) continue;
        const report = regionReport(sheet.name, fault, 'typedTotals', {
          what: regionSubject(region, { 'zh-CN': '合计', 'en-US': 'total' }, { one: 'is', many: 'are' }),
          others: othersOfLine(fault.match, fault.orientation),
          othersAre: cellCountOf(fault.match) > 1 ? 'are' : 'is',
          first: cellAddress(at.row, at.col),
          expected: shown(expected, typed?.format),
          actual: shown(actual, typed?.format),
        });
        if (cellCountOf([region]) === 1) {
          report.expected = expected;
          report.actual = actual;
          report.expectedText = shown(expected, typed?.format);
          report.actualText = shown(actual, typed?.format);
        }
        found.add(report);
        for (let row = region.top; row <= region.bottom; row++)
          for (let col = region.left; col <= region.right; col++) covered.add(`${sheet.name}!${cellAddress(row, col)}`);
      }
    }
    const formulaSheets = new Set<string>();
    let evaluator: WorkbookEvaluator | undefined;
    for (const sheet of snapshot.sheets) {
      const grid = grids.get(sheet.name);
      if (!grid || sheetFormulas(grid).size === 0) continue;
      formulaSheets.add(sheet.name);
      const valueHere: ValueHere = (copy, row, col) => {
        evaluator ??= new WorkbookEvaluator(snapshot, grids);
        const text = shiftFormula(copy.cell.formula ?? '', row - copy.cell.row, col - copy.cell.col);
        const result = evaluator.evaluateText(sheet.name, { row, col }, text);
        return result.type === 'number' ? result.value : undefined;
      };
      const { judged } = sheetRegions(grid);
      for (const cell of sheet.cells) {
        if (cell.formula || cell.value.type !== 'number' || judged.has(cellKey(cell.row, cell.col))) continue;
        const { row, col } = cell;
        const pair =
          copiesAround(grid, row, col, 1, 0, valueHere) ??
          (isConstant(grid, row - 1, col) || isConstant(grid, row + 1, col)
            ? undefined
            : copiesAround(grid, row, col, 0, 1, valueHere));
        if (!pair) continue;
        const [a, b] = pair.map((c) => cellAddress(c.row, c.col)) as [string, string];
        push({
          messageId: 'pattern',
          data: { value: shownCell(cell), first: a, second: b },
          sheet: sheet.name,
          cell: cellAddress(row, col),
          actual: cell.value.value,
          related: [
            { sheet: sheet.name, cell: a },
            { sheet: sheet.name, cell: b },
          ],
        });
      }
    }

    const siblings = (totals: Array<Figure | null | undefined>) => {
      const present = totals.filter((f): f is Figure => !!f && f.value !== null && formulaSheets.has(f.sheet));
      const withFormula = present.find((f) => f.formula);
      if (!withFormula) return;
      for (const f of present) {
        if (f.formula || f.form !== 'number') continue;
        push({
          messageId: 'total',
          data: { value: shownAt(snapshot, f), sibling: withFormula.cell },
          sheet: f.sheet,
          cell: f.cell,
          actual: f.value,
          related: [{ sheet: withFormula.sheet, cell: withFormula.cell }],
        });
      }
    };
    // Scores this product filled (审核记录) count as the blanks they were: the total was typed before them.
    const filled = writtenCells(snapshot.sheets);
    for (const table of allTables(model)) {
      if (table.kind === 'indicators' && table.total) {
        // A blank score counted at its computed value (seed 003's 预算执行率) cannot be summed by a formula:
        // the total is then typed by necessity, and score/total judges its value.
        const blankScore = flattenTree(table.indicators).some(
          (n) =>
            n.children.length === 0 &&
            statedWeight(n) !== undefined &&
            ((n.score?.value ?? null) === null || (!!n.score && filled.has(`${n.score.sheet}!${n.score.cell}`))),
        );
        siblings([table.total.weight, blankScore ? undefined : table.total.score]);
      } else if (table.kind === 'summary' && table.total) siblings([table.total.weight, table.total.score]);
      else if (table.kind === 'amounts') for (const row of table.rows) if (row.kind !== 'row') siblings(row.values);
    }
    return found.reports;
  },
});
