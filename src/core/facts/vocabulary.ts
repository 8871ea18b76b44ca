import { z } from 'zod';

/**
 * The quantities reviewers think in, as data: each with the names it is written under, what kind of figure it is,
 * and, for a rate, the quantities it is defined by. Validated by zod like every configuration; the profile adds names
 * (`quantityNames`). Names are matched on normalised labels with units, hints (C/B), symbols (A) and a 其中：
 * prefix taken off (src/core/facts/label.ts).
 */

export const QuantityKindSchema = z.enum(['amount', 'rate', 'count', 'score', 'text']);
export type QuantityKind = z.infer<typeof QuantityKindSchema>;

export const QuantitySchema = z.object({
  /** The canonical name, used as the key in findings and in inspect. */
  key: z.string().min(1),
  kind: QuantityKindSchema,
  /** Names as evaluators write them (normalised: full-width folded, spaces gone). */
  names: z.array(z.string().min(1)).min(1),
  /**
   * A rate's definition: numerator / denominator, as quantity keys, in the order tried. The first whose inputs are
   * both stated (same part, same period) defines the rate where the label gives no hint such as (C/B).
   */
  definitions: z.array(z.tuple([z.string(), z.string()])).optional(),
  /**
   * The quantity whose figures this one's are compared with, where two names state one figure (the forms' 全年执行数
   * is the spending plan's 实际支出 of the year).
   */
  compareAs: z.string().optional(),
});
export type Quantity = z.infer<typeof QuantitySchema>;

/** The parts a funds figure is broken into (a 其中 breakdown): the total and its sources. */
export const PartSchema = z.object({
  key: z.string().min(1),
  names: z.array(z.string().min(1)).min(1),
  /** The whole the other parts add up to. */
  total: z.boolean().default(false),
});
export type Part = z.infer<typeof PartSchema>;

export const VocabularySchema = z.object({
  quantities: z.array(QuantitySchema),
  parts: z.array(PartSchema),
  /**
   * Labels that name the total of a block of their own, with their value beside them, and the quantity that value
   * states (the target form's two blocks side by side: 中期资金总额 and 年度资金总额 = the year's 年初预算数). The
   * parts listed below such a label in its column belong to that quantity.
   */
  blockTotals: z.record(z.string(), z.string()),
});
export type Vocabulary = z.infer<typeof VocabularySchema>;

export const DEFAULT_VOCABULARY: Vocabulary = VocabularySchema.parse({
  quantities: [
    {
      key: '预算安排资金',
      kind: 'amount',
      names: [
        '预算安排资金',
        '预算资金',
        '预算安排',
        '预算下达资金',
        '下达资金',
        '项目预算',
        '预算金额',
        '预算总额',
        '下达预算',
      ],
    },
    {
      key: '实际到位资金',
      kind: 'amount',
      names: ['实际到位资金', '到位资金', '资金到位数', '实际到位数', '实际到位'],
    },
    {
      key: '实际支出资金',
      kind: 'amount',
      names: ['实际支出资金', '实际支出', '支出资金', '已支出资金', '实际使用资金', '实际支出数', '实际支付资金'],
    },
    { key: '结转结余资金', kind: 'amount', names: ['结转结余资金', '结转结余', '结余资金'] },
    { key: '年初预算数', kind: 'amount', names: ['年初预算数', '年初预算', '年初预算金额'] },
    { key: '全年预算数', kind: 'amount', names: ['全年预算数', '全年预算', '调整后预算数', '调整后预算'] },
    {
      key: '全年执行数',
      kind: 'amount',
      names: ['全年执行数', '全年执行', '实际执行数', '执行数', '执行金额'],
      compareAs: '实际支出资金',
    },
    { key: '全年预计执行数', kind: 'amount', names: ['全年预计执行数', '预计执行数', '全年预计支出数'] },
    { key: '中期资金', kind: 'amount', names: ['中期资金'] },
    {
      key: '预算执行率',
      kind: 'rate',
      names: ['预算执行率', '资金执行率', '执行率', '预算支出率'],
      definitions: [
        ['实际支出资金', '实际到位资金'],
        ['全年执行数', '全年预算数'],
        ['全年执行数', '年初预算数'],
        ['实际支出资金', '预算安排资金'],
      ],
    },
    {
      key: '资金到位率',
      kind: 'rate',
      names: ['资金到位率', '到位率'],
      definitions: [['实际到位资金', '预算安排资金']],
    },
    { key: '计划数', kind: 'count', names: ['计划数', '计划完成数', '计划任务数', '计划人数', '目标任务数'] },
    { key: '实际完成数', kind: 'count', names: ['实际完成数', '实际完成任务数', '实际完成人数'] },
    {
      key: '完成率',
      kind: 'rate',
      names: ['完成率', '任务完成率', '实际完成率'],
      definitions: [['实际完成数', '计划数']],
    },
    { key: '发放问卷', kind: 'count', names: ['发放问卷', '发放问卷数', '发放问卷份数', '问卷发放数'] },
    {
      key: '有效问卷',
      kind: 'count',
      names: ['有效问卷', '有效问卷数', '有效问卷份数', '回收有效问卷', '有效样本', '有效样本数', '回收问卷数'],
    },
    { key: '满意问卷', kind: 'count', names: ['满意问卷', '满意问卷数', '满意问卷份数', '满意份数', '满意人数'] },
    {
      key: '满意度',
      kind: 'rate',
      names: ['满意度', '总体满意度', '综合满意度', '满意率', '群众满意度'],
      definitions: [['满意问卷', '有效问卷']],
    },
    {
      key: '评价得分',
      kind: 'score',
      names: ['评价得分', '综合得分', '总得分', '评价总分', '绩效评价得分', '自评得分', '自评总分', '评价分数'],
    },
    {
      key: '评价等级',
      kind: 'text',
      names: ['评价等级', '绩效等级', '自评等级', '评价结果等级', '综合评价结果等级', '评价结论等级', '绩效评价等级'],
    },
    { key: '项目名称', kind: 'text', names: ['项目名称'] },
    { key: '主管部门', kind: 'text', names: ['主管部门', '主管部门及代码', '主管单位'] },
    { key: '实施单位', kind: 'text', names: ['实施单位', '项目实施单位'] },
  ],
  parts: [
    { key: '资金总额', names: ['资金总额', '年度资金总额', '项目资金总额', '合计', '小计', '总计'], total: true },
    { key: '财政拨款', names: ['财政拨款', '财政拨款资金', '当年财政拨款', '财政资金'] },
    { key: '上年结转资金', names: ['上年结转资金', '上年结转', '结转资金', '结余资金', '结转结余资金'] },
    { key: '其他资金', names: ['其他资金', '其他'] },
  ],
  blockTotals: { 年度资金总额: '年初预算数', 中期资金总额: '中期资金' },
});
