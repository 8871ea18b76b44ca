/**
 * Columns a terminal gives a character: two for East Asian wide and full-width characters (CJK ideographs,
 * kana, Hangul, full-width forms and punctuation), one for the rest. A line that misjudges this wraps, or does
 * not line up with the next.
 */
function columns(codePoint: number): number {
  return (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
    ? 2
    : 1;
}

/** The width of a text in terminal columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += columns(char.codePointAt(0) as number);
  return width;
}

/** Pads a text with spaces to `width` terminal columns (texts already wider are left as they are). */
export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Rows of cells as aligned text columns, two spaces apart; the last column is not padded. */
export function alignColumns(rows: ReadonlyArray<readonly string[]>): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : padDisplay(cell, widths[i] ?? 0))).join('  '))
    .join('\n');
}
