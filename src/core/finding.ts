import { z } from 'zod';

export const LANGS = ['zh-CN', 'en-US'] as const;
export const LangSchema = z.enum(LANGS);
export type Lang = z.infer<typeof LangSchema>;
export type Localized = Readonly<Record<Lang, string>>;

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const CellRefSchema = z.object({ sheet: z.string(), cell: z.string() });
export type CellRef = z.infer<typeof CellRefSchema>;

/** A finding, exactly as CONTRACT.md fixes it: reviewers script against this shape. */
export const FindingSchema = z.object({
  code: z.string(),
  severity: SeveritySchema,
  sheet: z.string(),
  cell: z.string(),
  message: z.string(),
  expected: z.union([z.number(), z.string()]).optional(),
  actual: z.union([z.number(), z.string(), z.null()]).optional(),
  related: z.array(CellRefSchema).optional(),
  /** How many cells a finding over a range covers (one cause over many cells is one finding). */
  count: z.number().int().positive().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** Fills `{name}` placeholders; values are inserted as text, never interpreted. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
