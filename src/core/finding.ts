import { z } from 'zod';

export const LANGS = ['zh-CN', 'en-US'] as const;
export const LangSchema = z.enum(LANGS);
export type Lang = z.infer<typeof LangSchema>;
export type Localized = Readonly<Record<Lang, string>>;

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const CellRefSchema = z.object({ sheet: z.string(), cell: z.string() });
export type CellRef = z.infer<typeof CellRefSchema>;

/** Every finding code of CONTRACT.md: reviewers script against them, so codes are added, never renamed. */
export const FINDING_CODES = [
  'weight/children-sum',
  'weight/total',
  'weight/label',
  'weight/policy',
  'score/missing',
  'score/range',
  'score/children-sum',
  'score/total',
  'score/rule',
  'rate/wrong',
  'rate/rounding',
  'grade/mismatch',
  'cross/mismatch',
  'cross/missing',
  'count/mismatch',
  'formula/error',
  'formula/range-omits',
  'formula/inconsistent',
  'formula/hardcoded',
  'value/text-number',
  'amount/total',
  'formula/stale',
  'derived/missing',
  'sheet/merge-overlap',
  'sheet/unrecognized',
] as const;
export const FindingCodeSchema = z.enum(FINDING_CODES);
export type FindingCode = z.infer<typeof FindingCodeSchema>;

/** One cell a finding's fix writes: a formula over the workbook's cells and the result it computes now. */
export const FixWriteSchema = z.object({
  sheet: z.string(),
  cell: z.string(),
  row: z.number().int(),
  col: z.number().int(),
  /** Formula text without '='; built from references and numbers, never from workbook text. */
  formula: z.string(),
  /** The formula's result, written as the cached value so viewers that do not recalculate show it. */
  value: z.union([z.number(), z.string()]),
  /** Number format for a cell that has none (a fill takes its column's units and decimals). */
  format: z.string().optional(),
  /** Why the cell is written, in the user's language. */
  reason: z.string(),
});
export type FixWrite = z.infer<typeof FixWriteSchema>;

/**
 * What a finding's fix does. `fill` writes cells that are empty (the default of `fix` and 全部填写); `correct`
 * replaces a wrong derived value (a total, a rate, a grade) and is applied only when asked (`fix --correct`, 修正).
 */
export const FindingFixSchema = z.object({ kind: z.enum(['fill', 'correct']), writes: z.array(FixWriteSchema).min(1) });
export type FindingFix = z.infer<typeof FindingFixSchema>;

/** A finding, exactly as CONTRACT.md fixes it: reviewers script against this shape. */
export const FindingSchema = z.object({
  code: FindingCodeSchema,
  severity: SeveritySchema,
  sheet: z.string(),
  cell: z.string(),
  message: z.string(),
  expected: z.union([z.number(), z.string()]).optional(),
  actual: z.union([z.number(), z.string(), z.null()]).optional(),
  related: z.array(CellRefSchema).optional(),
  /** How many cells a finding over a range covers (one cause over many cells is one finding). */
  count: z.number().int().positive().optional(),
  /** `expected` and `actual` as the cell displays them (91.43%, 7.00, 优). */
  expectedText: z.string().optional(),
  actualText: z.string().optional(),
  /** The rule's fix, applied by every surface alike. Not part of the JSON report. */
  fix: FindingFixSchema.optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** A finding as the JSON, CSV and HTML reports carry it: the contract's fields, without the fix. */
export type ReportedFinding = Omit<Finding, 'fix'>;

export function reportedFinding({ fix: _fix, ...reported }: Finding): ReportedFinding {
  return reported;
}

/** Fills `{name}` placeholders; values are inserted as text, never interpreted. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
