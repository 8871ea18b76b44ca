import { z } from 'zod';

/**
 * The recognised model of a workbook: tables found in its sheets, with the address of every value.
 * Rules read only this model (and the snapshot for formula checks), never raw positions.
 */

/** How a number is written in its cell, which fixes the units of `value` and of a finding's `expected`. */
export const NumberFormSchema = z.enum([
  'number', // a plain number
  'percent', // a fraction shown with a % format: 0.8088 → 80.88%
  'percent-units', // a number in percent units under a （%） header: 80.88
  'text-number', // a number typed as text: "2.81", "２２，３０５"
  'text-percent', // a percentage typed as text: "80.88%" (value in percent units)
]);
export type NumberForm = z.infer<typeof NumberFormSchema>;

/** One cell that holds (or should hold) a number. */
export const FigureSchema = z.object({
  sheet: z.string(),
  /** A1 address of the cell (the top-left of its merged area). */
  cell: z.string(),
  row: z.number().int(),
  col: z.number().int(),
  /** The number in the cell's own units; null when the cell is blank or holds no number. */
  value: z.number().nullable(),
  form: NumberFormSchema,
  /** Decimals the cell displays, from its number format or typed text; undefined for General. */
  decimals: z.number().int().optional(),
  formula: z.string().optional(),
  /** The error value the cell shows, e.g. #DIV/0!. */
  error: z.string().optional(),
  /** Text found where a number was expected (kept as data, never evaluated). */
  text: z.string().optional(),
});
export type Figure = z.infer<typeof FigureSchema>;

export const TextAtSchema = z.object({ sheet: z.string(), cell: z.string(), text: z.string() });
export type TextAt = z.infer<typeof TextAtSchema>;

export const AmountUnitSchema = z.enum(['元', '万元']);
export type AmountUnit = z.infer<typeof AmountUnitSchema>;

export interface IndicatorNode {
  level: 1 | 2 | 3;
  /** Name as shown, without a weight written into the label. */
  name: TextAt;
  /** Canonical key for matching across tables (normalised, 指标 suffix and aliases folded). */
  key: string;
  /** A weight written into the label, e.g. `(15)`. */
  labelWeight?: number;
  weight?: Figure;
  score?: Figure;
  rate?: Figure;
  /** 指标内容/解释, 评价标准, 评分依据, 年度指标值, 实际完成值, 偏差原因 … by column role. */
  texts: Partial<Record<TextRole, TextAt>>;
  /** First and last sheet row (0-based) the indicator spans. */
  rows: [number, number];
  children: IndicatorNode[];
}

export const TextRoleSchema = z.enum(['content', 'standard', 'basis', 'target', 'actual', 'deviation']);
export type TextRole = z.infer<typeof TextRoleSchema>;

export const IndicatorNodeSchema: z.ZodType<IndicatorNode> = z.lazy(() =>
  z.object({
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    name: TextAtSchema,
    key: z.string(),
    labelWeight: z.number().optional(),
    weight: FigureSchema.optional(),
    score: FigureSchema.optional(),
    rate: FigureSchema.optional(),
    texts: z.partialRecord(TextRoleSchema, TextAtSchema),
    rows: z.tuple([z.number().int(), z.number().int()]),
    children: z.array(IndicatorNodeSchema),
  }),
);

const TableBase = { sheet: z.string(), range: z.string(), title: z.string().optional() };

export const IndicatorTableSchema = z.object({
  kind: z.literal('indicators'),
  ...TableBase,
  levels: z.union([z.literal(2), z.literal(3)]),
  /** Column roles found in the header, as column letters. */
  columns: z.record(z.string(), z.string()),
  indicators: z.array(IndicatorNodeSchema),
  total: z
    .object({
      label: TextAtSchema,
      weight: FigureSchema.optional(),
      score: FigureSchema.optional(),
      rate: FigureSchema.optional(),
    })
    .optional(),
  /** A self-evaluation form's indicator block (targets and actuals) rather than an evaluation score table. */
  selfEvaluation: z.boolean(),
});
export type IndicatorTable = z.infer<typeof IndicatorTableSchema>;

export const SummaryRowSchema = z.object({
  name: TextAtSchema,
  key: z.string(),
  weight: FigureSchema.optional(),
  score: FigureSchema.optional(),
  rate: FigureSchema.optional(),
});
export type SummaryRow = z.infer<typeof SummaryRowSchema>;

export const SummaryTableSchema = z.object({
  kind: z.literal('summary'),
  ...TableBase,
  orientation: z.enum(['vertical', 'horizontal']),
  rows: z.array(SummaryRowSchema),
  total: SummaryRowSchema.optional(),
});
export type SummaryTable = z.infer<typeof SummaryTableSchema>;

export const KeyValueEntrySchema = z.object({
  label: TextAtSchema,
  /** Canonical key, e.g. 预算安排资金, 实际到位资金, 评价得分, 评价等级. */
  key: z.string(),
  /** Letter written in the label, e.g. A in 预算安排资金（A）, and the formula written there, e.g. C/B. */
  symbol: z.string().optional(),
  value: FigureSchema.optional(),
  /** Text values (grades, expression text such as 2.81/2.81*100%=100%). */
  text: TextAtSchema.optional(),
  unit: AmountUnitSchema.optional(),
});
export type KeyValueEntry = z.infer<typeof KeyValueEntrySchema>;

export const KeyValueTableSchema = z.object({
  kind: z.literal('key-values'),
  ...TableBase,
  entries: z.array(KeyValueEntrySchema),
});
export type KeyValueTable = z.infer<typeof KeyValueTableSchema>;

export const BudgetRowSchema = z.object({
  label: TextAtSchema,
  annualBudget: FigureSchema.optional(),
  fullYearBudget: FigureSchema.optional(),
  executed: FigureSchema.optional(),
  weight: FigureSchema.optional(),
  rate: FigureSchema.optional(),
  score: FigureSchema.optional(),
});
export type BudgetRow = z.infer<typeof BudgetRowSchema>;

/** The funds block of a self-evaluation form: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分. */
export const BudgetTableSchema = z.object({
  kind: z.literal('budget'),
  ...TableBase,
  unit: AmountUnitSchema.optional(),
  rows: z.array(BudgetRowSchema),
});
export type BudgetTable = z.infer<typeof BudgetTableSchema>;

export const AmountRowSchema = z.object({
  label: TextAtSchema,
  kind: z.enum(['row', 'subtotal', 'total']),
  values: z.array(FigureSchema.nullable()),
});
export type AmountRow = z.infer<typeof AmountRowSchema>;

/** Amounts by row and column with 小计/合计 rows: funds by year and source, payment lists. */
export const AmountTableSchema = z.object({
  kind: z.literal('amounts'),
  ...TableBase,
  unit: AmountUnitSchema.optional(),
  columns: z.array(z.object({ label: TextAtSchema, role: z.enum(['amount', 'subtotal', 'total']) })),
  rows: z.array(AmountRowSchema),
});
export type AmountTable = z.infer<typeof AmountTableSchema>;

export const SurveyTableSchema = z.object({
  kind: z.literal('survey'),
  ...TableBase,
  options: z.array(z.object({ label: TextAtSchema, key: z.string(), value: FigureSchema.optional() })),
  questions: z.array(
    z.object({
      text: TextAtSchema,
      counts: z.array(FigureSchema.nullable()),
      total: FigureSchema.optional(),
      result: FigureSchema.optional(),
    }),
  ),
  overall: FigureSchema.optional(),
});
export type SurveyTable = z.infer<typeof SurveyTableSchema>;

export const AccuracyTableSchema = z.object({
  kind: z.literal('accuracy'),
  ...TableBase,
  unit: AmountUnitSchema.optional(),
  rows: z.array(
    z.object({
      label: TextAtSchema,
      duePersons: FigureSchema.optional(),
      paidPersons: FigureSchema.optional(),
      personRate: FigureSchema.optional(),
      dueAmount: FigureSchema.optional(),
      paidAmount: FigureSchema.optional(),
      amountRate: FigureSchema.optional(),
    }),
  ),
});
export type AccuracyTable = z.infer<typeof AccuracyTableSchema>;

/**
 * Performance targets without weights or scores: the indicator blocks of a 绩效目标申报表 (中期 and 年度 side by side)
 * and the indicator rows of a 绩效目标执行监控表 (年度指标值 with 1-7月执行数 …).
 */
export const TargetTableSchema = z.object({
  kind: z.literal('targets'),
  ...TableBase,
  indicators: z.array(
    z.object({
      /** 中期 for a target form's medium-term block, 年度 for the year's. */
      period: z.enum(['中期', '年度']),
      /** Level-1 and level-2 names above it (filled down or merged). */
      path: z.array(z.string()),
      name: TextAtSchema,
      /** The indicator's key for matching across forms (normalised name). */
      key: z.string(),
      target: TextAtSchema,
    }),
  ),
});
export type TargetTable = z.infer<typeof TargetTableSchema>;

export const TableSchema = z.discriminatedUnion('kind', [
  IndicatorTableSchema,
  SummaryTableSchema,
  KeyValueTableSchema,
  BudgetTableSchema,
  AmountTableSchema,
  SurveyTableSchema,
  AccuracyTableSchema,
  TargetTableSchema,
]);
export type Table = z.infer<typeof TableSchema>;

export const WorkbookModelSchema = z.object({
  sheets: z.array(
    z.object({
      name: z.string(),
      visibility: z.enum(['visible', 'hidden', 'veryHidden']),
      tables: z.array(TableSchema),
      /** A sheet the product itself added (审核记录): never read as data. */
      own: z.boolean().optional(),
    }),
  ),
});
export type WorkbookModel = z.infer<typeof WorkbookModelSchema>;
