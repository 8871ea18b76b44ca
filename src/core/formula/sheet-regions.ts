/**
 * The region faults of one sheet, found once per check and shared by the formula rules: the proposals of
 * `regions.ts` (a rectangle that would match its line's dominant formula if changed) kept only where the sheet
 * itself gives a reason to think the difference is a fault, not a change of formula the author meant:
 *
 * - `extent`: a line of totals (each adds the cells above it in its own column, or before it in its own row)
 *   where some totals add another run of rows (columns) than the rest: `formula/range-omits`;
 * - `typed`: a number typed into such a line of adding totals that differs from what the totals beside it would
 *   add there by more than the rounding of the figures could explain: `formula/hardcoded`;
 * - `computed`: a total of such a line computed another way from the same figures (`=B31-B33+B34` beside
 *   `=SUM(F31:F33)`): `formula/inconsistent`;
 * - `crossTotal`: a total that adds the totals beside it while figures typed above it (before it) in its own
 *   column (row) go uncounted: `formula/range-omits`;
 * - `copy`: in a line of copies of one formula, a few cells built the same way that read other cells:
 *   `formula/inconsistent`.
 *
 * What is never reported, because reviewers read it as intended: a line without a dominant formula (more than
 * half of its cells), a cell computed from its own line only (a rate of the totals beside it, a cross total over
 * totals), typed numbers in a line of averages (a published average need not be the mean of the rows), a link
 * (`=B12`) among links, and a typed total that equals what the formula would give.
 */
import type { SheetGrid } from '../grid';
import type { RelativeArea } from './fingerprint';
import type { FormulaNode } from './parse';
import {
  cellCount,
  fingerprintRectangles,
  proposeFixes,
  strips,
  TYPED,
  type Member,
  type Orientation,
  type Proposal,
  type Rectangle,
} from './regions';
import { sheetFormulas, type FormulaCell } from './sheet-formulas';

export type RegionFaultKind = 'extent' | 'typed' | 'computed' | 'crossTotal';

export interface RegionFault {
  kind: RegionFaultKind;
  orientation: Orientation;
  /** The cells to change. */
  region: Rectangle;
  /** The rectangles of the line's dominant formula: what the region would match. */
  match: Rectangle[];
  /** The formula of the region's first cell (undefined for typed numbers). */
  formula?: FormulaCell;
  /** A formula of the dominant rectangles. */
  model: FormulaCell;
  /** For `extent`: the runs the region's totals and the dominant totals read, relative to the total's cell. */
  reads?: { region: RelativeArea; model: RelativeArea };
  /** For `crossTotal`: the figures left out (absolute positions). */
  omitted?: Array<{ row: number; col: number }>;
  /** For `typed` and `computed`: the value the line's total would give at the region's first cell that differs. */
  expected?: number;
  /** For `typed` and `computed`: where that value differs. */
  at?: { row: number; col: number };
}

/** Functions whose result over a range is a figure of the range: a total, an average, a count. */
const AGGREGATES = new Set(['SUM', 'AVERAGE', 'AVERAGEA', 'COUNT', 'COUNTA', 'MAX', 'MIN', 'SUBTOTAL', 'PRODUCT']);

/** True for references joined by + (inside SUM or not): a formula that only adds cells. */
export function addsUp(node: FormulaNode): boolean {
  if (node.kind === 'reference') return true;
  if (node.kind === 'function') return node.name === 'SUM' && node.args.length > 0 && node.args.every(addsUp);
  if (node.kind === 'binary') return node.op === '+' && addsUp(node.left) && addsUp(node.right);
  return node.kind === 'unary' && node.op === '+' && addsUp(node.arg);
}

/** True for a formula that aggregates cells: an aggregate function of references, or references added up. */
function aggregates(formula: FormulaCell): boolean {
  const node = formula.node;
  if (!node) return false;
  if (node.kind === 'function' && AGGREGATES.has(node.name))
    return node.args.length > 0 && node.args.every((a) => a.kind === 'reference');
  return addsUp(node) && cellsRead(formula) >= 2;
}

function cellsRead(formula: FormulaCell): number {
  let n = 0;
  for (const a of formula.fingerprint.areas) n += (a.bottom - a.top + 1) * (a.right - a.left + 1);
  return n;
}

const plain = (a: RelativeArea) => a.sheet === '' && !a.rowsFixed && !a.colsFixed && a.growing === undefined;

/** The area is the cells before the formula's cell on its own line: above it in its column ('rows': a line of totals along a row). */
function onOwnAxisBefore(a: RelativeArea, orientation: Orientation): boolean {
  return (
    plain(a) &&
    (orientation === 'rows'
      ? a.left === 0 && a.right === 0 && a.bottom < 0
      : a.top === 0 && a.bottom === 0 && a.right < 0)
  );
}

/** The area lies on the formula's own line (its row for 'rows'). */
function onOwnLine(a: RelativeArea, orientation: Orientation): boolean {
  return plain(a) && (orientation === 'rows' ? a.top === 0 && a.bottom === 0 : a.left === 0 && a.right === 0);
}

/** The run a total of a line adds: one area before it on its own axis, for an aggregating formula; else undefined. */
export function totalRun(formula: FormulaCell, orientation: Orientation): RelativeArea | undefined {
  const areas = formula.fingerprint.areas;
  if (areas.length !== 1 || !onOwnAxisBefore(areas[0] as RelativeArea, orientation) || !aggregates(formula))
    return undefined;
  return areas[0];
}

/** The formula's construction without its references and numbers: `(@/@)` for `=B3/A3` and `=C7/B2`. */
function decimalsOf(value: number): number {
  const text = String(Math.abs(value));
  if (text.includes('e')) return 0;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(10, text.length - dot - 1);
}

/** The line (strip) a formula cell belongs to along one orientation, as its copies share it. */
export interface LineInfo {
  /** The fingerprint most cells of the line share, and how many cells share it. */
  dominant: string;
  dominantCells: number;
  /** All cells of the line: formulas and typed numbers. */
  cells: number;
}

export interface SheetRegions {
  faults: readonly RegionFault[];
  /** By orientation, the line of every formula cell (key row * 16384 + col). */
  lines: Readonly<Record<Orientation, ReadonlyMap<number, LineInfo>>>;
}

const cache = new WeakMap<SheetGrid, SheetRegions>();
const NONE: SheetRegions = { faults: [], lines: { rows: new Map(), columns: new Map() } };

/** The region faults and lines of the sheet, computed once per grid. */
export function sheetRegions(grid: SheetGrid): SheetRegions {
  const known = cache.get(grid);
  if (known) return known;
  const found = findRegions(grid);
  cache.set(grid, found);
  return found;
}

/** The line of the formula cell at (row, col) along the orientation, if it has one. */
export function lineOf(grid: SheetGrid, row: number, col: number, orientation: Orientation): LineInfo | undefined {
  return sheetRegions(grid).lines[orientation].get(row * 16384 + col);
}

function findRegions(grid: SheetGrid): SheetRegions {
  const formulas = sheetFormulas(grid);
  if (formulas.size === 0) return NONE;
  const members: Member[] = [];
  for (const cell of grid.sheet.cells) {
    const formula = formulas.get(cell);
    if (formula) members.push({ row: cell.row, col: cell.col, key: formula.fingerprint.key });
    else if (cell.value.type === 'number') members.push({ row: cell.row, col: cell.col, key: TYPED });
  }
  const formulaAt = (row: number, col: number) => {
    const cell = grid.cell(row, col);
    return cell?.formula ? formulas.get(cell) : undefined;
  };
  const isEmpty = (row: number, col: number) => {
    const cell = grid.cell(row, col);
    return !cell || (cell.value.type === 'empty' && !cell.formula);
  };
  const faults: RegionFault[] = [];
  const lines: Record<Orientation, Map<number, LineInfo>> = { rows: new Map(), columns: new Map() };
  for (const orientation of ['rows', 'columns'] as const) {
    for (const strip of strips(fingerprintRectangles(members, orientation), orientation, isEmpty)) {
      const info = lineInfo(strip.rectangles);
      for (const r of strip.rectangles)
        if (r.key !== TYPED)
          for (let row = r.top; row <= r.bottom; row++)
            for (let col = r.left; col <= r.right; col++) lines[orientation].set(row * 16384 + col, info);
      if (strip.rectangles.length < 2) continue;
      for (const proposal of proposeFixes(strip)) {
        // The line has a dominant formula only when more than half of its cells share it.
        if (proposal.targetCells * 2 <= proposal.stripCells) continue;
        faults.push(...judge(grid, proposal, orientation, formulaAt));
      }
    }
  }
  return { faults, lines };
}

function lineInfo(rectangles: readonly Rectangle[]): LineInfo {
  const counts = new Map<string, number>();
  let cells = 0;
  for (const r of rectangles) {
    const n = cellCount(r);
    cells += n;
    counts.set(r.key, (counts.get(r.key) ?? 0) + n);
  }
  let dominant = '';
  let dominantCells = 0;
  for (const [key, n] of counts)
    if (n > dominantCells) {
      dominant = key;
      dominantCells = n;
    }
  return { dominant, dominantCells, cells };
}

type FormulaAt = (row: number, col: number) => FormulaCell | undefined;

function judge(grid: SheetGrid, proposal: Proposal, orientation: Orientation, formulaAt: FormulaAt): RegionFault[] {
  const { region, match } = proposal;
  const first = match[0] as Rectangle;
  const model = formulaAt(first.top, first.left);
  if (!model) return [];
  const modelRun = totalRun(model, orientation);
  // Only lines of totals are judged as regions; copies of other formulas are judged cell by cell by the rules.
  if (!modelRun) return [];
  const base = { orientation, region, match, model };
  const one = (fault: RegionFault | undefined) => (fault ? [fault] : []);
  if (region.key === TYPED) return one(typedTotal(grid, base, modelRun));
  const formula = formulaAt(region.top, region.left);
  if (!formula) return [];
  const run = totalRun(formula, orientation);
  if (run) return extent(grid, { ...base, formula }, run, modelRun);
  const areas = formula.fingerprint.areas;
  if (areas.length > 0 && areas.every((a) => onOwnAxisBefore(a, orientation)))
    return one(computedOtherwise(grid, { ...base, formula }, modelRun));
  if (areas.length > 0 && areas.every((a) => onOwnLine(a, orientation)) && formula.node && addsUp(formula.node))
    return one(crossTotal(grid, { ...base, formula }, modelRun));
  return [];
}

/** True when some cell of the rectangles holds a non-zero figure `from` reads and `to` does not, at its place. */
function leavesOut(grid: SheetGrid, rects: readonly Rectangle[], from: RelativeArea, to: RelativeArea): boolean {
  for (const rect of rects)
    for (let row = rect.top; row <= rect.bottom; row++)
      for (let col = rect.left; col <= rect.right; col++)
        for (let r = from.top; r <= from.bottom; r++)
          for (let c = from.left; c <= from.right; c++) {
            if (r >= to.top && r <= to.bottom && c >= to.left && c <= to.right) continue;
            const v = grid.value(row + r, col + c);
            if (v.type === 'number' && v.value !== 0) return true;
          }
  return false;
}

/**
 * Totals of one line that add another run than the line's dominant totals. The figures decide which side is
 * short: when the dominant totals leave out figures the region adds and the region leaves out none, the
 * dominant totals are reported (each rectangle, matching the region); otherwise the region is, also when the
 * rows (columns) in question are blank, since the next figure typed there would be counted by one side only.
 */
function extent(
  grid: SheetGrid,
  base: Omit<RegionFault, 'kind'> & { formula: FormulaCell },
  run: RelativeArea,
  modelRun: RelativeArea,
): RegionFault[] {
  const { region, match } = base;
  const regionShort = leavesOut(grid, [region], modelRun, run);
  const modelShort = leavesOut(grid, match, run, modelRun);
  if (modelShort && !regionShort)
    return match.map((rect) => ({
      ...base,
      kind: 'extent',
      region: rect,
      match: [region],
      formula: base.model,
      model: base.formula,
      reads: { region: modelRun, model: run },
    }));
  return [{ ...base, kind: 'extent', reads: { region: run, model: modelRun } }];
}

/** What the line's total would give at (row, col): its aggregate over its run there, from the cells' values. */
function totalAt(grid: SheetGrid, model: FormulaCell, run: RelativeArea, row: number, col: number): number | undefined {
  const node = model.node;
  if (!node) return undefined;
  const name = node.kind === 'function' ? node.name : 'SUM';
  const values: number[] = [];
  for (let r = run.top; r <= run.bottom; r++)
    for (let c = run.left; c <= run.right; c++) {
      const v = grid.value(row + r, col + c);
      if (v.type === 'number') values.push(v.value);
    }
  switch (name) {
    case 'SUM':
    case 'SUBTOTAL':
      return values.reduce((a, b) => a + b, 0);
    case 'AVERAGE':
    case 'AVERAGEA':
      return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
    case 'COUNT':
      return values.length;
    case 'MAX':
      return values.length > 0 ? Math.max(...values) : undefined;
    case 'MIN':
      return values.length > 0 ? Math.min(...values) : undefined;
    default:
      return undefined;
  }
}

const sameFigure = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * A total of the line computed another way from its own block (`=B31-B33+B34`, `=(K68)-(K72)`, a link to one of
 * the figures the others add): reported when some cell of the region holds another value than the line's total
 * would give there (the same total written another way, `=B26+C26+E26` for `=D26+E26` with D = B + C, is not).
 */
function computedOtherwise(
  grid: SheetGrid,
  base: Omit<RegionFault, 'kind'>,
  run: RelativeArea,
): RegionFault | undefined {
  const { region } = base;
  for (let row = region.top; row <= region.bottom; row++)
    for (let col = region.left; col <= region.right; col++) {
      const own = grid.value(row, col);
      const total = totalAt(grid, base.model, run, row, col);
      if (own.type === 'number' && total !== undefined && !sameFigure(own.value, total))
        return { ...base, kind: 'computed', expected: total, at: { row, col } };
    }
  return undefined;
}

/**
 * Typed numbers in a line of totals that add: reported when one differs from what the line's formula would add
 * at its place by more than the figures' rounding explains (half a unit of the typed number's last decimal per
 * figure added). Lines of averages or counts are left alone.
 */
function typedTotal(grid: SheetGrid, base: Omit<RegionFault, 'kind'>, run: RelativeArea): RegionFault | undefined {
  const node = base.model.node;
  if (!node || !addsUp(node)) return undefined;
  const { region } = base;
  // A number in another format than the totals beside it (a rate in 0% among amounts) is another measure.
  const format = base.model.cell.format ?? '';
  let expected: number | undefined;
  let at: { row: number; col: number } | undefined;
  for (let row = region.top; row <= region.bottom; row++) {
    for (let col = region.left; col <= region.right; col++) {
      const typed = grid.value(row, col);
      if (typed.type !== 'number' || (grid.cell(row, col)?.format ?? '') !== format) return undefined;
      let sum = 0;
      let figures = 0;
      for (let r = run.top; r <= run.bottom; r++)
        for (let c = run.left; c <= run.right; c++) {
          const v = grid.value(row + r, col + c);
          if (v.type === 'number') {
            sum += v.value;
            figures++;
          }
        }
      if (figures === 0) return undefined;
      const tolerance = figures * 0.5 * 10 ** -decimalsOf(typed.value);
      if (Math.abs(sum - typed.value) <= tolerance) return undefined;
      if (expected === undefined) {
        expected = sum;
        at = { row, col };
      }
    }
  }
  return expected === undefined || !at ? undefined : { ...base, kind: 'typed', expected, at };
}

/** A total adding the totals beside it, while figures typed in its own column above (row before) go uncounted. */
function crossTotal(grid: SheetGrid, base: Omit<RegionFault, 'kind'>, run: RelativeArea): RegionFault | undefined {
  const { region } = base;
  const omitted: Array<{ row: number; col: number }> = [];
  for (let r = run.top; r <= run.bottom; r++)
    for (let c = run.left; c <= run.right; c++) {
      const row = region.top + r;
      const col = region.left + c;
      const cell = grid.cell(row, col);
      if (cell && !cell.formula && cell.value.type === 'number' && cell.value.value !== 0) omitted.push({ row, col });
    }
  return omitted.length > 0 && cellCount(region) === 1 ? { ...base, kind: 'crossTotal', omitted } : undefined;
}
