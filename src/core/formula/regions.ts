/**
 * Regions of equal reference fingerprints, and the fixes that would make a sheet more uniform (after ExceLint,
 * Barowy, Berger and Zorn, OOPSLA 2018; see docs/formula-regions.md for what was taken and what was changed).
 *
 * 1. Every formula cell gets its fingerprint (`fingerprint.ts`), every typed number the fingerprint `#`.
 * 2. `fingerprintRectangles` grows maximal rectangles of one fingerprint: runs along one axis, then runs of equal
 *    span stacked along the other. One pass over the sorted cells and a hash of open runs: near-linear.
 * 3. `strips` chains rectangles of the same span along the run axis (a row of totals, a column of rates), over gaps
 *    of at most one empty column or row (the spacer columns of printed statements). A strip is the unit a
 *    reader compares: the cells of one line of a table that should be copies of one formula.
 * 4. `proposeFixes` measures each strip's fingerprint entropy and proposes, for every rectangle that is not of
 *    the strip's dominant formula, the fix "this rectangle would match those if changed", with the entropy
 *    before and after. Rules decide which proposals a reviewer needs to see.
 */

/** The fingerprint of a typed number: a constant where a formula could stand. */
export const TYPED = '#';

export interface Member {
  row: number;
  col: number;
  /** The reference fingerprint (`FormulaCell.fingerprint.key`), or TYPED for a typed number. */
  key: string;
}

export interface Rectangle {
  top: number;
  left: number;
  bottom: number;
  right: number;
  key: string;
}

/** 'rows': runs along each row, stacked down; 'columns': runs down each column, set side by side. */
export type Orientation = 'rows' | 'columns';

export const cellCount = (r: Rectangle) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/**
 * Maximal rectangles of one fingerprint. With 'rows', each row's cells form runs of equal fingerprint in adjacent
 * columns; a run joins the rectangle above it when both span the same columns with the same fingerprint.
 * 'columns' is the same with rows and columns exchanged. With `stack` false, the runs are returned as they are:
 * one line deep, so that a taller block crossing a line (a column of rates through a row of totals) cuts no line.
 */
export function fingerprintRectangles(members: readonly Member[], orientation: Orientation, stack = true): Rectangle[] {
  const along = orientation === 'rows' ? (m: Member) => m.col : (m: Member) => m.row;
  const across = orientation === 'rows' ? (m: Member) => m.row : (m: Member) => m.col;
  const order = (a: Member, b: Member) => across(a) - across(b) || along(a) - along(b);
  // Cells come row-major from a sheet: for 'rows' they are usually in order already.
  let inOrder = true;
  for (let i = 1; i < members.length && inOrder; i++)
    inOrder = order(members[i - 1] as Member, members[i] as Member) < 0;
  const sorted = inOrder ? members : [...members].sort(order);
  const done: Rectangle[] = [];
  // Rectangles still growing, by "from,to,key" of their runs; each line closes the ones it does not extend.
  let open = new Map<string, Rectangle>();
  let i = 0;
  while (i < sorted.length) {
    const line = across(sorted[i] as Member);
    const next = new Map<string, Rectangle>();
    while (i < sorted.length && across(sorted[i] as Member) === line) {
      const first = sorted[i] as Member;
      let last = first;
      i++;
      while (i < sorted.length) {
        const m = sorted[i] as Member;
        if (across(m) !== line || along(m) !== along(last) + 1 || m.key !== first.key) break;
        last = m;
        i++;
      }
      const from = along(first);
      const to = along(last);
      if (!stack) {
        done.push(
          orientation === 'rows'
            ? { top: line, bottom: line, left: from, right: to, key: first.key }
            : { left: line, right: line, top: from, bottom: to, key: first.key },
        );
        continue;
      }
      const id = `${from},${to},${first.key}`;
      const above = stack ? open.get(id) : undefined;
      let rect: Rectangle;
      if (above && (orientation === 'rows' ? above.bottom : above.right) === line - 1) {
        open.delete(id);
        rect = above;
        if (orientation === 'rows') rect.bottom = line;
        else rect.right = line;
      } else
        rect =
          orientation === 'rows'
            ? { top: line, bottom: line, left: from, right: to, key: first.key }
            : { left: line, right: line, top: from, bottom: to, key: first.key };
      next.set(id, rect);
    }
    for (const rect of open.values()) done.push(rect);
    open = next;
  }
  for (const rect of open.values()) done.push(rect);
  // Runs come line by line already; stacked rectangles close out of order.
  return stack ? done.sort((a, b) => a.top - b.top || a.left - b.left) : done;
}

/** A chain of rectangles of one span along the run axis: one line of a table, possibly several rows deep. */
export interface Strip {
  orientation: Orientation;
  rectangles: Rectangle[];
}

/**
 * Chains rectangles of equal span (same rows for 'rows', same columns for 'columns') that follow one another
 * along the run axis, directly or over a gap of at most `maxGap` lines in which `isEmpty` holds for every cell.
 * A rectangle whose fingerprint `closes` (a total of the line itself) ends its strip: what follows it is
 * another block.
 */
export function strips(
  rectangles: readonly Rectangle[],
  orientation: Orientation,
  isEmpty: (row: number, col: number) => boolean,
  maxGap = 1,
  closes: (key: string) => boolean = () => false,
): Strip[] {
  const spanOf = (r: Rectangle) => (orientation === 'rows' ? `${r.top},${r.bottom}` : `${r.left},${r.right}`);
  const startOf = (r: Rectangle) => (orientation === 'rows' ? r.left : r.top);
  const endOf = (r: Rectangle) => (orientation === 'rows' ? r.right : r.bottom);
  const bySpan = new Map<string, Rectangle[]>();
  for (const r of rectangles) {
    const list = bySpan.get(spanOf(r));
    if (list) list.push(r);
    else bySpan.set(spanOf(r), [r]);
  }
  const result: Strip[] = [];
  for (const list of bySpan.values()) {
    list.sort((a, b) => startOf(a) - startOf(b));
    let current: Rectangle[] = [];
    for (const r of list) {
      const previous = current[current.length - 1];
      if (previous && (closes(previous.key) || !gapIsEmpty(previous, r, orientation, isEmpty, maxGap))) {
        result.push({ orientation, rectangles: current });
        current = [];
      }
      current.push(r);
    }
    if (current.length > 0) result.push({ orientation, rectangles: current });
  }
  return result;

  function gapIsEmpty(a: Rectangle, b: Rectangle, o: Orientation, empty: typeof isEmpty, gap: number): boolean {
    const from = endOf(a) + 1;
    const to = startOf(b) - 1;
    if (to - from + 1 > gap) return false;
    for (let k = from; k <= to; k++)
      for (let x = o === 'rows' ? a.top : a.left; x <= (o === 'rows' ? a.bottom : a.right); x++)
        if (!(o === 'rows' ? empty(x, k) : empty(k, x))) return false;
    return true;
  }
}

/** Shannon entropy (bits) of the fingerprints of a strip's cells. */
export function entropy(counts: Iterable<number>): number {
  const values = [...counts];
  const total = values.reduce((a, b) => a + b, 0);
  let h = 0;
  for (const n of values) if (n > 0) h -= (n / total) * Math.log2(n / total);
  return h;
}

/** A proposed fix: `region` would match `match` (the rectangles of fingerprint `target`) if it were changed. */
export interface Proposal {
  region: Rectangle;
  target: string;
  match: Rectangle[];
  strip: Strip;
  /** Cells of the strip that count towards its fingerprint distribution, and those of the dominant fingerprint. */
  stripCells: number;
  targetCells: number;
  /** True when another fingerprint has as many cells as the target: the strip has no single dominant formula. */
  tie: boolean;
  entropyBefore: number;
  entropyAfter: number;
}

export interface ProposeOptions {
  /** Fingerprints that count towards the strip's distribution (default: all); others are still proposed. */
  counted?: (key: string) => boolean;
}

/**
 * For each rectangle of a strip that is not of the strip's dominant formula fingerprint (the one most counted
 * cells share, typed numbers excluded), the fix that relabels it to the dominant one, with the strip's entropy
 * before and after. When two fingerprints share the most cells the proposals are marked `tie`: the strip holds
 * two blocks of as many cells, and only other evidence can say which one is wrong.
 */
export function proposeFixes(strip: Strip, options: ProposeOptions = {}): Proposal[] {
  const counted = options.counted ?? (() => true);
  const counts = new Map<string, number>();
  for (const r of strip.rectangles) if (counted(r.key)) counts.set(r.key, (counts.get(r.key) ?? 0) + cellCount(r));
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || top[0] === TYPED || top[0] === '') return [];
  const [target, targetCells] = top;
  const stripCells = [...counts.values()].reduce((a, b) => a + b, 0);
  const before = entropy(counts.values());
  const match = strip.rectangles.filter((r) => r.key === target);
  return strip.rectangles
    .filter((r) => r.key !== target)
    .map((region) => {
      const after = new Map(counts);
      const n = counted(region.key) ? cellCount(region) : 0;
      after.set(region.key, (after.get(region.key) ?? 0) - n);
      after.set(target, targetCells + n);
      return {
        region,
        target,
        match,
        strip,
        stripCells,
        targetCells,
        tie: !!second && second[1] === targetCells,
        entropyBefore: before,
        entropyAfter: entropy([...after.values()].filter((v) => v > 0)),
      };
    });
}
