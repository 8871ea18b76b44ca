import { rateReport } from './reports';
import { defineRule } from './rule';

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
      'zh-CN': '{rate} {actual} 为截断结果，四舍五入应为 {expected}',
      'en-US': '{rate} {actual} is truncated; rounded it is {expected}',
    },
    decimals: {
      'zh-CN': '{rate} {actual} 按其他小数位舍入，按单元格显示位数应为 {expected}',
      'en-US': '{rate} {actual} is rounded to other decimals; at the decimals shown it is {expected}',
    },
    intermediate: {
      'zh-CN': '{rate} {actual} 由先舍入的中间值算出，直接计算应为 {expected}',
      'en-US': '{rate} {actual} was computed from rounded parts; computed directly it is {expected}',
    },
  },
  check({ analysis, profile }) {
    return analysis.rates.flatMap(({ rate, verdict }) =>
      verdict.status === 'rounding' ? [rateReport(verdict.how, rate, verdict, profile)] : [],
    );
  },
});
