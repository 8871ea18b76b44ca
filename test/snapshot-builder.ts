import { parseRangeAddress } from '../src/core/address';
import type { Cell, Sheet, WorkbookSnapshot } from '../src/core/snapshot';

/** A cell in a hand-written grid: a value, or a value with a formula and/or number format. */
export type GridValue =
  | string
  | number
  | boolean
  | null
  | { value?: string | number | boolean | null; formula?: string; format?: string; error?: string };

/** Builds a snapshot sheet from rows of values (row 0 is sheet row 1) and merged ranges in A1 form. */
export function sheetOf(
  name: string,
  rows: GridValue[][],
  merges: string[] = [],
  visibility: Sheet['visibility'] = 'visible',
): Sheet {
  const cells: Cell[] = [];
  rows.forEach((values, row) =>
    values.forEach((entry, col) => {
      const spec = entry !== null && typeof entry === 'object' ? entry : { value: entry };
      const raw = spec.value ?? null;
      const value: Cell['value'] = spec.error
        ? { type: 'error', value: spec.error }
        : typeof raw === 'number'
          ? { type: 'number', value: raw }
          : typeof raw === 'boolean'
            ? { type: 'boolean', value: raw }
            : typeof raw === 'string' && raw !== ''
              ? { type: 'text', value: raw }
              : { type: 'empty' };
      if (value.type === 'empty' && !spec.formula) return;
      const cell: Cell = { row, col, value };
      if (spec.formula) cell.formula = spec.formula;
      if (spec.format) cell.format = spec.format;
      cells.push(cell);
    }),
  );
  return {
    name,
    visibility,
    cells,
    merges: merges.map((m) => parseRangeAddress(m) ?? { top: 0, left: 0, bottom: 0, right: 0 }),
  };
}

export function workbookOf(...sheets: Sheet[]): WorkbookSnapshot {
  return { sheets };
}
