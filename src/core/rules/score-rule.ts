import { scoreFix } from '../fix/proposals';
import { excelRound, formatNumber } from '../numbers';
import { refs } from './reports';
import { defineRule, type RuleReport } from './rule';
import { fixed, scoreWorking, shownAt } from './working';

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
      'zh-CN': '“{name}”得分 {actual}，按评分标准应为 {expected}{how}',
      'en-US': '"{name}" scores {actual}; its standard gives {expected}{how}',
    },
    completion: {
      'zh-CN': '“{name}”得分 {actual}，按完成情况应为 {expected}{how}',
      'en-US': '"{name}" scores {actual}; its result gives {expected}{how}',
    },
    band: {
      'zh-CN': '“{name}”得分 {actual}，按完成情况{how}应得 {min}–{max} 分',
      'en-US': '"{name}" scores {actual}; its result{how} allows {min}–{max}',
    },
    fullOnMiss: {
      'zh-CN': '“{name}”未完成年度指标值{how}，却得满分 {actual}',
      'en-US': '"{name}" missed its target{how} yet scores the full {actual}',
    },
    fullOnMissExpected: {
      'zh-CN': '“{name}”未完成年度指标值却得满分 {actual}，按完成情况应为 {expected}{how}',
      'en-US': '"{name}" missed its target yet scores the full {actual}; its result gives {expected}{how}',
    },
    noReason: {
      'zh-CN': '“{name}”得分 {actual}，低于分值 {weight}，但未填写偏差原因分析',
      'en-US': '"{name}" scores {actual}, below its weight {weight}, but gives no reason for the deviation',
    },
  },
  check({ analysis, profile, snapshot }) {
    const reports: RuleReport<'standard' | 'completion' | 'band' | 'fullOnMiss' | 'fullOnMissExpected' | 'noReason'>[] =
      [];
    for (const e of analysis.expectations) {
      const actual = e.score.value;
      if (actual === null) continue; // a blank score is score/missing's
      const decimals = e.score.decimals ?? profile.scoreDecimals;
      const at = { sheet: e.score.sheet, cell: e.score.cell, actual, related: refs(e.inputs) };
      // Figures as their cells show them; computed ones at the decimals of the score cell.
      const shown = { name: e.name, actual: shownAt(snapshot, e.score), how: scoreWorking(e, snapshot) };
      const figure = (value: number) => fixed(value, e.score.decimals);
      // One finding per cell: the computed score where there is one, else the band, else the full score on a miss.
      const fullOnMiss = !!e.missed && actual >= e.weight;
      if (e.expected !== undefined && excelRound(e.expected, decimals) !== excelRound(actual, decimals)) {
        const expected = excelRound(e.expected, decimals);
        const fix = scoreFix(e, profile);
        reports.push({
          messageId: fullOnMiss ? 'fullOnMissExpected' : e.basis === 'self-evaluation' ? 'completion' : 'standard',
          data: { ...shown, expected: figure(expected) },
          expected,
          ...at,
          ...(fix ? { fix } : {}),
        });
      } else if (e.band && (actual < excelRound(e.band[0], decimals) || actual > excelRound(e.band[1], decimals))) {
        reports.push({
          messageId: 'band',
          data: {
            ...shown,
            min: formatNumber(excelRound(e.band[0], decimals)),
            max: formatNumber(excelRound(e.band[1], decimals)),
          },
          ...at,
        });
      } else if (fullOnMiss) reports.push({ messageId: 'fullOnMiss', data: shown, ...at });
      if (e.basis === 'self-evaluation' && e.noDeviationReason && actual < e.weight) {
        const weight = e.node?.weight ? shownAt(snapshot, e.node.weight) : formatNumber(e.weight);
        reports.push({ messageId: 'noReason', data: { name: e.name, actual: shown.actual, weight }, ...at });
      }
    }
    return reports;
  },
});
