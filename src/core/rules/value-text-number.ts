import { allTables } from '../model/tables';
import { cellAddress, rangeAddress } from '../address';
import type { Figure, WorkbookModel } from '../model';
import type { SheetGrid } from '../grid';
import type { Cell } from '../snapshot';
import { normalizeLabel, parseNumberText, type ParsedNumber } from '../text';
import { withoutParentheses } from '../recognize/vocabulary';
import { defineRule, type RuleReport } from './rule';

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

/** Headers of columns that hold codes: 科目编码, 项目代码, 指标代码, 序号, 单据号, 身份证号码 (text on purpose). */
const CODE_HEADER = /编码|代码|科目|序号|编号|号码|号$|^id$|^no\.?$/i;
/** Rows looked up a column for its header. */
const HEADER_SEARCH_ROWS = 40;
/** Digit strings at least this long, all of one length in a column, are fixed-width identifiers. */
const MIN_ID_DIGITS = 6;
/** Flagged cells at least this many in one block are one cause (an export storing its numbers as text). */
const MIN_BLOCK = 3;

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

const DIGITS = /^\d+$/;

/**
 * Digit strings of a column that read as codes, not quantities: hierarchical (201, 20101, 2010101: one a prefix of
 * another) or fixed-width identifiers of six digits or more.
 */
function holdsCodes(grid: SheetGrid, col: number): boolean {
  const codes = new Set<string>();
  for (const row of grid.rowNumbers()) {
    const cell = grid.cell(row, col);
    if (cell && cell.value.type === 'text' && DIGITS.test(cell.value.value.trim())) codes.add(cell.value.value.trim());
  }
  const sorted = [...codes].sort();
  for (let i = 1; i < sorted.length; i++) if ((sorted[i] as string).startsWith(sorted[i - 1] as string)) return true;
  const lengths = new Set(sorted.map((c) => c.length));
  return sorted.length >= 2 && lengths.size === 1 && (sorted[0] as string).length >= MIN_ID_DIGITS;
}

/** A code column: headed 编码 / 代码 / 科目 / 序号 / 号 above the cell, or holding codes. */
function inCodeColumn(grid: SheetGrid, cell: Cell, codeColumns: Map<string, boolean>): boolean {
  const heading = headingAbove(grid, cell.row, cell.col);
  if (heading !== undefined && CODE_HEADER.test(withoutParentheses(normalizeLabel(heading)))) return true;
  const key = `${grid.name}\u0000${cell.col}`;
  let codes = codeColumns.get(key);
  if (codes === undefined) {
    codes = holdsCodes(grid, cell.col);
    codeColumns.set(key, codes);
  }
  return codes;
}

/** The heading of the column above a cell: the nearest text above it that is not itself a number. */
function headingAbove(grid: SheetGrid, row: number, col: number): string | undefined {
  for (let r = row - 1; r >= 0 && r >= row - HEADER_SEARCH_ROWS; r--) {
    const value = grid.shown(r, col);
    if (value.type === 'text' && value.value.trim() !== '' && !textNumber(value.value)) return value.value;
  }
  return undefined;
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
    many: {
      'zh-CN': '“{text}”等 {count} 个单元格是以文本存储的数字',
      'en-US': '{count} cells, "{text}" among them, are numbers stored as text',
    },
  },
  check({ snapshot, grids, model }) {
    // Text that reads as a number is rare: find it first, and walk the model only when there is some.
    const candidates: Candidate[] = [];
    for (const sheet of snapshot.sheets) {
      const grid = grids.get(sheet.name);
      // A sheet holding no number at all stores every figure as text (a system export's convention): nothing
      // there is a number among numbers.
      if (!grid || !sheet.cells.some((c) => c.value.type === 'number')) continue;
      for (const cell of sheet.cells) {
        // A cell formatted as text (@) holds text on purpose.
        if (cell.value.type !== 'text' || cell.formula || cell.format === '@') continue;
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
    const codeColumns = new Map<string, boolean>();
    const flagged = candidates.filter(({ sheet, grid, cell }) => {
      const key = `${sheet}!${cellAddress(cell.row, cell.col)}`;
      if (!figureCells.has(key) && (keyValueCells.has(key) || !inNumericColumn(grid, cell))) return false;
      return !inCodeColumn(grid, cell, codeColumns);
    });
    return blocks(flagged).flatMap((block): Array<RuleReport<'number' | 'percent' | 'many'>> => {
      const first = block[0] as Candidate;
      if (block.length < MIN_BLOCK) return block.map(single);
      const rows = block.map((c) => c.cell.row);
      const cols = block.map((c) => c.cell.col);
      const range = {
        top: Math.min(...rows),
        left: Math.min(...cols),
        bottom: Math.max(...rows),
        right: Math.max(...cols),
      };
      return [
        {
          messageId: 'many',
          data: { text: first.text, count: block.length },
          sheet: first.sheet,
          cell: rangeAddress(range),
          count: block.length,
          actual: first.text,
          expected: first.parsed.percent ? first.parsed.value / 100 : first.parsed.value,
        },
      ];
    });
  },
});

interface Candidate {
  sheet: string;
  grid: SheetGrid;
  cell: Cell;
  text: string;
  parsed: ParsedNumber;
}

function single({ sheet, cell, text, parsed }: Candidate): RuleReport<'number' | 'percent'> {
  return {
    messageId: parsed.percent ? 'percent' : 'number',
    data: { text, value: parsed.value },
    sheet,
    cell: cellAddress(cell.row, cell.col),
    actual: text,
    expected: parsed.percent ? parsed.value / 100 : parsed.value,
  };
}

/**
 * Flagged cells in blocks: cells of one sheet within two rows and two columns of each other belong together (a
 * column of text numbers, an export's table), in the order of their first cell. A block of three or more is one
 * cause, reported once over its range; fewer are reported cell by cell.
 */
function blocks(flagged: readonly Candidate[]): Candidate[][] {
  const parent = flagged.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  // Candidates come in row-major order per sheet: only the ones up to two rows back can be neighbours.
  for (let i = 0; i < flagged.length; i++) {
    const a = flagged[i] as Candidate;
    for (let j = i - 1; j >= 0; j--) {
      const b = flagged[j] as Candidate;
      if (b.sheet !== a.sheet || a.cell.row - b.cell.row > 2) break;
      if (Math.abs(a.cell.col - b.cell.col) <= 2) parent[root(i)] = root(j);
    }
  }
  const groups = new Map<number, Candidate[]>();
  flagged.forEach((candidate, i) => {
    const key = root(i);
    const group = groups.get(key);
    if (group) group.push(candidate);
    else groups.set(key, [candidate]);
  });
  return [...groups.values()];
}
