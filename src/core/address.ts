import type { CellRange } from './snapshot';

/** Excel's grid, 0-based: the last row (1,048,576th) and the last column (XFD). */
export const MAX_ROW = 1048575;
export const MAX_COLUMN = 16383;

/** Column index (0-based) to letters: 0 → A, 26 → AA. */
export function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/** Letters to column index (0-based): A → 0. Returns -1 for anything that is not column letters. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) return -1;
    n = n * 26 + (code - 64);
  }
  return letters.length === 0 ? -1 : n - 1;
}

export function cellAddress(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

export function rangeAddress(range: CellRange): string {
  const start = cellAddress(range.top, range.left);
  return range.top === range.bottom && range.left === range.right
    ? start
    : `${start}:${cellAddress(range.bottom, range.right)}`;
}

/** Parses `B7` (with optional `$`) to 0-based row/col, or undefined. */
export function parseCellAddress(address: string): { row: number; col: number } | undefined {
  let i = 0;
  const s = address.trim();
  if (s[i] === '$') i++;
  const letterStart = i;
  while (i < s.length && /[A-Za-z]/.test(s[i] as string)) i++;
  const letters = s.slice(letterStart, i);
  if (s[i] === '$') i++;
  const digits = s.slice(i);
  if (letters.length === 0 || letters.length > 3 || !/^[1-9][0-9]*$/.test(digits)) return undefined;
  return { row: Number(digits) - 1, col: columnIndex(letters) };
}

/** Parses `A1:C3` or `B7` to a range, or undefined. */
export function parseRangeAddress(address: string): CellRange | undefined {
  const [first, second, extra] = address.split(':');
  if (first === undefined || extra !== undefined) return undefined;
  const a = parseCellAddress(first);
  const b = second === undefined ? a : parseCellAddress(second);
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}
