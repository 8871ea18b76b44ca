import { rateReport } from './reports';
import { defineRule, type RuleReport } from './rule';

export const rateWrong = defineRule({
  code: 'rate/wrong',
  severity: 'error',
  name: { 'zh-CN': '比率有误', 'en-US': 'Wrong rate' },
  description: {
    'zh-CN': '比率（得分率、执行率、到位率、准确率、满意度等）与其计算依据不符',
    'en-US': 'A rate (score rate, execution, arrival, accuracy, satisfaction …) differs from its inputs',
  },
  messages: {
    text: {
      'zh-CN': '{rate}单元格填的是文本“{actual}”，按计算依据应为 {expected}',
      'en-US': '{rate} holds the text "{actual}"; computed from its inputs it is {expected}',
    },
    wrong: {
      'zh-CN': '{rate} {actual} 与计算结果 {expected} 不符',
      'en-US': '{rate} {actual} differs from the computed {expected}',
    },
  },
  check({ analysis, profile }) {
    return analysis.rates.flatMap(({ rate, verdict }): Array<RuleReport<'text' | 'wrong'>> => {
      if (verdict.status === 'wrong') return [rateReport('wrong', rate, verdict, profile)];
      return verdict.status === 'not-a-number' ? [rateReport('text', rate, verdict, profile)] : [];
    });
  },
});
