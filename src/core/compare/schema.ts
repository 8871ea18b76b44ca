import { z } from 'zod';

/**
 * The result of comparing a self-evaluation (自评表) with its review (复核): every indicator paired across the
 * two workbooks and every difference between them, with the cell each value was read from on both sides.
 */

export const CompareSideSchema = z.enum(['self', 'review']);
export type CompareSide = z.infer<typeof CompareSideSchema>;

/** One side's value of a compared item and where it was read. */
export const ComparedValueSchema = z.object({
  sheet: z.string(),
  cell: z.string(),
  /** A weight or score as the cell holds it; an indicator's name; a grade as written; null when blank. */
  value: z.union([z.number(), z.string(), z.null()]),
  /** No cell states it: a subtotal summed from the children, a score its standard gives, a grade the total earns. */
  derived: z.boolean().optional(),
});
export type ComparedValue = z.infer<typeof ComparedValueSchema>;

export const DifferenceKindSchema = z.enum([
  'name', // paired by position, named differently
  'weight',
  'score',
  'only-self', // an indicator the review does not have
  'only-review', // an indicator the self-evaluation does not have
  'grade',
]);
export type DifferenceKind = z.infer<typeof DifferenceKindSchema>;

export const DifferenceSchema = z.object({
  item: z.enum(['indicator', 'total', 'grade']),
  kind: DifferenceKindSchema,
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  /** Indicator names from level 1 down (the self-evaluation's names where both sides have it); empty for the total and grade. */
  path: z.array(z.string()),
  self: ComparedValueSchema.nullable(),
  review: ComparedValueSchema.nullable(),
  /** review − self, at the decimals the cells display, when both are numbers. */
  difference: z.number().optional(),
});
export type Difference = z.infer<typeof DifferenceSchema>;

export const ComparedWorkbookSchema = z.object({
  /** The table compared: an indicator table, else (a workbook printing only level 1) a summary table; null when there is neither. */
  table: z.object({ kind: z.enum(['indicators', 'summary']), sheet: z.string(), range: z.string() }).nullable(),
  indicators: z.number().int(),
  totalScore: z.number().nullable(),
  grade: z.string().nullable(),
});
export type ComparedWorkbook = z.infer<typeof ComparedWorkbookSchema>;

export const ComparisonSchema = z.object({
  /** `no-indicator-table`: one side (or both) has neither an indicator table nor a summary, so nothing could be paired. */
  status: z.enum(['compared', 'no-indicator-table']),
  /** Compared and no difference found. */
  agree: z.boolean(),
  self: ComparedWorkbookSchema,
  review: ComparedWorkbookSchema,
  /** Indicators paired by name (aliases folded) and by position within their parent. */
  matched: z.object({ byName: z.number().int(), byPosition: z.number().int() }),
  differences: z.array(DifferenceSchema),
});
export type Comparison = z.infer<typeof ComparisonSchema>;
