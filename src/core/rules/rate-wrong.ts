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
      'zh-CN': '{rate}填的是文本“{actual}”，应为数字 {expected}（{working}，{rounded}）',
      'en-US': '{rate} holds the text "{actual}"; it should be the number {expected} ({working}, {rounded})',
    },
    wrong: {
      'zh-CN': '{rate}应为 {expected}（{working}，{rounded}），表中为 {actual}',
      'en-US': '{rate} should be {expected} ({working}, {rounded}); the cell shows {actual}',
    },
  },
  check(context) {
    return context.analysis.rates.flatMap(({ rate, verdict }): Array<RuleReport<'text' | 'wrong'>> => {
      if (verdict.status === 'wrong') return [rateReport('wrong', rate, verdict, context)];
      return verdict.status === 'not-a-number' ? [rateReport('text', rate, verdict, context)] : [];
    });
  },
});
