import { cellAddress, parseCellAddress } from '../address';
import type { CellRef, Lang } from '../finding';
import { WorkbookEvaluator } from '../formula/workbook-evaluator';
import { coreText } from '../i18n';
import { OWN_SHEETS } from '../own-sheets';
import type { Cell, CellValue, WorkbookSnapshot } from '../snapshot';
import { parseNumberText } from '../text';
import { EDIT_CODE } from './audit';
import type { CellWrite } from './plan';

/**
 * An edit on site (the standalone page's what-if): the user types a new number into an input cell, a score, a
 * weight, a count or an amount, and every formula that reads it moves. What is typed is data: it is read as a number
 * the way the cell shows numbers, or refused; it never becomes a formula. The edit is a CellWrite of a value with a
 * reason, previewed and recorded like every other write, so undo and `score-audit revert` put it back.
 */

/** Why an edit is refused; the pane words it in the user's language. */
export type EditRefusal =
  /** The cell holds a formula: it is computed, not typed (change what it reads instead). */
  | { kind: 'formula-cell' }
  /** The cell holds no typed number (text, a blank, an error): only numbers are edited on site. */
  | { kind: 'not-a-number-cell' }
  /** The product's own sheets (审核记录, 审核报告) are records, not data. */
  | { kind: 'own-sheet' }
  /** Nothing was typed. */
  | { kind: 'empty-input' }
  /** The text starts like a formula (=, +, -, @ followed by something that is not a number). */
  | { kind: 'formula-input'; text: string }
  /** The text is no number. */
  | { kind: 'not-a-number'; text: string }
  /** The number is what the cell holds already. */
  | { kind: 'unchanged' };

/** Whether a number format shows numbers as percentages (a `%` outside quoted text and escapes). */
export function isPercentFormat(format: string | undefined): boolean {
  if (format === undefined) return false;
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return bare.includes('%');
}

/**
 * A number typed for a cell with this number format: `1,234.5`, `-3`, full-width digits, and `93.5%` (0.935). In a
 * percentage cell a number without `%` is entered as Excel enters it there: 93.5 is 93.5%, 0.935 also 93.5%.
 */
export function parseTypedNumber(
  text: string,
  format: string | undefined,
): { ok: true; value: number } | { ok: false; refusal: EditRefusal } {
  const trimmed = text.normalize('NFKC').trim();
  if (trimmed === '') return { ok: false, refusal: { kind: 'empty-input' } };
  const parsed = parseNumberText(trimmed);
  if (!parsed || parsed.unit !== undefined) {
    const formulaLike = /^[=@]/.test(trimmed) || /^[+-]\s*[^\d.\s]/.test(trimmed);
    return { ok: false, refusal: { kind: formulaLike ? 'formula-input' : 'not-a-number', text } };
  }
  let value = parsed.value;
  if (parsed.percent) value /= 100;
  else if (isPercentFormat(format) && Math.abs(value) >= 1) value /= 100;
  // Division by 100 leaves binary noise (93.5 / 100 = 0.9349999…): keep the decimals that were typed.
  value = Number(value.toPrecision(15));
  return { ok: true, value };
}

const keyOf = (sheet: string, row: number, col: number) => `${sheet}!${row}:${col}`;

/** The cell at a reference, if the snapshot holds it. */
function cellAt(snapshot: WorkbookSnapshot, ref: CellRef): Cell | undefined {
  const at = parseCellAddress(ref.cell);
  if (!at) return undefined;
  return snapshot.sheets.find((s) => s.name === ref.sheet)?.cells.find((c) => c.row === at.row && c.col === at.col);
}

/** Whether a cell can be edited on site: a typed number outside the product's own sheets. The refusal says why not. */
export function editRefusal(snapshot: WorkbookSnapshot, ref: CellRef): EditRefusal | undefined {
  if (OWN_SHEETS.includes(ref.sheet)) return { kind: 'own-sheet' };
  const cell = cellAt(snapshot, ref);
  if (cell?.formula !== undefined) return { kind: 'formula-cell' };
  if (!cell || cell.value.type !== 'number') return { kind: 'not-a-number-cell' };
  return undefined;
}

/** A formula that reads the edited cell, directly or through others: what it holds now and what it will hold. */
export interface Dependent {
  sheet: string;
  cell: string;
  formula: string;
  /** The stored result now. */
  old: CellValue;
  /** The result after the edit; undefined when the evaluator cannot compute it (the stored result is kept). */
  value: CellValue | undefined;
  /** The cell's number format, to show both results as the cell does. */
  format?: string;
}

export interface PlannedEdit {
  write: CellWrite;
  /** The formulas whose results change (and those that cannot be computed), in the workbook's order. */
  dependents: Dependent[];
}

function sameValue(a: CellValue, b: CellValue): boolean {
  return a.type === b.type && (a as { value?: unknown }).value === (b as { value?: unknown }).value;
}

/**
 * The formulas an edit moves: every formula that reads the cell, directly or through others, recomputed with the new
 * value (the same recalculation the file host writes). Formulas whose result stays the same are left out.
 */
export function editDependents(snapshot: WorkbookSnapshot, write: CellWrite): Dependent[] {
  const value: CellValue =
    typeof write.value === 'number' ? { type: 'number', value: write.value } : { type: 'text', value: write.value };
  const results = new WorkbookEvaluator(snapshot).recalculate([
    { sheet: write.sheet, row: write.row, col: write.col, value },
  ]);
  const formats = new Map(
    snapshot.sheets.flatMap((sheet) => sheet.cells.map((c) => [keyOf(sheet.name, c.row, c.col), c.format])),
  );
  const dependents: Dependent[] = [];
  for (const result of results) {
    if (result.changed) continue;
    const computed = result.value.type === 'unknown' ? undefined : result.value;
    if (computed && sameValue(computed, result.stored)) continue;
    const dependent: Dependent = {
      sheet: result.sheet,
      cell: cellAddress(result.row, result.col),
      formula: result.formula,
      old: result.stored,
      value: computed,
    };
    const format = formats.get(keyOf(result.sheet, result.row, result.col));
    if (format !== undefined) dependent.format = format;
    dependents.push(dependent);
  }
  const order = new Map(snapshot.sheets.map((s, i) => [s.name, i]));
  const place = (d: Dependent) => {
    const at = parseCellAddress(d.cell);
    return [order.get(d.sheet) ?? 0, at?.row ?? 0, at?.col ?? 0] as const;
  };
  // In the workbook's order (sheet, row, column), as a reader goes through the confirmation.
  return dependents.sort((a, b) => {
    const [sa, ra, ca] = place(a);
    const [sb, rb, cb] = place(b);
    return sa - sb || ra - rb || ca - cb;
  });
}

/**
 * Plans an edit: the typed text read as a number for the cell, the write (a value, no formula, with the old content
 * and the reason 现场修改), and the formulas it moves. Nothing is written here.
 */
export function planEdit(
  snapshot: WorkbookSnapshot,
  ref: CellRef,
  text: string,
  lang: Lang,
): { ok: true; edit: PlannedEdit } | { ok: false; refusal: EditRefusal } {
  const refusal = editRefusal(snapshot, ref);
  if (refusal) return { ok: false, refusal };
  const cell = cellAt(snapshot, ref) as Cell;
  const parsed = parseTypedNumber(text, cell.format);
  if (!parsed.ok) return parsed;
  if (cell.value.type === 'number' && cell.value.value === parsed.value) {
    return { ok: false, refusal: { kind: 'unchanged' } };
  }
  const old: CellWrite['old'] = { value: cell.value };
  if (cell.format !== undefined) old.format = cell.format;
  const write: CellWrite = {
    sheet: ref.sheet,
    cell: cellAddress(cell.row, cell.col),
    row: cell.row,
    col: cell.col,
    value: parsed.value,
    code: EDIT_CODE,
    reason: coreText(lang).audit.editReason,
    old,
  };
  return { ok: true, edit: { write, dependents: editDependents(snapshot, write) } };
}
