/**
 * Reference fingerprints (after ExceLint, Barowy, Berger and Zorn, OOPSLA 2018): what a formula reads, written
 * relative to the cell that holds it, so that every copy of one formula has one fingerprint whatever its row or
 * column. Unlike the R1C1 pattern of `sheet-formulas.ts`, a fingerprint is a set of areas, not text:
 * - the order of the references does not count (`=D9+E9` and `=E10+D10` are copies of one formula);
 * - cells next to one another merge into one area (`=A1+A2+A3` reads what `=SUM(A1:A3)` reads);
 * - functions, operators and numbers are left out: numbers are kept apart in `constants`, so `=G17-44.64` and
 *   `=G16-30.92` share a fingerprint (a correction typed into each row) and differ only in their constants;
 * - another sheet's cells are kept apart by the sheet's name, so `=Jan!B3` and `=Feb!B3` differ.
 */
import { referenceR1C1 } from './parse';
import type { ReferenceToken } from './tokenize';

/** One area a formula reads, relative to the formula's cell where the reference is relative. */
export interface RelativeArea {
  /** The sheet named in the reference; '' for the formula's own sheet. */
  sheet: string;
  /** Rows (offsets, or positions when `rowsFixed`); whole columns read rows -Infinity to Infinity. */
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** True when the row parts are absolute ($5): they stay put when the formula is copied. */
  rowsFixed: boolean;
  colsFixed: boolean;
  /** The R1C1 text of a range with one end absolute and one relative: such a range is compared whole. */
  growing?: string;
}

export interface Fingerprint {
  /** Equal for formulas that read the same relative areas; '' for a formula that reads no cell. */
  key: string;
  areas: RelativeArea[];
}

/** The area a reference token reads, relative to the formula's cell at `at`. */
export function relativeArea(token: ReferenceToken, at: { row: number; col: number }): RelativeArea {
  const { start, end, shape } = token;
  // A range with one end absolute and the other relative ($A$1:A5) grows when copied: kept whole, by its R1C1 text.
  const mixed =
    (shape !== 'columns' && start.rowAbsolute !== end.rowAbsolute) ||
    (shape !== 'rows' && start.colAbsolute !== end.colAbsolute);
  const whole = shape === 'columns';
  const wide = shape === 'rows';
  const r1 = whole ? -Infinity : start.rowAbsolute ? start.row : start.row - at.row;
  const r2 = whole ? Infinity : end.rowAbsolute ? end.row : end.row - at.row;
  const c1 = wide ? -Infinity : start.colAbsolute ? start.col : start.col - at.col;
  const c2 = wide ? Infinity : end.colAbsolute ? end.col : end.col - at.col;
  const area: RelativeArea = {
    sheet: token.sheet ?? '',
    top: Math.min(r1, r2),
    bottom: Math.max(r1, r2),
    left: Math.min(c1, c2),
    right: Math.max(c1, c2),
    rowsFixed: start.rowAbsolute,
    colsFixed: start.colAbsolute,
  };
  if (mixed) area.growing = referenceR1C1(token, at);
  return area;
}

const sameKind = (a: RelativeArea, b: RelativeArea) =>
  a.growing === undefined &&
  b.growing === undefined &&
  a.sheet === b.sheet &&
  a.rowsFixed === b.rowsFixed &&
  a.colsFixed === b.colsFixed;

/** Merges areas that touch along one axis (same columns, rows adjacent or overlapping; then the same for rows). */
/** True when two areas of one kind touch or overlap along a shared side. */
function touch(a: RelativeArea, b: RelativeArea): boolean {
  if (!sameKind(a, b)) return false;
  const columns = a.left === b.left && a.right === b.right && a.top <= b.bottom + 1 && b.top <= a.bottom + 1;
  const rows = a.top === b.top && a.bottom === b.bottom && a.left <= b.right + 1 && b.left <= a.right + 1;
  return columns || rows;
}

function mergeAreas(areas: RelativeArea[]): RelativeArea[] {
  if (areas.length < 2) return areas;
  // Most formulas read areas that do not touch (=B3/$B$10, =A1-C1): nothing to merge.
  let any = false;
  for (let i = 0; i < areas.length && !any; i++)
    for (let j = i + 1; j < areas.length && !any; j++) any = touch(areas[i] as RelativeArea, areas[j] as RelativeArea);
  if (!any) return areas;
  let current = areas;
  for (let pass = 0; pass < 4; pass++) {
    const before = current.length;
    for (const vertical of [true, false]) {
      current.sort((a, b) =>
        a.sheet !== b.sheet
          ? a.sheet < b.sheet
            ? -1
            : 1
          : Number(a.rowsFixed) - Number(b.rowsFixed) ||
            Number(a.colsFixed) - Number(b.colsFixed) ||
            (vertical
              ? a.left - b.left || a.right - b.right || a.top - b.top
              : a.top - b.top || a.bottom - b.bottom || a.left - b.left),
      );
      const merged: RelativeArea[] = [];
      for (const area of current) {
        const last = merged[merged.length - 1];
        if (
          last &&
          sameKind(last, area) &&
          (vertical
            ? last.left === area.left && last.right === area.right && area.top <= last.bottom + 1
            : last.top === area.top && last.bottom === area.bottom && area.left <= last.right + 1)
        ) {
          if (vertical) last.bottom = Math.max(last.bottom, area.bottom);
          else last.right = Math.max(last.right, area.right);
        } else merged.push(area);
      }
      current = merged;
    }
    if (current.length === before) break;
  }
  return current;
}

function partText(letter: string, value: number, fixed: boolean): string {
  if (!Number.isFinite(value)) return '';
  return fixed ? `${letter}${value + 1}` : value === 0 ? letter : `${letter}[${value}]`;
}

/** An area in R1C1 form: `R[-7]C:R[-1]C`, `R[-2]C[1]`, `'Feb'!RC`. */
export function areaText(area: RelativeArea): string {
  if (area.growing !== undefined) return area.growing;
  const corner = (row: number, col: number) => partText('R', row, area.rowsFixed) + partText('C', col, area.colsFixed);
  const start = corner(area.top, area.left);
  const end = corner(area.bottom, area.right);
  return (area.sheet ? `'${area.sheet}'!` : '') + (start === end ? start : `${start}:${end}`);
}

/** The fingerprint of a formula held at `at` that reads the given references. */
export function fingerprintOf(references: readonly ReferenceToken[], at: { row: number; col: number }): Fingerprint {
  if (references.length === 0) return { key: '', areas: [] };
  if (references.length === 1) {
    const area = relativeArea(references[0] as ReferenceToken, at);
    return { key: areaText(area), areas: [area] };
  }
  const areas = mergeAreas(references.map((token) => relativeArea(token, at)));
  const texts = areas.map(areaText).sort();
  return { key: texts.join(';'), areas };
}
