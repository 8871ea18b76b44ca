import { allTables } from '../model/tables';
import { cellAddress } from '../address';
import type { Figure, WorkbookModel } from '../model';
import type { SheetGrid } from '../grid';
import type { Cell } from '../snapshot';
import { parseNumberText, type ParsedNumber } from '../text';
import { OnePerCell } from './reports';
import { defineRule } from './rule';

/** Non-empty cells looked at above and below a text cell to call its column numeric. */
const NEIGHBOURS = 3;
/** Numbers among those neighbours that make the column numeric: two, so one stray number does not. */
const MIN_NUMERIC_NEIGHBOURS = 2;
/** Digit strings this long are identifiers (accounts, ID numbers), not quantities. */
const MAX_DIGITS = 11;

/** Every figure of the recognised model (weights, scores, rates, amounts, counts). */
function modelFigures(model: WorkbookModel): Figure[] {
  const found: Figure[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (
      typeof record.form === 'string' &&
      typeof record.cell === 'string' &&
      typeof record.sheet === 'string' &&
      'value' in record
    ) {
      found.push(record as unknown as Figure);
      return;
    }
    for (const child of Object.values(record)) walk(child);
  };
  walk(model.sheets);
  return found;
}

/** A number typed as text, or undefined for codes (001), identifiers and anything with a unit or words. */
export function textNumber(text: string): ParsedNumber | undefined {
  let start = 0;
  while (start < text.length && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 0x3000)) start++;
  const first = text.charCodeAt(start);
  // Only digits, signs, '.', and their full-width forms can start a number: skip the rest without parsing.
  const ascii = first >= 0xff01 && first <= 0xff5e ? first - 0xfee0 : first;
  if (!((ascii >= 48 && ascii <= 57) || ascii === 43 || ascii === 45 || ascii === 46)) return undefined;
  // Identifiers (ID cards, accounts) are common in payment lists: count digits, ASCII or full-width, before parsing.
  let digits = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) digits++;
  }
  if (digits > MAX_DIGITS) return undefined;
  const parsed = parseNumberText(text);
  if (!parsed || parsed.unit) return undefined;
  const folded = text.normalize('NFKC').trim();
  if (folded.length > 1 && folded[0] === '0' && folded[1] !== '.' && folded[1] !== '%') return undefined;
  return parsed;
}

/**
 * True when the nearest non-empty cells above and below (up to three each way, stopping at a blank) are mostly
 * numbers, one of them above: a text number with numbers only below it heads its column (a year over amounts).
 */
function inNumericColumn(grid: SheetGrid, cell: Cell): boolean {
  let numbers = 0;
  let numbersAbove = 0;
  let others = 0;
  for (const step of [-1, 1]) {
    let seen = 0;
    for (let row = cell.row + step; row >= 0 && row < grid.rowCount && seen < NEIGHBOURS; row += step) {
      const next = grid.cell(row, cell.col);
      if (!next || next.value.type === 'empty') break;
      seen++;
      // Typed numbers only: a formula's result beside typed text is not a typing slip (and a fill's formulas
      // under a rate printed as text must not make that text a finding).
      if (next.value.type === 'number' && next.formula === undefined) {
        numbers++;
        if (step < 0) numbersAbove++;
      } else if (next.value.type === 'text' && !textNumber(next.value.value)) others++;
    }
  }
  return numbersAbove > 0 && numbers >= MIN_NUMERIC_NEIGHBOURS && numbers > others;
}

/**
 * A number stored as text ("85", "２２，３０５", "95%"). Flagged only where a number is expected: in a weight,
 * score, amount or count position of a recognised table (a rate typed as text only by the column test, since
 * reports commonly present every rate of a table as text), or in a column whose nearest non-empty
 * neighbours (up to three above and three below, stopping at a blank) are at least two numbers and outnumber
 * other text. A key-value table's values (资金到位率 beside 预算安排资金) are single values, not a column. Free text that happens to be a number (a year in a note, a code like 001) is left alone.
 */
export const valueTextNumber = defineRule({
  code: 'value/text-number',
  severity: 'warning',
  name: { 'zh-CN': '文本型数字', 'en-US': 'Number stored as text' },
  description: {
    'zh-CN': '数字以文本形式存储（含全角数字、文本“95%”），不参与计算',
    'en-US': 'A number stored as text (full-width digits and "95%" as text included), which formulas skip',
  },
  messages: {
    number: { 'zh-CN': '“{text}”是以文本存储的数字 {value}', 'en-US': '"{text}" is the number {value} stored as text' },
    percent: {
      'zh-CN': '“{text}”是以文本存储的百分数 {value}%',
      'en-US': '"{text}" is the percentage {value}% stored as text',
    },
  },
  check({ snapshot, grids, model }) {
    const found = new OnePerCell<'number' | 'percent'>();
    const report = (sheet: string, cell: string, text: string, parsed: ParsedNumber) => {
      found.add({
        messageId: parsed.percent ? 'percent' : 'number',
        data: { text, value: parsed.value },
        sheet,
        cell,
        actual: text,
        expected: parsed.percent ? parsed.value / 100 : parsed.value,
      });
    };
    // Text that reads as a number is rare: find it first, and walk the model only when there is some.
    const candidates: Array<{ sheet: string; grid: SheetGrid; cell: Cell; text: string; parsed: ParsedNumber }> = [];
    for (const sheet of snapshot.sheets) {
      const grid = grids.get(sheet.name);
      if (!grid) continue;
      for (const cell of sheet.cells) {
        if (cell.value.type !== 'text' || cell.formula) continue;
        const parsed = textNumber(cell.value.value);
        if (parsed) candidates.push({ sheet: sheet.name, grid, cell, text: cell.value.value, parsed });
      }
    }
    if (candidates.length === 0) return [];
    // A rate typed as text ("80.88%") is how many reports present rates (every rate of the table as text, a
    // conclusion table's shown rate): as a figure it is left to the column test, where its neighbours are numbers.
    const figureCells = new Set(
      modelFigures(model)
        .filter((f) => f.form === 'text-number')
        .map((f) => `${f.sheet}!${f.cell}`),
    );
    // A key-value table's values stand alone (a rate beside an amount in one column is no numeric column).
    const keyValueCells = new Set<string>();
    for (const table of allTables(model)) {
      if (table.kind !== 'key-values') continue;
      for (const entry of table.entries)
        for (const at of [entry.value, entry.text]) if (at) keyValueCells.add(`${at.sheet}!${at.cell}`);
    }
    for (const { sheet, grid, cell, text, parsed } of candidates) {
      const address = cellAddress(cell.row, cell.col);
      const key = `${sheet}!${address}`;
      if (figureCells.has(key) || (!keyValueCells.has(key) && inNumericColumn(grid, cell)))
        report(sheet, address, text, parsed);
    }
    return found.reports;
  },
});
