import { scoreFix } from '../fix/proposals';
import { excelRound } from '../numbers';
import { refs } from './reports';
import { defineRule, type RuleReport } from './rule';

export const scoreRule = defineRule({
  code: 'score/rule',
  severity: 'warning',
  name: { 'zh-CN': '评分标准', 'en-US': 'Scoring standard' },
  description: {
    'zh-CN': '得分与该指标评分标准（或自评规则）按其依据算出的得分不符',
    'en-US':
      "A score differs from what the indicator's scoring standard (or the self-evaluation rules) gives for its inputs",
  },
  messages: {
    standard: {
      'zh-CN': '“{name}”得分 {actual}，按评分标准应为 {expected}',
      'en-US': '"{name}" scores {actual}; its standard gives {expected}',
    },
    band: {
      'zh-CN': '“{name}”得分 {actual} 不在按完成情况应得的 {min}–{max} 分之间',
      'en-US': '"{name}" scores {actual}, outside the {min}–{max} its result allows',
    },
    fullOnMiss: {
      'zh-CN': '“{name}”未完成年度指标值却得满分 {actual}',
      'en-US': '"{name}" missed its target yet scores the full {actual}',
    },
    fullOnMissExpected: {
      'zh-CN': '“{name}”未完成年度指标值却得满分 {actual}，按完成情况应为 {expected}',
      'en-US': '"{name}" missed its target yet scores the full {actual}; its result gives {expected}',
    },
    noReason: {
      'zh-CN': '“{name}”扣分（{actual}/{weight}）但未填写偏差原因分析',
      'en-US': '"{name}" lost points ({actual}/{weight}) but gives no reason for the deviation',
    },
  },
  check({ analysis, profile }) {
    const reports: RuleReport<'standard' | 'band' | 'fullOnMiss' | 'fullOnMissExpected' | 'noReason'>[] = [];
    for (const e of analysis.expectations) {
      const actual = e.score.value;
      if (actual === null) continue; // a blank score is score/missing's
      const decimals = e.score.decimals ?? profile.scoreDecimals;
      const at = { sheet: e.score.sheet, cell: e.score.cell, actual, related: refs(e.inputs) };
      // One finding per cell: the computed score where there is one, else the band, else the full score on a miss.
      const fullOnMiss = !!e.missed && actual >= e.weight;
      if (e.expected !== undefined && excelRound(e.expected, decimals) !== excelRound(actual, decimals)) {
        const expected = excelRound(e.expected, decimals);
        const fix = scoreFix(e, profile);
        reports.push({
          messageId: fullOnMiss ? 'fullOnMissExpected' : 'standard',
          data: { name: e.name, actual, expected },
          expected,
          ...at,
          ...(fix ? { fix } : {}),
        });
      } else if (e.band && (actual < excelRound(e.band[0], decimals) || actual > excelRound(e.band[1], decimals))) {
        reports.push({
          messageId: 'band',
          data: { name: e.name, actual, min: excelRound(e.band[0], decimals), max: excelRound(e.band[1], decimals) },
          ...at,
        });
      } else if (fullOnMiss) reports.push({ messageId: 'fullOnMiss', data: { name: e.name, actual }, ...at });
      if (e.basis === 'self-evaluation' && e.noDeviationReason && actual < e.weight)
        reports.push({ messageId: 'noReason', data: { name: e.name, actual, weight: e.weight }, ...at });
    }
    return reports;
  },
});
