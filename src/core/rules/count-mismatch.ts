import { flattenTree } from '../model/indicators';
import { statedCounts } from '../analysis/stated-counts';
import { indicatorTables } from '../model/tables';
import type { IndicatorNode } from '../model';
import { normalizeLabel } from '../text';
import { defineRule, type RuleReport } from './rule';

/** True when every character of `part` appears in `whole` in order (指标科学性 in 指标设立科学性). */
function inOrder(part: string, whole: string): boolean {
  let at = 0;
  for (const ch of part) {
    at = whole.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/**
 * How many indicators a listing names, read against the table's names at that level: a listed name that is an
 * indicator's name, or a piece of one (a name with a 、 inside it split in two: seed 003's “绩效目标、指标科学性” for
 * the one indicator “绩效目标、指标设立科学性”), counts that indicator once; a name the table lacks counts on its own.
 */
export function listedIndicators(listed: readonly string[], names: readonly string[]): number {
  const table = names.map((n) => normalizeLabel(n));
  const matched = new Set<number>();
  let unmatched = 0;
  for (const name of listed) {
    const wanted = normalizeLabel(name);
    let index = table.indexOf(wanted);
    if (index < 0 && wanted.length >= 2) index = table.findIndex((t) => inOrder(wanted, t));
    if (index < 0) unmatched++;
    else matched.add(index);
  }
  return matched.size + unmatched;
}

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
    const nodesAt = (level: number): IndicatorNode[] | undefined =>
      table && level <= table.levels ? flattenTree(table.indicators).filter((n) => n.level === level) : undefined;
    const reports: RuleReport<'table' | 'listed'>[] = [];
    for (const grid of grids.values()) {
      for (const stated of statedCounts(grid)) {
        const at = { sheet: grid.name, cell: grid.address(stated.row, stated.col) };
        const level = LEVEL_NAMES[stated.level];
        const nodes = nodesAt(stated.level);
        const counted = nodes?.length;
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
        // The names listed, matched to the table's names where there is a table (a split name is one indicator).
        const listed =
          stated.listed && nodes && nodes.length > 0
            ? listedIndicators(
                stated.listed,
                nodes.map((n) => n.name.text),
              )
            : stated.listed?.length;
        if (listed !== undefined && listed !== stated.count && !(counted !== undefined && counted !== stated.count))
          reports.push({
            messageId: 'listed',
            data: { level, actual: stated.count, expected: listed },
            ...at,
            expected: listed,
            actual: stated.count,
          });
      }
    }
    return reports;
  },
});
