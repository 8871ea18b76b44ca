import { cellAddress } from '../address';
import type { CellRef } from '../finding';
import { sheetFormulas } from '../formula/sheet-formulas';
import type { Cell } from '../snapshot';
import { defineRule, type RuleReport } from './rule';

/** At most this many origin cells are listed as related (a #REF! copied down a column has one origin per row). */
const MAX_RELATED = 10;

interface ErrorCell {
  sheet: string;
  cell: Cell;
}

/**
 * Error values (#DIV/0!, #REF!, #N/A …) in cells. A formula whose error comes from cells it reads that are
 * errors themselves is traced back to the origin cells (errors that read no error), listed as `related`;
 * the origin itself is reported as the cause.
 */
export const formulaError = defineRule({
  code: 'formula/error',
  severity: 'error',
  name: { 'zh-CN': '错误值', 'en-US': 'Error value' },
  description: {
    'zh-CN': '单元格显示错误值（#DIV/0!、#REF!、#N/A 等），并追溯到产生错误的单元格',
    'en-US': 'A cell shows an error value (#DIV/0!, #REF!, #N/A …), traced to the cells that cause it',
  },
  messages: {
    origin: { 'zh-CN': '单元格显示错误值 {error}', 'en-US': 'The cell shows the error {error}' },
    propagated: {
      'zh-CN': '单元格显示错误值 {error}，来自 {count} 个出错的单元格（如 {first}）',
      'en-US': 'The cell shows the error {error}, carried from {count} cell(s) in error (e.g. {first})',
    },
  },
  check({ snapshot, grids }) {
    const bySheet = new Map<string, ErrorCell[]>();
    const byKey = new Map<string, ErrorCell>();
    const key = (sheet: string, row: number, col: number) => `${sheet}\u0000${row}\u0000${col}`;
    for (const sheet of snapshot.sheets) {
      const list: ErrorCell[] = [];
      for (const cell of sheet.cells) {
        if (cell.value.type !== 'error') continue;
        const entry = { sheet: sheet.name, cell };
        list.push(entry);
        byKey.set(key(sheet.name, cell.row, cell.col), entry);
      }
      if (list.length > 0) bySheet.set(sheet.name, list);
    }
    if (byKey.size === 0) return [];

    /** Error cells a formula reads directly. */
    const readErrors = new Map<ErrorCell, ErrorCell[]>();
    const directErrors = (entry: ErrorCell): ErrorCell[] => {
      const known = readErrors.get(entry);
      if (known) return known;
      const found: ErrorCell[] = [];
      const grid = grids.get(entry.sheet);
      const formula = grid && entry.cell.formula ? sheetFormulas(grid).get(entry.cell) : undefined;
      for (const ref of formula?.references ?? []) {
        const sheet = ref.sheet ?? entry.sheet;
        const size = (ref.bottom - ref.top + 1) * (ref.right - ref.left + 1);
        const candidates = bySheet.get(sheet) ?? [];
        if (size <= candidates.length) {
          for (let r = ref.top; r <= ref.bottom; r++)
            for (let c = ref.left; c <= ref.right; c++) {
              const hit = byKey.get(key(sheet, r, c));
              if (hit && hit !== entry) found.push(hit);
            }
        } else {
          for (const hit of candidates)
            if (
              hit !== entry &&
              hit.cell.row >= ref.top &&
              hit.cell.row <= ref.bottom &&
              hit.cell.col >= ref.left &&
              hit.cell.col <= ref.right
            )
              found.push(hit);
        }
      }
      readErrors.set(entry, found);
      return found;
    };

    const origins = (start: ErrorCell): ErrorCell[] => {
      const seen = new Set<ErrorCell>([start]);
      const result: ErrorCell[] = [];
      const stack = [...directErrors(start)];
      while (stack.length > 0) {
        const next = stack.pop() as ErrorCell;
        if (seen.has(next)) continue;
        seen.add(next);
        const upstream = directErrors(next);
        if (upstream.length === 0) result.push(next);
        else stack.push(...upstream);
      }
      return result.sort((a, b) =>
        a.sheet === b.sheet ? a.cell.row - b.cell.row || a.cell.col - b.cell.col : a.sheet < b.sheet ? -1 : 1,
      );
    };

    const reports: RuleReport<'origin' | 'propagated'>[] = [];
    for (const list of bySheet.values()) {
      for (const entry of list) {
        const error = (entry.cell.value as { value: string }).value;
        const cell = cellAddress(entry.cell.row, entry.cell.col);
        const causes = directErrors(entry).length > 0 ? origins(entry) : [];
        if (causes.length === 0) {
          reports.push({ messageId: 'origin', data: { error }, sheet: entry.sheet, cell, actual: error });
          continue;
        }
        const related: CellRef[] = causes
          .slice(0, MAX_RELATED)
          .map((c) => ({ sheet: c.sheet, cell: cellAddress(c.cell.row, c.cell.col) }));
        const first = related[0] as CellRef;
        const firstText = first.sheet === entry.sheet ? first.cell : `${first.sheet}!${first.cell}`;
        reports.push({
          messageId: 'propagated',
          data: { error, count: causes.length, first: firstText },
          sheet: entry.sheet,
          cell,
          actual: error,
          related,
        });
      }
    }
    return reports;
  },
});
