import { flattenTree, weightOf } from '../model/indicators';
import { indicatorTables, summaryTables } from '../model/tables';
import type { Figure } from '../model';
import { defineRule, type RuleReport } from './rule';
import { formatNumber } from '../numbers';
import { shownAt } from './working';

export const scoreRange = defineRule({
  code: 'score/range',
  severity: 'error',
  name: { 'zh-CN': '得分超出范围', 'en-US': 'Score out of range' },
  description: { 'zh-CN': '得分小于 0 或超过分值', 'en-US': 'A score below 0 or above its weight' },
  messages: {
    above: {
      'zh-CN': '“{name}”得分 {actual}，超过分值 {expected}',
      'en-US': '"{name}" scores {actual}, above its weight {expected}',
    },
    negative: { 'zh-CN': '“{name}”得分 {actual}，小于 0', 'en-US': '"{name}" scores {actual}, below 0' },
  },
  check({ model, snapshot }) {
    const check = (
      name: string,
      score: Figure | undefined,
      weight: number | undefined,
      weightCell: Figure | undefined,
    ): RuleReport<'above' | 'negative'>[] => {
      if (!score || score.value === null) return [];
      const related = weightCell ? [{ sheet: weightCell.sheet, cell: weightCell.cell }] : [];
      if (score.value < 0)
        return [
          {
            messageId: 'negative',
            data: { name, actual: shownAt(snapshot, score) },
            sheet: score.sheet,
            cell: score.cell,
            expected: 0,
            actual: score.value,
            related,
          },
        ];
      if (weight !== undefined && score.value > weight + 1e-9)
        return [
          {
            messageId: 'above',
            data: {
              name,
              actual: shownAt(snapshot, score),
              expected: weightCell && weightCell.value !== null ? shownAt(snapshot, weightCell) : formatNumber(weight),
            },
            sheet: score.sheet,
            cell: score.cell,
            expected: weight,
            actual: score.value,
            related,
          },
        ];
      return [];
    };
    return [
      ...indicatorTables(model).flatMap((t) =>
        flattenTree(t.indicators).flatMap((node) => check(node.name.text, node.score, weightOf(node), node.weight)),
      ),
      ...summaryTables(model).flatMap((t) =>
        t.rows.flatMap((row) => check(row.name.text, row.score, row.weight?.value ?? undefined, row.weight)),
      ),
    ];
  },
});
