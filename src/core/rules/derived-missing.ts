import { keyValueEntries, statedTotal } from '../model/stated';
import { gradeFix } from '../fix/proposals';
import { gradeFor } from '../grades';
import { rateReport } from './reports';
import { gradeBand, shownAt } from './working';
import { defineRule, type RuleReport } from './rule';

export const derivedMissing = defineRule({
  code: 'derived/missing',
  severity: 'info',
  name: { 'zh-CN': '可自动填写', 'en-US': 'Can be filled' },
  description: {
    'zh-CN': '空白单元格的值可由其他单元格算出（可自动填写公式）',
    'en-US': 'An empty cell whose value can be derived from other cells (it can be filled with a formula)',
  },
  messages: {
    rate: {
      'zh-CN': '{rate}未填写，按 {working} 可算得 {expected}',
      'en-US': '{rate} is empty; {working} gives {expected}',
    },
    grade: {
      'zh-CN': '评价等级未填写，总分 {total} 应评为“{expected}”{band}',
      'en-US': 'The grade is empty; the total {total} earns "{expected}"{band}',
    },
  },
  check({ analysis, model, profile, snapshot }) {
    const reports = analysis.rates.flatMap(
      ({ rate, verdict }): Array<RuleReport<'rate' | 'grade'>> =>
        verdict.status === 'blank' ? [rateReport('rate', rate, verdict, { profile, snapshot, analysis })] : [],
    );
    const total = statedTotal(model);
    for (const entry of keyValueEntries(model)) {
      if (entry.key !== '评价等级' || entry.text || !entry.value || entry.value.value !== null || !total) continue;
      const expected = gradeFor(total.value, profile);
      reports.push({
        messageId: 'grade',
        data: { total: shownAt(snapshot, total), expected, band: gradeBand(expected, profile) },
        sheet: entry.value.sheet,
        cell: entry.value.cell,
        expected,
        actual: null,
        related: [{ sheet: total.sheet, cell: total.cell }],
        fix: gradeFix(entry.value, 'fill', total, profile),
      });
    }
    return reports;
  },
});
