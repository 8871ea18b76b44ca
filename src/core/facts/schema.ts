import { z } from 'zod';
import { AmountUnitSchema, FigureSchema, TextAtSchema } from '../model';
import { QuantityKindSchema } from './vocabulary';

/**
 * A fact: one labelled quantity wherever it sits (a row or column of a table, a label with its value beside or below
 * it), with its address, unit, period and the part of a total it is. A blank slot is a fact too (value null), so a
 * figure present in one place and blank in its counterpart can be named.
 */
export const FactSchema = z.object({
  /** The quantity's key in the vocabulary: 年初预算数, 预算执行率, 有效问卷, 项目名称 … */
  quantity: z.string(),
  kind: QuantityKindSchema,
  /** The label the quantity was recognised by (for a table cell: its column header). */
  label: TextAtSchema,
  /** The value's cell; `value` null when blank. For text quantities, the cell of the text. */
  figure: FigureSchema,
  /** A text value (项目名称, 评价等级) or text where a number belongs. */
  text: TextAtSchema.optional(),
  unit: AmountUnitSchema.optional(),
  /** A period within the year, from the label: 1-7月. */
  period: z.string().optional(),
  /** The year the figure belongs to: its row's 预算年度, else the sheet's heading (2024年度). */
  year: z.number().int().optional(),
  /** The part of a funds total: 资金总额 (the whole), 财政拨款, 上年结转资金, 其他资金, or the row's own label. */
  part: z.string().optional(),
  /** A letter the label defines (A, B, C) and a rate's formula hinted in it (C/B). */
  symbol: z.string().optional(),
  hint: z.object({ numerator: z.string(), denominator: z.string() }).optional(),
  /** How it was found: a label with its value beside or below it, or a cell of a table (column header × row label). */
  source: z.enum(['label', 'table']),
});
export type Fact = z.infer<typeof FactSchema>;
