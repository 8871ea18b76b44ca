import { flattenTree } from '../model/indicators';
import { statedCounts } from '../analysis/stated-counts';
import { indicatorTables } from '../model/tables';
import { defineRule, type RuleReport } from './rule';

const LEVEL_NAMES = {
  1: { 'zh-CN': '一级指标', 'en-US': 'level-1 indicators' },
  2: { 'zh-CN': '二级指标', 'en-US': 'level-2 indicators' },
  3: { 'zh-CN': '三级指标', 'en-US': 'level-3 indicators' },
} as const;

export const countMismatch = defineRule({
  code: 'count/mismatch',
  severity: 'warning',
  name: { 'zh-CN': '个数不符', 'en-US': 'Count mismatch' },
  description: {
    'zh-CN': '文字中写明的指标个数（如“二级指标10个”）与表格或所列名称不符',
    'en-US': 'A stated count ("二级指标10个") differs from the table or from the names listed with it',
  },
  messages: {
    table: {
      'zh-CN': '写明{level} {actual} 个，评分表中有 {expected} 个',
      'en-US': 'States {actual} {level}; the score table has {expected}',
    },
    listed: {
      'zh-CN': '写明{level} {actual} 个，其后列出 {expected} 个名称',
      'en-US': 'States {actual} {level} but lists {expected} names',
    },
  },
  check({ model, grids }) {
    const table = indicatorTables(model).find((t) => !t.selfEvaluation);
    const inTable = (level: number) =>
      table && level <= table.levels
        ? flattenTree(table.indicators).filter((n) => n.level === level).length
        : undefined;
    const reports: RuleReport<'table' | 'listed'>[] = [];
    for (const grid of grids.values()) {
      for (const stated of statedCounts(grid)) {
        const at = { sheet: grid.name, cell: grid.address(stated.row, stated.col) };
        const level = LEVEL_NAMES[stated.level];
        const counted = inTable(stated.level);
        const related = table ? [{ sheet: table.sheet, cell: table.range.split(':')[0] ?? 'A1' }] : [];
        if (counted !== undefined && counted > 0 && counted !== stated.count)
          reports.push({
            messageId: 'table',
            data: { level, actual: stated.count, expected: counted },
            ...at,
            expected: counted,
            actual: stated.count,
            related,
          });
        if (stated.listed && stated.listed.length !== stated.count)
          reports.push({
            messageId: 'listed',
            data: { level, actual: stated.count, expected: stated.listed.length },
            ...at,
            expected: stated.listed.length,
            actual: stated.count,
          });
      }
    }
    return reports;
  },
});
