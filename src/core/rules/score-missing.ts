import { flattenTree, weightOf } from '../model/indicators';
import { indicatorTables, summaryTables } from '../model/tables';
import { isFilled } from '../recognize/figures';
import { scoreFix } from '../fix/proposals';
import { excelRound, formatNumber } from '../numbers';
import type { ScoreExpectation } from '../analysis';
import { fixed, scoreWorking, shownAt } from './working';
import { refs } from './reports';
import { defineRule, type RuleReport } from './rule';

export const scoreMissing = defineRule({
  code: 'score/missing',
  severity: 'error',
  name: { 'zh-CN': '未填得分', 'en-US': 'Missing score' },
  description: {
    'zh-CN': '指标有分值但没有得分（能按评分标准计算时给出应得分）',
    'en-US': 'An indicator has a weight but no score (with the expected score when its standard computes one)',
  },
  messages: {
    computable: {
      'zh-CN': '“{name}”（分值 {weight}）未填得分，{by}应为 {expected}{how}',
      'en-US': '"{name}" (weight {weight}) has no score; {by} {expected}{how}',
    },
    missing: { 'zh-CN': '“{name}”（分值 {weight}）未填得分', 'en-US': '"{name}" (weight {weight}) has no score' },
  },
  check({ model, analysis, profile, snapshot }) {
    const by = (e: ScoreExpectation | undefined) =>
      e?.basis === 'self-evaluation'
        ? { 'zh-CN': '按完成情况', 'en-US': 'its result gives' }
        : { 'zh-CN': '按评分标准', 'en-US': 'its standard gives' };
    const empty = { 'zh-CN': '', 'en-US': '' };
    const reports: RuleReport<'computable' | 'missing'>[] = [];
    for (const table of indicatorTables(model)) {
      for (const node of flattenTree(table.indicators)) {
        const weight = weightOf(node);
        const score = node.score;
        if (!score || isFilled(score) || weight === undefined) continue;
        const computed = analysis.computedScores.get(node);
        const decimals = score.decimals ?? node.weight?.decimals ?? profile.scoreDecimals;
        const report: RuleReport<'computable' | 'missing'> = {
          messageId: computed === undefined ? 'missing' : 'computable',
          data: { name: node.name.text, weight: node.weight ? shownAt(snapshot, node.weight) : formatNumber(weight) },
          sheet: score.sheet,
          cell: score.cell,
          actual: null,
        };
        if (computed !== undefined) {
          report.expected = excelRound(computed, decimals);
          const expectation = analysis.expectations.find((e) => e.node === node);
          report.data = {
            ...report.data,
            expected: fixed(report.expected, score.decimals ?? node.weight?.decimals),
            by: by(expectation),
            how: expectation ? scoreWorking(expectation, snapshot) : empty,
          };
          const fix = expectation && scoreFix(expectation, profile);
          if (fix) report.fix = fix;
        }
        if (node.weight) report.related = [{ sheet: node.weight.sheet, cell: node.weight.cell }];
        reports.push(report);
      }
    }
    // The funds row of a self-evaluation form has no indicator node: its blank score is reported from its standard.
    for (const e of analysis.expectations) {
      if (e.basis !== 'budget-row' || isFilled(e.score) || e.expected === undefined) continue;
      const expected = excelRound(e.expected, e.score.decimals ?? profile.scoreDecimals);
      const report: RuleReport<'computable' | 'missing'> = {
        messageId: 'computable',
        data: {
          name: e.name,
          weight: formatNumber(e.weight),
          expected: fixed(expected, e.score.decimals),
          by: by(e),
          how: scoreWorking(e, snapshot),
        },
        sheet: e.score.sheet,
        cell: e.score.cell,
        expected,
        actual: null,
        related: refs(e.inputs),
      };
      const fix = scoreFix(e, profile);
      if (fix) report.fix = fix;
      reports.push(report);
    }
    for (const table of summaryTables(model)) {
      for (const row of table.rows) {
        const { score, weight } = row;
        if (!score || isFilled(score) || !weight || weight.value === null) continue;
        reports.push({
          messageId: 'missing',
          data: { name: row.name.text, weight: shownAt(snapshot, weight) },
          sheet: score.sheet,
          cell: score.cell,
          actual: null,
          related: [{ sheet: weight.sheet, cell: weight.cell }],
        });
      }
    }
    return reports;
  },
});
