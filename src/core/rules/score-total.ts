import { scoreCells, scoreTermCells } from '../model/indicators';
import { sumFix } from '../fix/proposals';
import { scoreOf } from '../analysis/scores';
import { budgetRowOf, indicatorTables, summaryTables } from '../model/tables';
import type { Figure } from '../model';
import { excelRound, sum } from '../numbers';
import { refs } from './reports';
import { defineRule, type RuleReport } from './rule';
import { fixed, shownAt, termsText } from './working';

const TOTAL = { 'zh-CN': '总分', 'en-US': 'The total' };

export const scoreTotal = defineRule({
  code: 'score/total',
  severity: 'error',
  name: { 'zh-CN': '总分', 'en-US': 'Total score' },
  description: { 'zh-CN': '总分不等于一级指标得分之和', 'en-US': 'The total differs from the sum of level-1 scores' },
  messages: {
    mismatch: {
      'zh-CN': '总分 {actual} 不等于一级指标得分合计 {expected}{terms}',
      'en-US': 'The total {actual} differs from the level-1 scores, which sum to {expected}{terms}',
    },
  },
  check({ model, analysis, snapshot }) {
    const report = (
      total: Figure | undefined,
      scores: Array<number | undefined>,
      terms: Array<Figure | undefined>,
      cells: Figure[],
      items: Figure[],
    ): RuleReport<'mismatch'>[] => {
      if (!total || total.value === null || scores.length === 0 || scores.some((s) => s === undefined)) return [];
      const expected = sum(scores as number[]);
      if (excelRound(expected, 6) === excelRound(total.value, 6)) return [];
      return [
        {
          messageId: 'mismatch',
          data: {
            actual: shownAt(snapshot, total),
            expected: fixed(expected, total.decimals),
            terms: termsText(
              scores.map((value, i) => ({ value: value as number, ...(terms[i] ? { figure: terms[i] } : {}) })),
              snapshot,
            ),
          },
          sheet: total.sheet,
          cell: total.cell,
          expected,
          actual: total.value,
          related: refs(cells),
          fix: sumFix(total, items, expected, TOTAL),
        },
      ];
    };
    return [
      ...indicatorTables(model).flatMap((t) => {
        const budget = budgetRowOf(model, t)?.score;
        const scores = [
          ...t.indicators.map((n) => scoreOf(n, analysis.computedScores)),
          ...(budget ? [budget.value ?? undefined] : []),
        ];
        const items = [...(budget ? [budget] : []), ...t.indicators.flatMap(scoreTermCells)];
        const terms = [...t.indicators.map((n) => n.score), ...(budget ? [budget] : [])];
        return report(
          t.total?.score,
          scores,
          terms,
          [...(budget ? [budget] : []), ...t.indicators.flatMap(scoreCells)],
          items,
        );
      }),
      ...summaryTables(model).flatMap((t) =>
        report(
          t.total?.score,
          t.rows.map((r) => r.score?.value ?? undefined),
          t.rows.map((r) => r.score),
          t.rows.flatMap((r) => (r.score ? [r.score] : [])),
          t.rows.flatMap((r) => (r.score ? [r.score] : [])),
        ),
      ),
    ];
  },
});
