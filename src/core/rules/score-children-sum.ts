import { flattenTree, scoreCells, scoreTermCells } from '../model/indicators';
import { sumFix } from '../fix/proposals';
import { scoreOf } from '../analysis/scores';
import { indicatorTables } from '../model/tables';
import { excelRound, sum } from '../numbers';
import { refs } from './reports';
import { defineRule } from './rule';
import { fixed, shownAt, termsText } from './working';

const SCORE = { 'zh-CN': '上级指标得分', 'en-US': "The parent's score" };

export const scoreChildrenSum = defineRule({
  code: 'score/children-sum',
  severity: 'error',
  name: { 'zh-CN': '下级得分之和', 'en-US': "Children's scores" },
  description: {
    'zh-CN': '上级指标得分不等于下级指标得分之和',
    'en-US': "A parent's score differs from the sum of its children's",
  },
  messages: {
    mismatch: {
      'zh-CN': '“{name}”得分 {actual}，不等于下级指标得分合计 {expected}{terms}',
      'en-US': '"{name}" scores {actual}; its children sum to {expected}{terms}',
    },
  },
  check({ model, analysis, snapshot }) {
    return indicatorTables(model).flatMap((table) =>
      flattenTree(table.indicators).flatMap((node) => {
        if (!node.score || node.score.value === null || node.children.length === 0) return [];
        const children = node.children.map((child) => scoreOf(child, analysis.computedScores));
        if (children.some((s) => s === undefined)) return [];
        const expected = sum(children as number[]);
        if (excelRound(expected, 6) === excelRound(node.score.value, 6)) return [];
        return [
          {
            messageId: 'mismatch',
            data: {
              name: node.name.text,
              actual: shownAt(snapshot, node.score),
              expected: fixed(expected, node.score.decimals),
              terms: termsText(
                node.children.map((child, i) => ({
                  value: children[i] as number,
                  ...(child.score ? { figure: child.score } : {}),
                })),
                snapshot,
              ),
            },
            sheet: node.score.sheet,
            cell: node.score.cell,
            expected,
            actual: node.score.value,
            related: refs(node.children.flatMap(scoreCells)),
            fix: sumFix(node.score, node.children.flatMap(scoreTermCells), expected, SCORE),
          },
        ];
      }),
    );
  },
});
