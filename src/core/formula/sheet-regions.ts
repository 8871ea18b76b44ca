/**
 * The region faults of one sheet, found once per check and shared by the formula rules: the proposals of
 * `regions.ts` (a rectangle that would match its line's dominant formula if changed) kept only where the sheet
 * itself gives a reason to think the difference is a fault, not a change of formula the author meant.
 *
 * A line of totals is a strip whose dominant formula aggregates cells before it on its own axis: each total of a
 * row of totals adds cells above it in its own column (or, for a column of totals, cells before it in its own
 * row). In such a line:
 * - `extent`: some totals add another set of rows (columns) than the rest: `formula/range-omits`. The figures
 *   decide which side is short; with two blocks of as many totals, only the figures can, so a tie is reported
 *   only when one side leaves out figures the other adds;
 * - `typed`: a number typed among totals that add, differing from what they would add at its place by more than
 *   the rounding of the figures explains, in the same number format: `formula/hardcoded`;
 * - `computed`: a total computed another way from its own column (`=B31-B33+B34` beside `=SUM(F31:F33)`), whose
 *   value differs from what the line's total would give: `formula/inconsistent`;
 * - `crossTotal`: a total adding the totals beside it, while figures typed in its own column above it (its row
 *   before it) go uncounted: `formula/range-omits`.
 * - `constants`: a total that adds a typed number to what it adds (`=SUM(E11:E26)+1` among `=SUM(B11:B26)`, a
 *   plug figure): `formula/inconsistent`;
 * - `rates`: totals that add rates (each a division of figures of its own row, `=E30/D30`) while the other totals
 *   of the line add amounts: a sum of rates means nothing: `formula/inconsistent`.
 *
 * Left alone, as a reviewer reads them as intended: a line without a dominant formula (more than half of the
 * formula cells that count), cells computed from their own line only (a rate of the totals beside it, a cross
 * total over totals; they do not count), typed numbers in a line of averages or in another number format (a
 * published average, a percentage among amounts), a total written another way that gives the same value, and
 * numbers written into copies of other formulas (a divisor per row, a rate per year).
 */
import type { SheetGrid } from '../grid';
import type { RelativeArea } from './fingerprint';
import { r1c1Of, type FormulaNode, type ResolvedReference } from './parse';
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

export type RegionFaultKind = 'extent' | 'typed' | 'computed' | 'crossTotal' | 'constants' | 'rates';

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
  /** For `extent`: the lines (rows, or columns) the region's totals and the dominant ones add, as offsets. */
  reads?: { region: number[]; model: number[] };
  /** For `extent`: the region's totals add subtotals together with the figures those subtotals hold. */
  doubles?: boolean;
  /** For `crossTotal`: the figures left out (absolute positions). */
  omitted?: Array<{ row: number; col: number }>;
  /** For `typed` and `computed`: the value the line's total would give where the region first differs. */
  expected?: number;
  /** For `typed` and `computed`: that cell. */
  at?: { row: number; col: number };
}

/** Functions whose result over a range is a figure of the range: a total, an average, a count. */
const AGGREGATE_NAMES = ['SUM', 'AVERAGE', 'AVERAGEA', 'COUNT', 'COUNTA', 'MAX', 'MIN', 'SUBTOTAL'];
const AGGREGATES = new Set(AGGREGATE_NAMES);
/** Longest run of a total that is compared line by line (a whole-column SUM is not). */
const MAX_RUN = 100_000;

/** True for references joined by + (inside SUM or not): a formula that only adds cells. */
export function addsUp(node: FormulaNode): boolean {
  if (node.kind === 'reference') return true;
  if (node.kind === 'function') return node.name === 'SUM' && node.args.length > 0 && node.args.every(addsUp);
  if (node.kind === 'binary') return node.op === '+' && addsUp(node.left) && addsUp(node.right);
  return node.kind === 'unary' && node.op === '+' && addsUp(node.arg);
}

function cellsRead(formula: FormulaCell): number {
  let n = 0;
  for (const a of formula.fingerprint.areas) n += (a.bottom - a.top + 1) * (a.right - a.left + 1);
  return n;
}

/** True for a formula that aggregates cells: an aggregate function of references, or two or more cells added up. */
/** Without an aggregate function or a + among its tokens, a formula aggregates nothing (no parse needed to know). */
const mayAggregate = (formula: FormulaCell) =>
  formula.pattern.includes('+') || AGGREGATE_NAMES.some((name) => formula.calls(name));

function aggregates(formula: FormulaCell): boolean {
  if (!mayAggregate(formula)) return false;
  const node = formula.node;
  if (!node) return false;
  if (node.kind === 'function' && AGGREGATES.has(node.name))
    return node.args.length > 0 && node.args.every((a) => a.kind === 'reference');
  return addsUp(node) && cellsRead(formula) >= 2;
}

const plain = (a: RelativeArea) => a.sheet === '' && !a.rowsFixed && !a.colsFixed && a.growing === undefined;

/** The area lies before the formula's cell on its own axis: above it in its column, for a line along a row. */
function beforeOnAxis(a: RelativeArea, orientation: Orientation): boolean {
  return (
    plain(a) &&
    (orientation === 'rows'
      ? a.left === 0 && a.right === 0 && a.bottom < 0
      : a.top === 0 && a.bottom === 0 && a.right < 0)
  );
}

/** The area lies on the formula's own line (its row, for a line along a row). */
function onLine(a: RelativeArea, orientation: Orientation): boolean {
  return plain(a) && (orientation === 'rows' ? a.top === 0 && a.bottom === 0 : a.left === 0 && a.right === 0);
}

/** True when the formula reads cells and all of them lie on its own line: a figure computed from the line. */
export function readsOwnLine(formula: FormulaCell, orientation: Orientation): boolean {
  const areas = formula.fingerprint.areas;
  return areas.length > 0 && areas.every((a) => onLine(a, orientation));
}

/** The lines (offsets along the axis) the areas cover, or undefined past MAX_RUN. */
function offsets(areas: readonly RelativeArea[], orientation: Orientation): number[] | undefined {
  const found = new Set<number>();
  for (const a of areas) {
    const [from, to] = orientation === 'rows' ? [a.top, a.bottom] : [a.left, a.right];
    if (to - from + 1 > MAX_RUN) return undefined;
    for (let k = from; k <= to; k++) found.add(k);
  }
  return [...found].sort((x, y) => x - y);
}

/**
 * What a total of a line adds: the offsets of the lines before it on its own axis, for an aggregating formula
 * whose every area lies there; undefined for any other formula.
 */
export function totalReads(formula: FormulaCell, orientation: Orientation): number[] | undefined {
  let known = readsCache.get(formula);
  if (!known) {
    known = {};
    readsCache.set(formula, known);
  }
  if (!(orientation in known))
    known[orientation] = totalShape(formula, orientation) ? offsets(formula.fingerprint.areas, orientation) : undefined;
  return known[orientation];
}

/** True when the formula is a total of a line: it aggregates, and every area it reads lies before it on its axis. */
function totalShape(formula: FormulaCell, orientation: Orientation): boolean {
  const areas = formula.fingerprint.areas;
  if (areas.length === 0) return false;
  for (const a of areas) if (!beforeOnAxis(a, orientation)) return false;
  return aggregates(formula);
}

/** What each formula adds, per orientation, worked out once (a SUM over a long column is thousands of lines). */
const readsCache = new WeakMap<FormulaCell, Partial<Record<Orientation, number[] | undefined>>>();

/** The position `offset` lines before (row, col) along the orientation's axis. */
const along = (orientation: Orientation, row: number, col: number, offset: number) =>
  orientation === 'rows' ? { row: row + offset, col } : { row, col: col + offset };

function decimalsOf(value: number): number {
  const text = String(Math.abs(value));
  if (text.includes('e')) return 0;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(10, text.length - dot - 1);
}

/** The line a formula cell lies on along one orientation, as its copies share it. */
export interface LineInfo {
  /** The fingerprint most counted cells of the line share, and how many cells share it. */
  dominant: string;
  dominantCells: number;
  /** The line's formula cells that count: those not computed from the line itself. */
  cells: number;
}

export interface SheetRegions {
  faults: readonly RegionFault[];
  /**
   * The cells of every fault's region and of the rectangles it is compared with (key row * 16384 + col): a line
   * the region logic has judged, which the rules' cell-by-cell checks leave to it.
   */
  judged: ReadonlySet<number>;
}

/** The key of a cell in `SheetRegions.judged`. */
export const cellKey = (row: number, col: number) => row * 16384 + col;

const cache = new WeakMap<SheetGrid, SheetRegions>();
const NONE: SheetRegions = { faults: [], judged: new Set() };

/** The region faults of the sheet, computed once per grid. */
export function sheetRegions(grid: SheetGrid): SheetRegions {
  const known = cache.get(grid);
  if (known) return known;
  const found = findRegions(grid);
  cache.set(grid, found);
  return found;
}

/** True for a formula that counts towards its line's distribution: it reads cells, not only its own line's. */
function counts(formula: FormulaCell, orientation: Orientation): boolean {
  return formula.fingerprint.key !== '' && !readsOwnLine(formula, orientation);
}

/**
 * The line of the formula cell at (row, col) along the orientation (its row for 'rows'): the formulas and typed
 * numbers on either side, over gaps of at most one empty cell, up to text or a wider gap; found on demand, for
 * the few cells a rule asks about.
 */
export function lineOf(grid: SheetGrid, row: number, col: number, orientation: Orientation): LineInfo | undefined {
  const formulas = sheetFormulas(grid);
  const tally = new Map<string, number>();
  let cells = 0;
  const visit = (r: number, c: number): 'member' | 'empty' | 'stop' => {
    if (r < 0 || c < 0 || r >= grid.rowCount || c >= grid.colCount) return 'stop';
    const cell = grid.cell(r, c);
    const formula = cell?.formula ? formulas.get(cell) : undefined;
    if (formula) {
      if (counts(formula, orientation)) {
        cells++;
        tally.set(formula.fingerprint.key, (tally.get(formula.fingerprint.key) ?? 0) + 1);
      }
      return 'member';
    }
    if (!cell || cell.value.type === 'empty') return 'empty';
    return cell.value.type === 'number' ? 'member' : 'stop';
  };
  if (!grid.cell(row, col)?.formula || visit(row, col) !== 'member') return undefined;
  for (const step of [-1, 1]) {
    let gap = 0;
    for (let k = step; ; k += step) {
      const seen = orientation === 'rows' ? visit(row, col + k) : visit(row + k, col);
      if (seen === 'stop') break;
      gap = seen === 'empty' ? gap + 1 : 0;
      if (gap > 1) break;
    }
  }
  let dominant = '';
  let dominantCells = 0;
  for (const [key, n] of tally)
    if (n > dominantCells) {
      dominant = key;
      dominantCells = n;
    }
  return { dominant, dominantCells, cells };
}

type FormulaAt = (row: number, col: number) => FormulaCell | undefined;

interface SheetView {
  grid: SheetGrid;
  formulaAt: FormulaAt;
  /** A formula of each fingerprint, to read what the fingerprint's cells compute. */
  byKey: ReadonlyMap<string, FormulaCell>;
  /** The cells (`cellKey`) whose formula divides: where a rate can be. */
  divisions: ReadonlySet<number>;
}

function findRegions(grid: SheetGrid): SheetRegions {
  const formulas = sheetFormulas(grid);
  if (formulas.size === 0) return NONE;
  // Only rows that hold a total of a row of totals, and columns that hold a total of a column of totals, can
  // have a region fault: the cells of the others are left out of the decomposition.
  const totalRows = new Set<number>();
  const totalCols = new Set<number>();
  const byKey = new Map<string, FormulaCell>();
  const divisions = new Set<number>();
  for (const formula of formulas.values()) {
    if (formula.pattern.includes('/')) divisions.add(cellKey(formula.cell.row, formula.cell.col));
    if (!mayAggregate(formula)) continue;
    if (totalShape(formula, 'rows')) totalRows.add(formula.cell.row);
    if (totalShape(formula, 'columns')) totalCols.add(formula.cell.col);
  }
  if (totalRows.size === 0 && totalCols.size === 0) return NONE;
  const members: Record<Orientation, Member[]> = { rows: [], columns: [] };
  for (const cell of grid.sheet.cells) {
    const inRow = totalRows.has(cell.row);
    const inCol = totalCols.has(cell.col);
    if (!inRow && !inCol) continue;
    const formula = cell.formula ? formulas.get(cell) : undefined;
    if (!formula && cell.value.type !== 'number') continue;
    if (formula && !byKey.has(formula.fingerprint.key)) byKey.set(formula.fingerprint.key, formula);
    const member = { row: cell.row, col: cell.col, key: formula ? formula.fingerprint.key : TYPED };
    if (inRow) members.rows.push(member);
    if (inCol) members.columns.push(member);
  }
  const view: SheetView = {
    grid,
    byKey,
    divisions,
    formulaAt: (row, col) => {
      const cell = grid.cell(row, col);
      return cell?.formula ? formulas.get(cell) : undefined;
    },
  };
  const isEmpty = (row: number, col: number) => {
    const cell = grid.cell(row, col);
    return !cell || (cell.value.type === 'empty' && !cell.formula);
  };
  const faults: RegionFault[] = [];
  for (const orientation of ['rows', 'columns'] as const) {
    // A typed number, a formula reading no cell and a figure computed from its own line do not count towards a
    // line's distribution: only the formulas that could be copies of one another do.
    const counted = (key: string) => {
      const formula = key === TYPED ? undefined : byKey.get(key);
      return !!formula && counts(formula, orientation);
    };
    const found: RegionFault[] = [];
    // A total of the line itself (a SUM of the column above, in a column of row totals) closes its block.
    const closes = (key: string) => {
      const formula = key === TYPED ? undefined : byKey.get(key);
      return !!formula && readsOwnLine(formula, orientation) && aggregates(formula);
    };
    const runs = fingerprintRectangles(members[orientation], orientation, false);
    const isTotal = (key: string) => {
      const formula = key === TYPED ? undefined : byKey.get(key);
      return !!formula && totalReads(formula, orientation) !== undefined;
    };
    for (const strip of strips(runs, orientation, isEmpty, 1, closes)) {
      // Only lines of totals are judged here: a line whose commonest formulas are no totals is skipped at once.
      if (!leadsWithTotal(strip.rectangles, counted, isTotal)) continue;
      const proposals = strip.rectangles.length < 2 ? [] : proposeFixes(strip, { counted });
      for (const proposal of proposals) found.push(...judge(view, proposal, orientation, counted));
      // Within the dominant formula's own cells: plugs, and totals that add rates.
      const dominant = dominantOf(strip.rectangles, counted);
      if (dominant) {
        found.push(...plugsOf(view, dominant.key, dominant.rects, orientation));
        found.push(...ratesOf(view, dominant.key, dominant.rects, orientation));
        found.push(...computedWithin(view, dominant.key, dominant.rects, orientation));
      }
    }
    faults.push(...stacked(found, orientation));
  }
  const judged = new Set<number>();
  for (const fault of faults)
    for (const rect of [fault.region, ...fault.match])
      for (let row = rect.top; row <= rect.bottom; row++)
        for (let col = rect.left; col <= rect.right; col++) judged.add(cellKey(row, col));
  return { faults, judged };
}

/** True when one of the strip's commonest counted fingerprints (the dominant one, or either side of a tie) is a total. */
function leadsWithTotal(
  rectangles: readonly Rectangle[],
  counted: (key: string) => boolean,
  isTotal: (key: string) => boolean,
): boolean {
  const tally = new Map<string, number>();
  let most = 0;
  for (const r of rectangles) {
    if (!counted(r.key)) continue;
    const n = (tally.get(r.key) ?? 0) + cellCount(r);
    tally.set(r.key, n);
    if (n > most) most = n;
  }
  for (const [key, n] of tally) if (n === most && isTotal(key)) return true;
  return false;
}

/** The strip's dominant formula (two cells or more, more than half of those that count) and its rectangles. */
function dominantOf(
  rectangles: readonly Rectangle[],
  counted: (key: string) => boolean,
): { key: string; rects: Rectangle[] } | undefined {
  if (rectangles.length === 1 && cellCount(rectangles[0] as Rectangle) < 2) return undefined;
  const tally = new Map<string, number>();
  let total = 0;
  for (const r of rectangles) {
    if (!counted(r.key)) continue;
    const n = cellCount(r);
    total += n;
    tally.set(r.key, (tally.get(r.key) ?? 0) + n);
  }
  const ranked = [...tally].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || top[1] < 2 || top[1] * 2 <= total || (second && second[1] === top[1])) return undefined;
  return { key: top[0], rects: rectangles.filter((r) => r.key === top[0]) };
}

/**
 * Faults found line by line, joined where the same fault repeats on consecutive lines over the same span, against
 * the same rectangles (two rows of typed numbers under one another): one rectangle, one finding.
 */
function stacked(faults: RegionFault[], orientation: Orientation): RegionFault[] {
  const across = (r: Rectangle) => (orientation === 'rows' ? [r.top, r.bottom] : [r.left, r.right]);
  const span = (r: Rectangle) => (orientation === 'rows' ? `${r.left}-${r.right}` : `${r.top}-${r.bottom}`);
  const signature = (f: RegionFault) =>
    [f.kind, span(f.region), f.match.map(span).join(','), f.reads?.region.join(','), f.reads?.model.join(',')].join(
      '|',
    );
  const result: RegionFault[] = [];
  const open = new Map<string, RegionFault>();
  const sorted = [...faults].sort((a, b) => (across(a.region)[0] as number) - (across(b.region)[0] as number));
  for (const fault of sorted) {
    const key = signature(fault);
    const previous = open.get(key);
    const [from] = across(fault.region) as [number, number];
    if (previous && (across(previous.region)[1] as number) === from - 1) {
      const grow = (r: Rectangle, by: Rectangle) =>
        orientation === 'rows' ? { ...r, bottom: by.bottom } : { ...r, right: by.right };
      previous.region = grow(previous.region, fault.region);
      previous.match = previous.match.map((m, i) => grow(m, fault.match[i] as Rectangle));
      continue;
    }
    const copy = { ...fault };
    open.set(key, copy);
    result.push(copy);
  }
  return result;
}

function judge(
  view: SheetView,
  proposal: Proposal,
  orientation: Orientation,
  counted: (key: string) => boolean,
): RegionFault[] {
  const { region, match } = proposal;
  const model = view.byKey.get(proposal.target);
  if (!model) return [];
  const modelReads = totalReads(model, orientation);
  // Only lines of totals are judged as regions; copies of other formulas are judged cell by cell by the rules.
  if (!modelReads) return [];
  // One formula beside a different one is as often two different rows as a pattern: a dominant formula needs two
  // cells or more, and more than half of the line.
  const dominant = !proposal.tie && proposal.targetCells >= 2 && proposal.targetCells * 2 > proposal.stripCells;
  const base = { orientation, region, match, model };
  const one = (fault: RegionFault | undefined) => (fault ? [fault] : []);
  if (region.key === TYPED) return dominant ? one(typedTotal(view.grid, base, modelReads)) : [];
  const formula = view.formulaAt(region.top, region.left);
  if (!formula) return [];
  const reads = totalReads(formula, orientation);
  if (reads) return extent(view.grid, view.formulaAt, { ...base, formula }, reads, modelReads, dominant);
  if (!dominant || !counted(region.key)) {
    // A cell computed from its own line: a cross total that leaves out the figures of its own column.
    return dominant && formula.node && addsUp(formula.node) && readsOwnLine(formula, orientation)
      ? one(crossTotal(view.grid, { ...base, formula }, modelReads))
      : [];
  }
  const areas = formula.fingerprint.areas;
  if (areas.every((a) => beforeOnAxis(a, orientation)))
    return one(computedOtherwise(view.grid, { ...base, formula }, modelReads));
  return [];
}

/**
 * True when some cell of the rectangles has, on a line `from` adds and `to` does not, a non-zero figure that `to`
 * does not count either through a subtotal: a formula that adds up cells on a line `to` adds, in the cell's own
 * column or, for a row of totals, anywhere in that row (a block's subtotal column holds the subtotals a grand
 * total adds, while the other columns show the items).
 */
function leavesOut(
  grid: SheetGrid,
  formulaAt: FormulaAt,
  rects: readonly Rectangle[],
  from: readonly number[],
  to: readonly number[],
  orientation: Orientation,
): boolean {
  const missing = from.filter((k) => !to.includes(k));
  if (missing.length === 0) return false;
  // The subtotals `to` adds, read only once a figure is found missing (most differences are blank lines).
  const subtotalsAt = (row: number, col: number) =>
    to.flatMap((k) => {
      const at = along(orientation, row, col, k);
      const candidates =
        orientation === 'rows'
          ? grid.cellsInRow(at.row).flatMap((c) => (c.formula ? [formulaAt(c.row, c.col)] : []))
          : [formulaAt(at.row, at.col)];
      return candidates.flatMap((f) =>
        f && (f.calls('SUM') || f.pattern.includes('+')) && f.node && addsUp(f.node)
          ? f.references.filter((r) => r.sheet === undefined)
          : [],
      );
    });
  for (const rect of rects)
    for (let row = rect.top; row <= rect.bottom; row++)
      for (let col = rect.left; col <= rect.right; col++) {
        let subtotals: ResolvedReference[] | undefined;
        for (const k of missing) {
          const at = along(orientation, row, col, k);
          const v = grid.value(at.row, at.col);
          if (v.type !== 'number' || v.value === 0) continue;
          subtotals ??= subtotalsAt(row, col);
          const counted = subtotals.some((r) =>
            orientation === 'rows'
              ? r.top <= at.row && at.row <= r.bottom
              : r.top <= at.row && at.row <= r.bottom && r.left <= at.col && at.col <= r.right,
          );
          if (!counted) return true;
        }
      }
  return false;
}

/**
 * True when the total at the rectangle's first cell adds a subtotal (a formula that adds up cells) together with
 * the lines that subtotal adds.
 */
function doubleCounts(
  formulaAt: FormulaAt,
  rect: Rectangle,
  reads: readonly number[],
  orientation: Orientation,
): boolean {
  const lines = new Set(reads);
  for (const k of reads) {
    const at = along(orientation, rect.top, rect.left, k);
    const inner = formulaAt(at.row, at.col);
    if (!inner?.node || !addsUp(inner.node)) continue;
    const own = totalReads(inner, orientation);
    if (own?.every((j) => lines.has(k + j))) return true;
  }
  return false;
}

/**
 * Totals of one line that add another set of lines than the line's dominant totals. The figures decide which
 * side is short: when the dominant totals leave out figures the region adds and the region leaves out none,
 * the dominant totals are reported (each rectangle, matching the region); otherwise the region is, also when the
 * lines in question are blank or zero: the next figure typed there would be counted by one side only. Without a
 * dominant side (two blocks of as many totals) only figures left out on one side are reported.
 */
function extent(
  grid: SheetGrid,
  formulaAt: FormulaAt,
  base: Omit<RegionFault, 'kind'> & { formula: FormulaCell },
  reads: number[],
  modelReads: number[],
  dominant: boolean,
): RegionFault[] {
  const { region, match, orientation } = base;
  // A side that adds subtotals together with the figures inside them counts those figures twice: it is wrong
  // whatever the other side leaves out (the other side adds the subtotals instead of the figures).
  const regionDoubles = doubleCounts(formulaAt, region, reads, orientation);
  const modelDoubles = doubleCounts(formulaAt, match[0] as Rectangle, modelReads, orientation);
  const regionShort = !modelDoubles && leavesOut(grid, formulaAt, [region], modelReads, reads, orientation);
  const modelShort = !regionDoubles && leavesOut(grid, formulaAt, match, reads, modelReads, orientation);
  const flipped = (): RegionFault[] =>
    match.map((rect) => ({
      ...base,
      kind: 'extent',
      region: rect,
      match: [region],
      formula: base.model,
      model: base.formula,
      reads: { region: modelReads, model: reads },
      doubles: modelDoubles,
    }));
  if (regionDoubles !== modelDoubles)
    return regionDoubles
      ? [{ ...base, kind: 'extent', reads: { region: reads, model: modelReads }, doubles: true }]
      : flipped();
  if (modelShort && !regionShort) return flipped();
  if (!dominant && !(regionShort && !modelShort)) return [];
  return [{ ...base, kind: 'extent', reads: { region: reads, model: modelReads } }];
}

/** What the line's total would give at (row, col): its aggregate over the lines it adds, from the cells' values. */
function totalAt(
  grid: SheetGrid,
  model: FormulaCell,
  reads: readonly number[],
  orientation: Orientation,
  row: number,
  col: number,
): { value: number; figures: number } | undefined {
  const node = model.node;
  if (!node) return undefined;
  const name = node.kind === 'function' ? node.name : 'SUM';
  const values: number[] = [];
  for (const k of reads) {
    const at = along(orientation, row, col, k);
    const v = grid.value(at.row, at.col);
    if (v.type === 'number') values.push(v.value);
  }
  const total = values.reduce((a, b) => a + b, 0);
  const figures = values.length;
  switch (name) {
    case 'SUM':
    case 'SUBTOTAL':
      return { value: total, figures };
    case 'AVERAGE':
    case 'AVERAGEA':
      return figures > 0 ? { value: total / figures, figures } : undefined;
    case 'COUNT':
      return { value: figures, figures };
    case 'MAX':
      return figures > 0 ? { value: Math.max(...values), figures } : undefined;
    case 'MIN':
      return figures > 0 ? { value: Math.min(...values), figures } : undefined;
    default:
      return undefined;
  }
}

/**
 * Typed numbers in a line of totals that add: reported when each differs from what the line's formula would add
 * at its place by more than the figures' rounding explains (half a unit of the typed number's last decimal per
 * figure added). Lines of averages or counts, and numbers in another format than the totals, are left alone.
 */
function typedTotal(grid: SheetGrid, base: Omit<RegionFault, 'kind'>, reads: number[]): RegionFault | undefined {
  const node = base.model.node;
  if (!node || !addsUp(node)) return undefined;
  const { region, orientation } = base;
  // A number in another format than the totals beside it (a rate in 0% among amounts) is another measure.
  const format = base.model.cell.format ?? '';
  let first: { expected: number; at: { row: number; col: number } } | undefined;
  for (let row = region.top; row <= region.bottom; row++)
    for (let col = region.left; col <= region.right; col++) {
      const typed = grid.value(row, col);
      if (typed.type !== 'number' || (grid.cell(row, col)?.format ?? '') !== format) return undefined;
      const total = totalAt(grid, base.model, reads, orientation, row, col);
      if (!total || total.figures === 0) return undefined;
      const tolerance = total.figures * 0.5 * 10 ** -decimalsOf(typed.value);
      if (Math.abs(total.value - typed.value) <= tolerance) return undefined;
      first ??= { expected: total.value, at: { row, col } };
    }
  return first ? { ...base, kind: 'typed', ...first } : undefined;
}

const sameFigure = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * A total of the line computed another way from its own column (`=B31-B33+B34`, `=(K68)-(K72)`, a link to one of
 * the figures the others add): reported when some cell of the region holds another value than the line's total
 * would give there (the same total written another way is not).
 */
function computedOtherwise(grid: SheetGrid, base: Omit<RegionFault, 'kind'>, reads: number[]): RegionFault | undefined {
  const { region, orientation } = base;
  for (let row = region.top; row <= region.bottom; row++)
    for (let col = region.left; col <= region.right; col++) {
      const own = grid.value(row, col);
      const total = totalAt(grid, base.model, reads, orientation, row, col);
      if (own.type === 'number' && total !== undefined && !sameFigure(own.value, total.value))
        return { ...base, kind: 'computed', expected: total.value, at: { row, col } };
    }
  return undefined;
}

/** A total adding the totals beside it, while figures typed in its own column above (row before) go uncounted. */
function crossTotal(grid: SheetGrid, base: Omit<RegionFault, 'kind'>, reads: number[]): RegionFault | undefined {
  const { region, orientation } = base;
  if (cellCount(region) !== 1) return undefined;
  const omitted: Array<{ row: number; col: number }> = [];
  for (const k of reads) {
    const at = along(orientation, region.top, region.left, k);
    const cell = grid.cell(at.row, at.col);
    if (cell && !cell.formula && cell.value.type === 'number' && cell.value.value !== 0) omitted.push(at);
  }
  return omitted.length > 0 ? { ...base, kind: 'crossTotal', omitted } : undefined;
}

/** The number a formula adds to (or takes from) a total: `=SUM(E11:E26)+1` → 1, `=SUM(C47:C59)-1000` → -1000. */
export function plugOf(node: FormulaNode): number | undefined {
  if (node.kind !== 'binary' || (node.op !== '+' && node.op !== '-')) return undefined;
  const sign = node.op === '-' ? -1 : 1;
  const number = (n: FormulaNode) =>
    n.kind === 'number'
      ? n.value
      : n.kind === 'unary' && n.arg.kind === 'number'
        ? (n.op === '-' ? -1 : 1) * n.arg.value
        : undefined;
  const right = number(node.right);
  if (right !== undefined && node.left.kind !== 'number') return sign * right;
  const left = number(node.left);
  return left !== undefined && node.op === '+' ? left : undefined;
}

/**
 * Totals of a line of totals that add a typed number to what they add (`=SUM(E11:E26)+1` among `=SUM(B11:B26)`):
 * a plug figure, one fault per such total. Only in lines whose other totals hold no number at all, so that a
 * rate or a unit written into every total (`/4`, `*100`) is never one.
 */
function plugsOf(
  view: SheetView,
  target: string,
  match: readonly Rectangle[],
  orientation: Orientation,
): RegionFault[] {
  const model = view.byKey.get(target);
  if (!model || !totalReads(model, orientation)) return [];
  const cells: Array<{ row: number; col: number; formula: FormulaCell }> = [];
  for (const rect of match)
    for (let row = rect.top; row <= rect.bottom; row++)
      for (let col = rect.left; col <= rect.right; col++) {
        const formula = view.formulaAt(row, col);
        if (formula) cells.push({ row, col, formula });
      }
  const plain = cells.filter((c) => c.formula.constants.length === 0);
  const plugged = cells.filter((c) => c.formula.node && plugOf(c.formula.node) !== undefined);
  if (plain.length < 2 || plain.length + plugged.length !== cells.length || plain.length * 2 <= cells.length) return [];
  // The totals without a plug, as runs along the line.
  const runs = runsOf(plain, orientation, target);
  // Only a total next to the others (a blank line between starts another block: a line of maxima, a check).
  const touches = (c: (typeof cells)[number]) =>
    plain.some((p) => (orientation === 'rows' ? Math.abs(p.col - c.col) : Math.abs(p.row - c.row)) === 1);
  return plugged.filter(touches).map((c) => ({
    kind: 'constants' as const,
    orientation,
    region: { top: c.row, bottom: c.row, left: c.col, right: c.col, key: target },
    match: runs,
    formula: c.formula,
    model: (plain[0] as (typeof cells)[number]).formula,
  }));
}

/** True for a rate of its own line: a division whose every reference lies on the cell's own row (column). */
function isRate(formula: FormulaCell | undefined, orientation: Orientation): boolean {
  const node = formula?.node;
  if (!formula || !node) return false;
  const top = node.kind === 'binary' && node.op === '*' && node.right.kind === 'number' ? node.left : node;
  // A division by a figure of the row (not by a number: `=C28*E28/100` applies a percentage to an amount).
  return (
    top.kind === 'binary' &&
    top.op === '/' &&
    top.right.kind === 'reference' &&
    formula.fingerprint.areas.length > 0 &&
    formula.fingerprint.areas.every((a) => onLine(a, orientation))
  );
}

/**
 * Totals of a line of adding totals whose figures are rates (at least half of what each adds is a division of
 * figures of its own row, `=E30/D30`), while other totals of the line add no rate: one fault per run of them,
 * matching the totals that add amounts. Shares of a fixed total (`=G19/G$21`) are no rates here: they add up.
 */
function ratesOf(
  view: SheetView,
  target: string,
  match: readonly Rectangle[],
  orientation: Orientation,
): RegionFault[] {
  const model = view.byKey.get(target);
  const reads = model ? totalReads(model, orientation) : undefined;
  if (!model?.node || !addsUp(model.node) || !reads) return [];
  const cells: Array<{ row: number; col: number; rates: boolean }> = [];
  for (const rect of match)
    for (let row = rect.top; row <= rect.bottom; row++)
      for (let col = rect.left; col <= rect.right; col++) {
        let figures = 0;
        let rates = 0;
        const divides = reads.some((k) => {
          const at = along(orientation, row, col, k);
          return view.divisions.has(cellKey(at.row, at.col));
        });
        if (!divides) {
          cells.push({ row, col, rates: false });
          continue;
        }
        for (const k of reads) {
          const at = along(orientation, row, col, k);
          if (view.grid.value(at.row, at.col).type !== 'number') continue;
          figures++;
          if (view.divisions.has(cellKey(at.row, at.col)) && isRate(view.formulaAt(at.row, at.col), orientation))
            rates++;
        }
        cells.push({ row, col, rates: rates > 0 && rates * 2 >= figures });
      }
  const adding = cells.filter((c) => !c.rates);
  if (adding.length === 0 || adding.length === cells.length) return [];
  const others = runsOf(adding, orientation, target);
  return runsOf(
    cells.filter((c) => c.rates),
    orientation,
    target,
  ).map((region) => ({
    kind: 'rates' as const,
    orientation,
    region,
    match: others,
    formula: view.formulaAt(region.top, region.left) as FormulaCell,
    model,
  }));
}

/** A formula's construction without its references and numbers: `SUM(@)` for every SUM of one range. */
const construction = (formula: FormulaCell) =>
  formula.node
    ? r1c1Of(
        formula.node,
        () => '@',
        () => '#',
      )
    : undefined;

/** Cells of a line as runs along it. */
function runsOf(
  cells: ReadonlyArray<{ row: number; col: number }>,
  orientation: Orientation,
  key: string,
): Rectangle[] {
  const runs: Rectangle[] = [];
  for (const c of cells) {
    const last = runs[runs.length - 1];
    if (last && orientation === 'rows' && last.top === c.row && last.right === c.col - 1) last.right = c.col;
    else if (last && orientation === 'columns' && last.left === c.col && last.bottom === c.row - 1) last.bottom = c.row;
    else runs.push({ top: c.row, bottom: c.row, left: c.col, right: c.col, key });
  }
  return runs;
}

/**
 * Totals of the dominant reading built another way (`=B1-B2+B3` among `=SUM(F1:F3)`: the same cells, another
 * sum) whose value differs from what the line's total gives at their place: `computed`, one per cell. Plugs are
 * `constants`; a total written another way with the same value is left alone.
 */
function computedWithin(
  view: SheetView,
  target: string,
  match: readonly Rectangle[],
  orientation: Orientation,
): RegionFault[] {
  const model = view.byKey.get(target);
  const reads = model ? totalReads(model, orientation) : undefined;
  if (!model || !reads) return [];
  const shape = construction(model);
  const cells: Array<{ row: number; col: number; formula: FormulaCell; expected?: number }> = [];
  for (const rect of match)
    for (let row = rect.top; row <= rect.bottom; row++)
      for (let col = rect.left; col <= rect.right; col++) {
        const formula = view.formulaAt(row, col);
        if (!formula) continue;
        const own = view.grid.value(row, col);
        // A copy with the model's very pattern is built the same way: only other patterns are parsed.
        const odd =
          formula.pattern !== model.pattern &&
          construction(formula) !== shape &&
          !(formula.node && plugOf(formula.node) !== undefined);
        const total = odd ? totalAt(view.grid, model, reads, orientation, row, col) : undefined;
        const differs = own.type === 'number' && total !== undefined && !sameFigure(own.value, total.value);
        cells.push(differs ? { row, col, formula, expected: total?.value } : { row, col, formula });
      }
  const odd = cells.filter((c) => c.expected !== undefined);
  if (odd.length === 0 || odd.length * 2 >= cells.length) return [];
  const others = runsOf(
    cells.filter((c) => c.expected === undefined),
    orientation,
    target,
  );
  return odd.map((c) => ({
    kind: 'computed' as const,
    orientation,
    region: { top: c.row, bottom: c.row, left: c.col, right: c.col, key: target },
    match: others,
    formula: c.formula,
    model,
    expected: c.expected,
    at: { row: c.row, col: c.col },
  }));
}
