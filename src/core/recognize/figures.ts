import type { SheetGrid } from '../grid';
import type { Figure, TextAt } from '../model';
import { parseNumberText } from '../text';

/** Decimals a number format displays: `0.00%` → 2, `#,##0.0` → 1, `0` → 0; undefined for General or none. */
export function formatDecimals(format: string | undefined): number | undefined {
  if (!format) return undefined;
  const section = (format.split(';')[0] ?? '').replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (/general/i.test(section)) return undefined;
  const dot = section.indexOf('.');
  if (dot < 0) return /[0#?]/.test(section) ? 0 : undefined;
  let decimals = 0;
  for (let i = dot + 1; i < section.length && '0#?'.includes(section[i] as string); i++) decimals++;
  return decimals;
}

export function isPercentFormat(format: string | undefined): boolean {
  return !!format && (format.split(';')[0] ?? '').replace(/"[^"]*"|\\./g, '').includes('%');
}

/**
 * The figure shown at (row, col), read from the anchor of its merged area. `percentUnits` says the column
 * header asks for percent units (得分率（%）), so a plain 80.88 there means 80.88%.
 */
export function figureAt(grid: SheetGrid, row: number, col: number, percentUnits = false): Figure {
  const at = grid.anchor(row, col);
  const cell = grid.cell(at.row, at.col);
  const figure: Figure = {
    sheet: grid.name,
    cell: grid.address(at.row, at.col),
    row: at.row,
    col: at.col,
    value: null,
    // A blank under a header in percent units (得分率（%）) is filled in those units.
    form: percentUnits ? 'percent-units' : 'number',
  };
  if (!cell) return figure;
  if (cell.formula !== undefined) figure.formula = cell.formula;
  const decimals = formatDecimals(cell.format);
  const value = cell.value;
  switch (value.type) {
    case 'number':
      figure.value = value.value;
      figure.form = isPercentFormat(cell.format) ? 'percent' : percentUnits ? 'percent-units' : 'number';
      if (decimals !== undefined) figure.decimals = decimals;
      break;
    case 'text': {
      if (value.value.trim() === '') break; // a typed space shows nothing: the cell is blank
      const parsed = parseNumberText(value.value);
      if (parsed) {
        figure.value = parsed.value;
        figure.form = parsed.percent ? 'text-percent' : 'text-number';
        figure.decimals = parsed.decimals;
      }
      figure.text = value.value;
      break;
    }
    case 'error':
      figure.error = value.value;
      break;
    case 'boolean':
      figure.text = value.value ? 'TRUE' : 'FALSE';
      break;
    default:
      break;
  }
  return figure;
}

/** The value as a fraction for rates (80.88% → 0.8088), whatever its form; null when there is no number. */
export function asFraction(figure: Figure): number | null {
  if (figure.value === null) return null;
  return figure.form === 'percent-units' || figure.form === 'text-percent' ? figure.value / 100 : figure.value;
}

export function textAt(grid: SheetGrid, row: number, col: number): TextAt {
  const at = grid.anchor(row, col);
  return { sheet: grid.name, cell: grid.address(at.row, at.col), text: grid.text(row, col).trim() };
}

/** True when the figure holds something: a number, an error or text. */
export function isFilled(figure: Figure | undefined): boolean {
  return !!figure && (figure.value !== null || figure.error !== undefined || figure.text !== undefined);
}
