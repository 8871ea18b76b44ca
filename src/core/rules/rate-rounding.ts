import { rateReport } from './reports';
import { defineRule } from './rule';
import { rateUnits } from '../analysis/rate-check';
import { excelRound } from '../numbers';
import { roundedTo } from './working';

export const rateRounding = defineRule({
  code: 'rate/rounding',
  severity: 'warning',
  name: { 'zh-CN': '比率舍入', 'en-US': 'Rate rounding' },
  description: {
    'zh-CN': '比率只在截断、其他小数位或先舍入中间值时才与计算依据相符（应按四舍五入 ROUND）',
    'en-US':
      'A rate matches its inputs only when truncated, rounded to other decimals or built from rounded parts (Excel ROUND expected)',
  },
  messages: {
    truncated: {
      'zh-CN': '{rate}表中为 {actual}，是截断的结果；{working} {rounded}应为 {expected}',
      'en-US': '{rate} shows {actual}, truncated; {working} {rounded} is {expected}',
    },
    decimals: {
      'zh-CN': '{rate}表中为 {actual}，是{fewer}的结果；按单元格显示的位数，{working} {rounded}应为 {expected}',
      'en-US': '{rate} shows {actual}, {fewer}; at the decimals the cell shows, {working} {rounded} is {expected}',
    },
    intermediate: {
      'zh-CN': '{rate}表中为 {actual}，是用先舍入的中间值算出的；直接按 {working} 计算并{rounded}应为 {expected}',
      'en-US':
        '{rate} shows {actual}, computed from rounded parts; computed directly, {working} {rounded} is {expected}',
    },
  },
  check(context) {
    return context.analysis.rates.flatMap(({ rate, verdict }) => {
      if (verdict.status !== 'rounding') return [];
      const report = rateReport(verdict.how, rate, verdict, context);
      if (verdict.how !== 'decimals') return [report];
      // The decimals the printed rate was rounded to, as the cell shows the rate (91% of a 0.00% cell: a whole number).
      const units = rateUnits(rate.target, context.profile.rateDecimals, rate.like);
      let decimals = 0;
      while (decimals < units.decimals && excelRound(rate.exact * units.scale, decimals) !== verdict.actual) decimals++;
      const shown = units.scale === 1 && rate.target.form !== 'number' ? Math.max(0, decimals - 2) : decimals;
      return [{ ...report, data: { ...report.data, fewer: roundedTo(shown) } }];
    });
  },
});
