import { cellAddress, parseRangeAddress } from '../../src/core/address';
import { checkWorkbook } from '../../src/core/check';
import { FindingSchema, type CellRef, type Lang } from '../../src/core/finding';
import { CellWriteSchema, planFixes } from '../../src/core/fix/plan';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { WorkbookSnapshotSchema, type WorkbookSnapshot } from '../../src/core/snapshot';
import { MAX_COL, MAX_ROW } from './limits';

/**
 * What must hold for any workbook: the check (recognition, analysis, every rule in RULES) and the fill plan finish,
 * every finding has the contract's shape and points at a sheet of the workbook and a valid A1 address, and every
 * planned write has its schema and addresses the cell it names. Returns the problems found (none is a pass).
 */
const A1 = /^[A-Z]{1,3}[1-9][0-9]*(:[A-Z]{1,3}[1-9][0-9]*)?$/;

function addressProblem(ref: CellRef, sheets: ReadonlySet<string>): string | undefined {
  // A workbook without sheets is reported on no sheet (sheet/unrecognized, "noSheets"); any other finding has one.
  const workbookLevel = sheets.size === 0 && ref.sheet === '';
  if (!sheets.has(ref.sheet) && !workbookLevel) return `sheet "${ref.sheet}" is not in the workbook`;
  const range = A1.test(ref.cell) ? parseRangeAddress(ref.cell) : undefined;
  if (!range) return `"${ref.cell}" is not an A1 address`;
  if (range.bottom > MAX_ROW || range.right > MAX_COL) return `"${ref.cell}" is outside the grid`;
  return undefined;
}

export function checkProblems(workbook: WorkbookSnapshot, lang: Lang): string[] {
  // A generator or a reader must deliver a snapshot within its schema (finite numbers, non-negative positions).
  const valid = WorkbookSnapshotSchema.safeParse(workbook);
  if (!valid.success) return [`snapshot: ${valid.error.message}`];
  const sheets = new Set(workbook.sheets.map((s) => s.name));
  const { findings } = checkWorkbook(workbook, { lang, profile: DEFAULT_PROFILE });
  const problems: string[] = [];
  for (const finding of findings) {
    const parsed = FindingSchema.safeParse(finding);
    if (!parsed.success) problems.push(`${finding.code}: ${parsed.error.message}`);
    for (const ref of [finding, ...(finding.related ?? [])]) {
      const problem = addressProblem(ref, sheets);
      if (problem) problems.push(`${finding.code}: ${problem}`);
    }
  }
  const targets = new Set<string>();
  // Every fix of every finding, corrections included.
  for (const write of planFixes(workbook, findings, { correct: true })) {
    const parsed = CellWriteSchema.safeParse(write);
    if (!parsed.success) problems.push(`write ${write.cell}: ${parsed.error.message}`);
    const problem = addressProblem(write, sheets);
    if (problem) problems.push(`write: ${problem}`);
    if (write.cell !== cellAddress(write.row, write.col))
      problems.push(`write ${write.cell} names row ${write.row}, col ${write.col}`);
    if ((write.formula ?? '').trim() === '') problems.push(`write ${write.cell} has no formula`);
    const key = `${write.sheet}!${write.cell}`;
    if (targets.has(key)) problems.push(`write ${key} planned twice`);
    targets.add(key);
  }
  return problems;
}
