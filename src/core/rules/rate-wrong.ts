import { rateReport } from './reports';
import type { Rule } from './rule';

export const rateWrong: Rule = {
  code: 'rate/wrong',
  severity: 'error',
  description: {
    'zh-CN': '比率（得分率、执行率、到位率、准确率、满意度等）与其计算依据不符',
    'en-US': 'A rate (score rate, execution, arrival, accuracy, satisfaction …) differs from its inputs',
  },
  messages: {
    wrong: {
      'zh-CN': '{rate} {actual} 与计算结果 {expected} 不符',
      'en-US': '{rate} {actual} differs from the computed {expected}',
    },
  },
  check({ analysis }) {
    return analysis.rates.flatMap(({ rate, verdict }) =>
      verdict.status === 'wrong' ? [rateReport('wrong', rate, verdict)] : [],
    );
  },
};
