import { detailFor, matchSummary } from '../analysis/matching';
import { indicatorTables, summaryTables } from '../model/tables';
import { defineRule, type RuleReport } from './rule';

export const crossMissing = defineRule({
  code: 'cross/missing',
  severity: 'warning',
  name: { 'zh-CN': '一处缺失', 'en-US': 'Missing counterpart' },
  description: {
    'zh-CN': '指标只出现在汇总表或评分表之一中',
    'en-US': 'An indicator appears in one table and not in its counterpart',
  },
  messages: {
    notInDetail: {
      'zh-CN': '汇总表中的“{name}”在评分表中找不到对应的一级指标',
      'en-US': 'Summary row "{name}" has no level-1 indicator in the score table',
    },
    notInSummary: {
      'zh-CN': '评分表中的一级指标“{name}”未列入汇总表',
      'en-US': 'Level-1 indicator "{name}" is missing from the summary',
    },
  },
  check({ model }) {
    const detail = detailFor(indicatorTables(model));
    if (!detail) return [];
    return summaryTables(model).flatMap((summary): RuleReport<'notInDetail' | 'notInSummary'>[] => {
      const { unmatchedRows, unmatchedNodes } = matchSummary(summary, detail);
      const related = [{ sheet: detail.sheet, cell: detail.range.split(':')[0] ?? 'A1' }];
      return [
        ...unmatchedRows.map((row) => ({
          messageId: 'notInDetail' as const,
          data: { name: row.name.text },
          sheet: row.name.sheet,
          cell: row.name.cell,
          related,
        })),
        ...unmatchedNodes.map((node) => ({
          messageId: 'notInSummary' as const,
          data: { name: node.name.text },
          sheet: node.name.sheet,
          cell: node.name.cell,
          related: [{ sheet: summary.sheet, cell: summary.range.split(':')[0] ?? 'A1' }],
        })),
      ];
    });
  },
});
