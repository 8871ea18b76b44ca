import { z } from 'zod';
import { FixWriteSchema, type CellRef, type Finding, type FixWrite } from '../finding';
import { CellValueSchema, type WorkbookSnapshot } from '../snapshot';

/**
 * One cell a fill, a fix or an edit writes: the finding's write, the finding's code, and what the cell held before.
 * A write without a formula writes its value as a constant: a number the user typed on site (src/core/fix/edit.ts).
 */
export const CellWriteSchema = FixWriteSchema.extend({
  /** Formula text without '=' (built from references and numbers); absent for a typed value. */
  formula: z.string().optional(),
  /** The finding this write answers; empty for an edit on site. */
  code: z.string(),
  old: z.object({ value: CellValueSchema, formula: z.string().optional(), format: z.string().optional() }),
});
export type CellWrite = z.infer<typeof CellWriteSchema>;

export interface PlanOptions {
  /** Also apply the fixes that replace a wrong value (`fix --correct`); by default only blanks are filled. */
  correct?: boolean;
  /** Findings whose fix the user picked one by one: applied whatever their kind, over what the cell holds. */
  picked?: ReadonlyArray<CellRef>;
}

/**
 * The cell writes of the findings' own fixes, each cell written once (the first finding's fix wins), with the
 * content each cell holds now so the change can be recorded and put back. Fills write only empty cells. Writes
 * come in the workbook's order (sheet, row, column), as a reader goes through a preview.
 */
export function planFixes(
  snapshot: WorkbookSnapshot,
  findings: readonly Finding[],
  options: PlanOptions = {},
): CellWrite[] {
  const cells = new Map(snapshot.sheets.map((s) => [s.name, new Map(s.cells.map((c) => [`${c.row}:${c.col}`, c]))]));
  const picked = new Set((options.picked ?? []).map(keyOf));
  const writes: CellWrite[] = [];
  const written = new Set<string>();
  for (const finding of findings) {
    const fix = finding.fix;
    const chosen = picked.has(keyOf(finding));
    if (!fix || (fix.kind === 'correct' && !options.correct && !chosen)) continue;
    for (const write of fix.writes) {
      const key = keyOf(write);
      const existing = cells.get(write.sheet)?.get(`${write.row}:${write.col}`);
      const filled = !!existing && existing.value.type !== 'empty';
      if (written.has(key) || (fix.kind === 'fill' && filled && !chosen)) continue;
      writes.push(cellWrite(write, finding.code, existing));
      written.add(key);
    }
  }
  const order = new Map(snapshot.sheets.map((s, i) => [s.name, i]));
  const sheetIndex = (w: CellWrite) => order.get(w.sheet) ?? 0;
  return writes.sort((a, b) => sheetIndex(a) - sheetIndex(b) || a.row - b.row || a.col - b.col);
}

const keyOf = (ref: CellRef): string => `${ref.sheet}!${ref.cell}`;

function cellWrite(
  write: FixWrite,
  code: string,
  existing: WorkbookSnapshot['sheets'][number]['cells'][number] | undefined,
): CellWrite {
  const old: CellWrite['old'] = { value: existing?.value ?? { type: 'empty' } };
  if (existing?.formula !== undefined) old.formula = existing.formula;
  if (existing?.format !== undefined) old.format = existing.format;
  const planned: CellWrite = {
    sheet: write.sheet,
    cell: write.cell,
    row: write.row,
    col: write.col,
    formula: write.formula,
    value: write.value,
    code,
    reason: write.reason,
    old,
  };
  // A cell keeps its own number format; a format is set only where the cell has none.
  if (write.format !== undefined && existing?.format === undefined) planned.format = write.format;
  return planned;
}
