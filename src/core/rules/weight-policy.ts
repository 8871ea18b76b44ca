import { weightCells, weightOf } from '../model/indicators';
import { shownAt } from './working';
import { refs } from './reports';
import { indicatorTables, tablesOf } from '../model/tables';
import { formatNumber, nearlyEqual, sum } from '../numbers';
import { defineRule, type RuleReport } from './rule';

export const weightPolicy = defineRule({
  code: 'weight/policy',
  severity: 'info',
  name: { 'zh-CN': '权重设置', 'en-US': 'Weight policy' },
  description: {
    'zh-CN':
      '权重偏离政策建议（第三方评价产出+效益原则上不低于60%；单位自评原则上预算执行率10、产出50、效益30、满意度10）',
    'en-US':
      'Weights depart from the advisory policy (产出+效益 ≥ 60% in evaluations; 10/50/30/10 in self-evaluations)',
  },
  messages: {
    outputBenefit: {
      'zh-CN': '产出与效益指标分值合计 {actual}（{terms}），占总分 {total} 的 {percent}，原则上应不低于 {share}%',
      'en-US':
        '产出 and 效益 weigh {actual} together ({terms}), {percent} of the total {total}, below the advisory {share}%',
    },
    selfEvaluation: {
      'zh-CN': '自评表“{name}”分值 {actual}，建议为 {expected}',
      'en-US': 'Self-evaluation "{name}" weighs {actual}; the advisory weight is {expected}',
    },
  },
  check({ model, profile, snapshot }) {
    const budgetWeight = tablesOf(model, 'budget').flatMap((t) => t.rows.slice(0, 1))[0]?.weight;
    return indicatorTables(model).flatMap((table): RuleReport<'outputBenefit' | 'selfEvaluation'>[] => {
      const weights = table.indicators.map((node) => ({ node, weight: weightOf(node) }));
      if (table.selfEvaluation) {
        const reports: RuleReport<'outputBenefit' | 'selfEvaluation'>[] = [];
        const advisory = profile.selfEvaluationWeights;
        for (const { node, weight } of weights) {
          const expected = advisory[node.key];
          if (expected === undefined || weight === undefined || nearlyEqual(weight, expected)) continue;
          const at = node.weight ?? node.name;
          reports.push({
            messageId: 'selfEvaluation',
            data: {
              name: node.name.text,
              actual: node.weight && node.weight.value !== null ? shownAt(snapshot, node.weight) : formatNumber(weight),
              expected,
            },
            sheet: at.sheet,
            cell: at.cell,
            expected,
            actual: weight,
            related: refs(weightCells(node)),
          });
        }
        const budgetExpected = advisory['预算执行率'];
        if (
          budgetWeight &&
          budgetWeight.value !== null &&
          budgetExpected !== undefined &&
          !nearlyEqual(budgetWeight.value, budgetExpected)
        ) {
          reports.push({
            messageId: 'selfEvaluation',
            data: { name: '预算执行率', actual: shownAt(snapshot, budgetWeight), expected: budgetExpected },
            sheet: budgetWeight.sheet,
            cell: budgetWeight.cell,
            expected: budgetExpected,
            actual: budgetWeight.value,
          });
        }
        return reports;
      }
      // Without 产出 or 效益 among the level-1 names the advisory cannot be judged.
      const outputBenefitNodes = weights.filter((w) => w.node.key === '产出' || w.node.key === '效益');
      if (outputBenefitNodes.length === 0 || outputBenefitNodes.some((w) => w.weight === undefined)) return [];
      const declared = table.total?.weight?.value ?? profile.totalWeight;
      const outputBenefit = sum(outputBenefitNodes.map((w) => w.weight as number));
      if (declared <= 0 || outputBenefit >= profile.minOutputBenefitShare * declared - 1e-9) return [];
      const first = (outputBenefitNodes[0] as (typeof outputBenefitNodes)[number]).node;
      const at = first.weight ?? first.name;
      return [
        {
          messageId: 'outputBenefit',
          data: {
            actual: formatNumber(outputBenefit),
            terms: outputBenefitNodes
              .map(({ node, weight }) =>
                node.weight && node.weight.value !== null
                  ? `${node.name.text} ${shownAt(snapshot, node.weight)}`
                  : `${node.name.text} ${formatNumber(weight as number)}`,
              )
              .join(' + '),
            total:
              table.total?.weight && table.total.weight.value !== null
                ? shownAt(snapshot, table.total.weight)
                : formatNumber(declared),
            percent: `${formatNumber((outputBenefit / declared) * 100, 2)}%`,
            share: Math.round(profile.minOutputBenefitShare * 100),
          },
          sheet: at.sheet,
          cell: at.cell,
          actual: outputBenefit,
          related: refs(outputBenefitNodes.flatMap((w) => weightCells(w.node))),
        },
      ];
    });
  },
});
