import { allTables } from '../model/tables';
import { cellAddress, rangeAddress } from '../address';
import { flattenTree } from '../model/indicators';
import type { CellRef } from '../finding';
import type { Figure, IndicatorNode } from '../model';
import type { FormulaNode, ResolvedReference } from '../formula/parse';
import { formulaAt, sheetFormulas, type FormulaCell } from '../formula/sheet-formulas';
import type { SheetGrid } from '../grid';
import type { CellValue } from '../snapshot';
import { cellKey, sheetRegions } from '../formula/sheet-regions';
import { cellCountOf, extentWords, list, othersOfLine, regionReport, regionSubject } from './region-text';
import { OnePerCell } from './reports';
import { defineRule, type RuleReport } from './rule';

/** Ranges a formula adds up: every same-sheet range argument of SUM. */
function summedRanges(formula: FormulaCell): ResolvedReference[] {
  return formula.calls('SUM') && formula.node ? rangesUnderSum(formula.node, []) : [];
}

function rangesUnderSum(node: FormulaNode, found: ResolvedReference[]): ResolvedReference[] {
  if (node.kind === 'function') {
    if (node.name === 'SUM')
      for (const arg of node.args)
        if (arg.kind === 'reference' && arg.sheet === undefined && arg.shape === 'range') found.push(arg);
    for (const arg of node.args) rangesUnderSum(arg, found);
  } else if (node.kind === 'unary' || node.kind === 'percent') rangesUnderSum(node.arg, found);
  else if (node.kind === 'binary') {
    rangesUnderSum(node.left, found);
    rangesUnderSum(node.right, found);
  }
  return found;
}

/** True for a formula that only adds cells: references joined by +, inside SUM or not. */
function addsUpOnly(node: FormulaNode): boolean {
  if (node.kind === 'reference') return true;
  if (node.kind === 'function') return node.name === 'SUM' && node.args.every(addsUpOnly);
  if (node.kind === 'binary') return node.op === '+' && addsUpOnly(node.left) && addsUpOnly(node.right);
  return node.kind === 'unary' && node.op === '+' && addsUpOnly(node.arg);
}

/** The tree's and the tokens' references are separate objects: compare where they point. */
const sameArea = (a: ResolvedReference, b: ResolvedReference) =>
  a.sheet === b.sheet && a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;

const inside = (ref: ResolvedReference, row: number, col: number) =>
  ref.top <= row && row <= ref.bottom && ref.left <= col && col <= ref.right;

/** A number a total should count: a typed number or a formula's numeric result (an empty or text cell is not). */
function isFigure(grid: SheetGrid, row: number, col: number): boolean {
  return grid.value(row, col).type === 'number';
}

/** The sum of the numbers in a range, and how many there are. */
function sumOf(grid: SheetGrid, ref: ResolvedReference): { sum: number; figures: number } {
  let sum = 0;
  let figures = 0;
  for (let row = ref.top; row <= Math.min(ref.bottom, grid.rowCount - 1); row++)
    for (const cell of grid.cellsInRow(row)) {
      if (cell.col < ref.left || cell.col > ref.right || cell.value.type !== 'number') continue;
      sum += cell.value.value;
      figures++;
    }
  return { sum, figures };
}

/** True when a typed figure equals a range's sum within the rounding of its figures: the range's own total. */
function totals(value: CellValue, range: { sum: number; figures: number }): boolean {
  if (value.type !== 'number' || range.figures < 2) return false;
  const text = String(Math.abs(value.value));
  const dot = text.indexOf('.');
  const decimals = dot < 0 || text.includes('e') ? 0 : text.length - dot - 1;
  return Math.abs(value.value - range.sum) <= range.figures * 0.5 * 10 ** -decimals;
}

interface Gap {
  omitted: Array<{ row: number; col: number }>;
  doubled: FormulaCell[];
}

/**
 * What a SUM over the cells before a total misses along its line (a column above it, or a row before it):
 * the figures that continue straight after the range's end towards the total; figures before the range's start
 * where the totals beside it (same 合计 row or column, same end) start earlier; and subtotals inside the range
 * whose own range lies inside it too (counted twice). A start is judged only against the totals beside it: the
 * cell above a block is as often a heading, a year or the previous block's total as an omitted figure.
 */
function gapsOf(grid: SheetGrid, total: FormulaCell, ref: ResolvedReference): Gap | undefined {
  const { row, col } = total.cell;
  const vertical = ref.left === col && ref.right === col && ref.bottom < row;
  const horizontal = ref.top === row && ref.bottom === row && ref.right < col;
  if (!vertical && !horizontal) return undefined;
  const at = (k: number) => (vertical ? { row: k, col } : { row, col: k });
  const [start, end, self] = vertical ? [ref.top, ref.bottom, row] : [ref.left, ref.right, col];
  const readElsewhere = (p: { row: number; col: number }) =>
    total.references.some((r) => !sameArea(r, ref) && inside(r, p.row, p.col));
  // A cell computed from the range itself (an average, a share of the total) is a statistic, not a member.
  const derived = (p: { row: number; col: number }) =>
    formulaAt(grid, p.row, p.col)?.references.some(
      (r) =>
        r.sheet === undefined &&
        r.top <= ref.bottom &&
        r.bottom >= ref.top &&
        r.left <= ref.right &&
        r.right >= ref.left,
    ) ?? false;
  const omitted: Array<{ row: number; col: number }> = [];
  const member = (k: number) => isFigure(grid, at(k).row, at(k).col) && !readElsewhere(at(k)) && !derived(at(k));
  // The figure just before the range is the first a short start leaves out; without one, nothing is left out.
  if (start > 0 && member(start - 1))
    for (let k = siblingsStart(grid, total, vertical, end); k < start; k++) if (member(k)) omitted.push(at(k));
  // Only the figures that go on straight after the range's end: past a blank, another block begins. A total of
  // the block met on the way (a formula over the range, or a typed figure equal to the range and the figures
  // after it so far) makes this formula a partial sum or a check under the block's own total, which leaves
  // nothing out; so does a total further on, between the figures and this formula, that counts them.
  let running: { sum: number; figures: number } | undefined;
  const after: Array<{ row: number; col: number }> = [];
  let k = end + 1;
  for (; k < self && isFigure(grid, at(k).row, at(k).col); k++) {
    const p = at(k);
    running ??= sumOf(grid, ref);
    const value = grid.value(p.row, p.col);
    if (derived(p) || totals(value, running)) {
      after.length = 0;
      break;
    }
    if (value.type === 'number') running = { sum: running.sum + value.value, figures: running.figures + 1 };
    if (!readElsewhere(p)) after.push(p);
  }
  // A total between the figures and this formula that counts them (in this line, or a total row or column of the
  // block lying between, which adds them in its own line): this formula regroups figures already totalled.
  for (; after.length > 0 && k < self; k++) {
    const p = at(k);
    const line = vertical ? grid.cellsInRow(p.row) : [];
    const candidates = vertical
      ? line.filter((c) => c.formula).map((c) => formulaAt(grid, c.row, c.col))
      : [formulaAt(grid, p.row, p.col)];
    const counts = candidates.some((f) =>
      f?.references.some(
        (r) =>
          r.sheet === undefined &&
          after.every((q) =>
            vertical
              ? r.top <= q.row && q.row <= r.bottom && r.left <= f.cell.col && f.cell.col <= r.right
              : inside(r, q.row, q.col),
          ),
      ),
    );
    if (counts) after.length = 0;
  }
  omitted.push(...after);
  // The formulas inside the range: looked up cell by cell, or picked from the sheet's formulas when the range is longer.
  const formulas = sheetFormulas(grid);
  const inner: FormulaCell[] = [];
  if (end - start + 1 <= formulas.size) {
    for (let k = start; k <= end; k++) {
      const found = formulaAt(grid, at(k).row, at(k).col);
      if (found) inner.push(found);
    }
  } else for (const f of formulas.values()) if (inside(ref, f.cell.row, f.cell.col)) inner.push(f);
  const doubled = inner.filter(
    (f) =>
      !readElsewhere(f.cell) &&
      summedRanges(f).some(
        (r) => r.left >= ref.left && r.right <= ref.right && r.top >= ref.top && r.bottom <= ref.bottom,
      ),
  );
  return omitted.length > 0 || doubled.length > 0 ? { omitted, doubled } : undefined;
}

/**
 * Where the totals beside this one start (the totals of the other columns in a 合计 row, or of the other rows in
 * a 合计 column) when they end where this one ends: the earliest start, or Infinity when there is none.
 */
function siblingsStart(grid: SheetGrid, total: FormulaCell, vertical: boolean, end: number): number {
  let earliest = Infinity;
  for (const step of [-1, 1]) {
    for (let k = 1; ; k++) {
      const row = vertical ? total.cell.row : total.cell.row + step * k;
      const col = vertical ? total.cell.col + step * k : total.cell.col;
      const sibling = formulaAt(grid, row, col);
      if (!sibling) break;
      for (const r of summedRanges(sibling)) {
        const own = vertical
          ? r.left === col && r.right === col && r.bottom === end
          : r.top === row && r.bottom === row && r.right === end;
        if (own) earliest = Math.min(earliest, vertical ? r.top : r.left);
      }
    }
  }
  return earliest;
}

/** Score or weight cells of an indicator's children that its formula does not read, and cells it reads that are no child. */
function groupGaps(
  grid: SheetGrid,
  parent: Figure,
  children: Figure[],
): { omitted: Figure[]; extra: ResolvedReference[] } | undefined {
  const formula = formulaAt(grid, parent.row, parent.col);
  if (!formula || children.length === 0) return undefined;
  const local = formula.references.filter((r) => r.sheet === undefined || r.sheet === grid.name);
  // Only formulas that add up cells (SUM, +) are judged: a score computed from a rate is no sum of children.
  if (local.length === 0 || !formula.node || !addsUpOnly(formula.node)) return undefined;
  const omitted = children.filter((c) => !local.some((r) => inside(r, c.row, c.col)));
  const extra = local.filter((r) => !children.some((c) => inside(r, c.row, c.col)));
  return omitted.length > 0 || extra.length > 0 ? { omitted, extra } : undefined;
}

/**
 * A total whose range misses figures of its block or counts a subtotal twice:
 * - regions (`sheet-regions.ts`): totals of a 合计 row (column) that add another set of rows than the totals
 *   beside them, the side the figures show short reported against the other; a total adding the totals beside
 *   it while figures above it go uncounted;
 * - a SUM over the cells above (or before) a total that stops short of the total (not a partial sum under the
 *   block's own total), starts after the block's first figure, or includes a subtotal whose own range lies
 *   inside it;
 * - a recognised indicator group: a parent's score or weight formula that adds up cells but leaves out a child
 *   (a level-1 score that sums only some of its level-2 scores) or adds a cell that is not its child.
 */
export const formulaRangeOmits = defineRule({
  code: 'formula/range-omits',
  severity: 'error',
  name: { 'zh-CN': '求和范围遗漏', 'en-US': 'Range leaves out cells' },
  description: {
    'zh-CN':
      '合计/小计公式的求和范围漏掉了本组的单元格，或重复计入了小计；同一合计行中几个合计加的行与其余合计不同（含指标组：一级指标得分只加了部分二级指标）',
    'en-US':
      "A total's range misses cells of its group or counts a subtotal twice; totals of one 合计 row that add other rows than the rest (indicator groups included: a level-1 score that adds only some of its children)",
  },
  messages: {
    omits: { 'zh-CN': '合计公式 ={formula} 漏掉了 {cells}', 'en-US': 'The total ={formula} leaves out {cells}' },
    extent: {
      'zh-CN': '{what}加的是{reads}，而{others} 加的是{modelReads}：{diff}',
      'en-US': '{what} {reads}, while {others} {othersAdd} {modelReads}; {diff}',
    },
    crossRow: {
      'zh-CN': '合计 {cell} 加的是同一行的 {adds}，本列上方的 {cells} 没有计入；同一行其余合计加的是各自上方的数',
      'en-US':
        'The total {cell} adds {adds} beside it in its row and leaves out {cells} above it; the other totals of the row add the figures above them',
    },
    crossColumn: {
      'zh-CN': '合计 {cell} 加的是本列上方的 {adds}，同一行的 {cells} 没有计入；本列其余合计加的是各自同一行的数',
      'en-US':
        'The total {cell} adds {adds} above it in its column and leaves out {cells} in its row; the other totals of the column add the figures of their own row',
    },
    doubles: {
      'zh-CN': '合计公式 ={formula} 的范围 {range} 含有小计 {cells}，重复计算',
      'en-US': 'The total ={formula} adds the range {range}, which holds the subtotal {cells}: counted twice',
    },
    groupOmits: {
      'zh-CN': '“{name}”的{what}公式 ={formula} 漏掉了下级指标 {cells}',
      'en-US': 'The {what} formula ={formula} of "{name}" leaves out the child indicators {cells}',
    },
    groupExtra: {
      'zh-CN': '“{name}”的{what}公式 ={formula} 计入了非下级指标的单元格 {cells}',
      'en-US': 'The {what} formula ={formula} of "{name}" adds {cells}, which are not its child indicators',
    },
  },
  check({ snapshot, grids, model }) {
    const found = new OnePerCell<
      'omits' | 'doubles' | 'groupOmits' | 'groupExtra' | 'extent' | 'crossRow' | 'crossColumn'
    >();
    // Cells a region finding covers get no finding of their own.
    const covered = new Set<string>();
    const push = (
      report: RuleReport<'omits' | 'doubles' | 'groupOmits' | 'groupExtra' | 'extent' | 'crossRow' | 'crossColumn'>,
    ) => {
      if (!covered.has(`${report.sheet}!${report.cell}`)) found.add(report);
    };

    for (const sheet of snapshot.sheets) {
      const grid = grids.get(sheet.name);
      if (!grid) continue;
      for (const fault of sheetRegions(grid).faults) {
        const { region } = fault;
        const cells: string[] = [];
        for (let row = region.top; row <= region.bottom; row++)
          for (let col = region.left; col <= region.right; col++) cells.push(`${sheet.name}!${cellAddress(row, col)}`);
        if (cells.every((c) => covered.has(c))) continue;
        if (fault.kind === 'extent') {
          const words = extentWords(fault);
          found.add(
            regionReport(sheet.name, fault, 'extent', {
              what: regionSubject(region, { 'zh-CN': '合计公式', 'en-US': 'total' }, { one: 'adds', many: 'add' }),
              reads: words.reads,
              others: othersOfLine(fault.match, fault.orientation),
              othersAdd: cellCountOf(fault.match) > 1 ? 'add' : 'adds',
              modelReads: words.modelReads,
              diff: words.diff,
            }),
          );
        } else if (fault.kind === 'crossTotal' && fault.formula) {
          const omitted = (fault.omitted ?? []).map((p) => cellAddress(p.row, p.col));
          found.add({
            messageId: fault.orientation === 'rows' ? 'crossRow' : 'crossColumn',
            data: {
              cell: cellAddress(region.top, region.left),
              adds: list(fault.formula.references.map((r) => rangeAddress(r))),
              cells: list(omitted),
            },
            sheet: sheet.name,
            cell: cellAddress(region.top, region.left),
            related: omitted.map((cell) => ({ sheet: sheet.name, cell })),
          });
        } else continue;
        for (const c of cells) covered.add(c);
      }
    }

    for (const table of allTables(model)) {
      if (table.kind !== 'indicators') continue;
      const grid = grids.get(table.sheet);
      if (!grid) continue;
      const judge = (
        name: string,
        parent: Figure | undefined,
        children: Array<Figure | undefined>,
        what: { 'zh-CN': string; 'en-US': string },
      ) => {
        const present = children.filter((c): c is Figure => !!c && c.sheet === table.sheet);
        if (!parent || parent.sheet !== table.sheet || present.length !== children.length) return;
        const gaps = groupGaps(grid, parent, present);
        if (!gaps) return;
        const formula = parent.formula ?? '';
        const related: CellRef[] = present.map((c) => ({ sheet: c.sheet, cell: c.cell }));
        if (gaps.omitted.length > 0)
          push({
            messageId: 'groupOmits',
            data: { name, what, formula, cells: gaps.omitted.map((c) => c.cell).join('、') },
            sheet: parent.sheet,
            cell: parent.cell,
            related,
          });
        else
          push({
            messageId: 'groupExtra',
            data: { name, what, formula, cells: gaps.extra.map((r) => rangeAddress(r)).join('、') },
            sheet: parent.sheet,
            cell: parent.cell,
            related,
          });
      };
      const groups: Array<{ name: string; node?: IndicatorNode; children: IndicatorNode[] }> = [
        ...flattenTree(table.indicators).map((node) => ({ name: node.name.text, node, children: node.children })),
        { name: table.total?.label.text ?? '', children: table.indicators },
      ];
      for (const { name, node, children } of groups) {
        if (children.length === 0) continue;
        const parent = node ?? table.total;
        judge(
          name,
          parent?.score,
          children.map((c) => c.score),
          { 'zh-CN': '得分', 'en-US': 'score' },
        );
        judge(
          name,
          parent?.weight,
          children.map((c) => c.weight),
          { 'zh-CN': '分值', 'en-US': 'weight' },
        );
      }
    }

    for (const sheet of snapshot.sheets) {
      const grid = grids.get(sheet.name);
      if (!grid) continue;
      const { judged } = sheetRegions(grid);
      for (const total of sheetFormulas(grid).values()) {
        if (judged.has(cellKey(total.cell.row, total.cell.col))) continue;
        for (const ref of summedRanges(total)) {
          const gap = gapsOf(grid, total, ref);
          if (!gap) continue;
          const cell = cellAddress(total.cell.row, total.cell.col);
          const formula = total.cell.formula ?? '';
          if (gap.omitted.length > 0) {
            const cells = gap.omitted.map((p) => cellAddress(p.row, p.col));
            push({
              messageId: 'omits',
              data: { formula, cells: cells.join('、') },
              sheet: sheet.name,
              cell,
              related: cells.map((c) => ({ sheet: sheet.name, cell: c })),
            });
          } else {
            const cells = gap.doubled.map((f) => cellAddress(f.cell.row, f.cell.col));
            push({
              messageId: 'doubles',
              data: { formula, range: rangeAddress(ref), cells: cells.join('、') },
              sheet: sheet.name,
              cell,
              related: cells.map((c) => ({ sheet: sheet.name, cell: c })),
            });
          }
          break;
        }
      }
    }
    return found.reports;
  },
});
