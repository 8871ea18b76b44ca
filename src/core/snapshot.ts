import { z } from 'zod';

/**
 * The workbook snapshot: the engine's only input. Built by the file adapter and by the Excel add-in adapter.
 * Rows and columns are 0-based; A1 addresses are derived where findings are reported.
 */

export const ERROR_VALUES = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
] as const;

export const CellValueSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('number'), value: z.number() }),
  z.object({ type: z.literal('text'), value: z.string() }),
  z.object({ type: z.literal('boolean'), value: z.boolean() }),
  z.object({ type: z.literal('error'), value: z.string() }),
  z.object({ type: z.literal('empty') }),
]);
export type CellValue = z.infer<typeof CellValueSchema>;

export const CellSchema = z.object({
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  /** The value, or the cached result of the formula. */
  value: CellValueSchema,
  /** Formula text without the leading '=' as the host stores it (A1 style). */
  formula: z.string().optional(),
  /** The formula is an array formula (Ctrl+Shift+Enter, or a spilled dynamic array): ranges in it are taken element by element. */
  array: z.literal(true).optional(),
  /** Number format code, absent for General. */
  format: z.string().optional(),
  /** Displayed text where the source knows it. */
  text: z.string().optional(),
});
export type Cell = z.infer<typeof CellSchema>;

export const CellRangeSchema = z.object({
  top: z.number().int().nonnegative(),
  left: z.number().int().nonnegative(),
  bottom: z.number().int().nonnegative(),
  right: z.number().int().nonnegative(),
});
export type CellRange = z.infer<typeof CellRangeSchema>;

export const SheetSchema = z.object({
  name: z.string(),
  visibility: z.enum(['visible', 'hidden', 'veryHidden']),
  /** Non-empty cells (a value, a formula or both), in row-major order. */
  cells: z.array(CellSchema),
  /** Merged areas as the source lists them; government exports may carry overlapping ones. */
  merges: z.array(CellRangeSchema),
});
export type Sheet = z.infer<typeof SheetSchema>;

export const WorkbookSnapshotSchema = z.object({
  /** Sheets in workbook order. */
  sheets: z.array(SheetSchema),
  source: z.object({ name: z.string(), format: z.enum(['xlsx', 'xls', 'office']) }).optional(),
});
export type WorkbookSnapshot = z.infer<typeof WorkbookSnapshotSchema>;

export const EMPTY: CellValue = Object.freeze({ type: 'empty' }) as CellValue;
