import { weightCells, weightOf } from '../model/indicators';
import { budgetRowOf, indicatorTables, summaryTables } from '../model/tables';
import { formatNumber, nearlyEqual, sum } from '../numbers';
import { refs } from './reports';
import { defineRule, type RuleReport } from './rule';
import { fixed, shownAt, termsText } from './working';
import type { Figure, TextAt } from '../model';

export const weightTotal = defineRule({
  code: 'weight/total',
  severity: 'error',
  name: { 'zh-CN': '一级分值合计', 'en-US': 'Level-1 weights' },
  description: {
    'zh-CN': '一级指标分值之和不等于表中声明的总分（默认 100）',
    'en-US': 'Level-1 weights do not sum to the declared total (100)',
  },
  messages: {
    mismatch: {
      'zh-CN': '一级指标分值合计 {actual}{terms}，应为 {expected}',
      'en-US': 'Level-1 weights sum to {actual}{terms}; the total is {expected}',
    },
  },
  check({ model, profile, snapshot }) {
    const report = (
      weights: Array<number | undefined>,
      terms: Array<Figure | undefined>,
      cells: Figure[],
      total: Figure | undefined,
      fallback: Figure | TextAt | undefined,
    ): RuleReport<'mismatch'>[] => {
      if (weights.length === 0 || weights.some((w) => w === undefined)) return [];
      const actual = sum(weights as number[]);
      const declared = total && total.value !== null ? total.value : profile.totalWeight;
      const at = total ?? fallback;
      if (nearlyEqual(actual, declared) || !at) return [];
      return [
        {
          messageId: 'mismatch',
          data: {
            actual: fixed(actual, total?.decimals),
            expected: total && total.value !== null ? shownAt(snapshot, total) : formatNumber(declared),
            terms: termsText(
              weights.map((value, i) => ({ value: value as number, ...(terms[i] ? { figure: terms[i] } : {}) })),
              snapshot,
            ),
          },
          sheet: at.sheet,
          cell: at.cell,
          expected: declared,
          actual,
          related: refs(cells),
        },
      ];
    };
    return [
      ...indicatorTables(model).flatMap((t) => {
        const budget = budgetRowOf(model, t)?.weight;
        const weights = [...t.indicators.map(weightOf), ...(budget ? [budget.value ?? undefined] : [])];
        const last = t.indicators.at(-1);
        return report(
          weights,
          [...t.indicators.map((n) => n.weight), ...(budget ? [budget] : [])],
          [...(budget ? [budget] : []), ...t.indicators.flatMap(weightCells)],
          t.total?.weight,
          last?.weight ?? last?.name,
        );
      }),
      ...summaryTables(model).flatMap((t) =>
        report(
          t.rows.map((r) => r.weight?.value ?? undefined),
          t.rows.map((r) => r.weight),
          t.rows.flatMap((r) => (r.weight ? [r.weight] : [])),
          t.total?.weight,
          t.rows.at(-1)?.weight ?? t.rows.at(-1)?.name,
        ),
      ),
    ];
  },
});
