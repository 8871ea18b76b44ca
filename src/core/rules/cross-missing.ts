import { detailFor, matchSummary } from '../analysis/matching';
import { indicatorTables, summaryTables } from '../model/tables';
import type { Fact } from '../facts/schema';
import type { Profile } from '../profile';
import type { WorkbookModel } from '../model';
import { reconcileIndicators } from '../analysis/national-forms';
import { hasNumber, sameFigureGroups } from '../facts/relations';
import { refs } from './reports';
import type { WorkbookSnapshot } from '../snapshot';
import { shownAt } from './working';
import { defineRule, type RuleReport } from './rule';

export const crossMissing = defineRule({
  code: 'cross/missing',
  severity: 'warning',
  name: { 'zh-CN': '一处缺失', 'en-US': 'Missing counterpart' },
  description: {
    'zh-CN': '指标或数据只出现在一处而对应处缺失（汇总表与评分表、目标表与自评表、一张表填写而另一张表空白）',
    'en-US':
      'An indicator or a figure appears in one place and not in its counterpart (summary vs score table, targets vs self-evaluation, a funds row blank on one form and filled on another)',
  },
  messages: {
    notInDetail: {
      'zh-CN': '汇总表中的“{name}”在评分表中找不到对应的一级指标',
      'en-US': 'Summary row "{name}" has no level-1 indicator in the score table',
    },
    indicator: {
      'zh-CN': '年度绩效指标“{name}”未出现在“{sheet}”中',
      'en-US': 'The year’s indicator "{name}" is missing from "{sheet}"',
    },
    blank: {
      'zh-CN': '“{label}”此处为空，而“{sheet}”{cell} 填有 {value}',
      'en-US': '"{label}" is blank here while {sheet}!{cell} states {value}',
    },
    notInSummary: {
      'zh-CN': '评分表中的一级指标“{name}”未列入汇总表',
      'en-US': 'Level-1 indicator "{name}" is missing from the summary',
    },
  },
  check({ model, analysis, profile, snapshot }) {
    const detail = detailFor(indicatorTables(model));
    const blanks = [...indicatorGaps(model), ...blankCounterparts(analysis.facts, profile, snapshot)];
    if (!detail) return blanks;
    return [
      ...blanks,
      ...summaryTables(model).flatMap((summary): RuleReport<'notInDetail' | 'notInSummary'>[] => {
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
      }),
    ];
  },
});

type MessageId = 'notInDetail' | 'notInSummary' | 'blank' | 'indicator';

/** An indicator of the year's targets absent from the monitoring or self-evaluation form (selective evaluation). */
function indicatorGaps(model: WorkbookModel): RuleReport<MessageId>[] {
  return reconcileIndicators(model).gaps.map(({ name, missingIn }) => ({
    messageId: 'indicator',
    data: { name: name.text, sheet: missingIn.sheet },
    sheet: name.sheet,
    cell: name.cell,
    related: [missingIn.anchor],
  }));
}

/**
 * A funds figure or a count blank in one place and stated in its counterpart (a funds row blank on the monitoring
 * form and filled on the self-evaluation): the blank is the finding, resting on the places that state it. Rates are
 * left to derived/missing, which fills them.
 */
function blankCounterparts(
  facts: readonly Fact[],
  profile: Profile,
  snapshot: WorkbookSnapshot,
): RuleReport<MessageId>[] {
  const reports: RuleReport<MessageId>[] = [];
  for (const group of sameFigureGroups(facts, profile)) {
    const kind = group[0]?.kind;
    if (kind !== 'amount' && kind !== 'count') continue;
    const stated = group.filter(hasNumber);
    const first = stated[0];
    if (!first) continue;
    for (const fact of group) {
      const blank = fact.figure.value === null && fact.figure.error === undefined && fact.figure.text === undefined;
      if (!blank || stated.every((s) => s.figure.sheet === fact.figure.sheet)) continue;
      const other = stated.find((s) => s.figure.sheet !== fact.figure.sheet) ?? first;
      reports.push({
        messageId: 'blank',
        data: {
          // A table cell is named by its row's part and its column: 上年结转资金·年初预算数.
          label:
            fact.source === 'table' && fact.part && fact.part !== '资金总额'
              ? `${fact.part}·${fact.label.text}`
              : fact.label.text,
          sheet: other.figure.sheet,
          cell: other.figure.cell,
          value: shownAt(snapshot, other.figure),
        },
        sheet: fact.figure.sheet,
        cell: fact.figure.cell,
        related: refs(stated.filter((s) => s.figure.sheet !== fact.figure.sheet).map((s) => s.figure)),
      });
    }
  }
  return reports;
}
