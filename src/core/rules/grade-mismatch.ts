import { statedGrades, statedTotal } from '../model/stated';
import { gradeFix } from '../fix/proposals';
import { gradeFor, gradeNamed } from '../grades';
import { defineRule } from './rule';
import { gradeBand, shownAt } from './working';

export const gradeMismatch = defineRule({
  code: 'grade/mismatch',
  severity: 'error',
  name: { 'zh-CN': '等级不符', 'en-US': 'Grade mismatch' },
  description: {
    'zh-CN': '评价等级与总分应得的等级不符（等级标准见配置）',
    'en-US': 'The grade differs from the one the total earns (thresholds from the profile)',
  },
  messages: {
    mismatch: {
      'zh-CN': '评价等级填的是“{actual}”，总分 {total} 应评为“{expected}”{band}',
      'en-US': 'The grade reads "{actual}"; the total {total} earns "{expected}"{band}',
    },
    unknown: {
      'zh-CN': '评价等级“{actual}”不是已配置的等级；总分 {total} 应评为“{expected}”{band}',
      'en-US': 'Grade "{actual}" is not a configured grade; the total {total} earns "{expected}"{band}',
    },
  },
  check({ model, profile, snapshot }) {
    const total = statedTotal(model);
    if (!total) return [];
    const expected = gradeFor(total.value, profile);
    return statedGrades(model).flatMap((grade) => {
      const named = gradeNamed(grade.text, profile);
      if (named === expected) return [];
      return [
        {
          messageId: named ? 'mismatch' : 'unknown',
          data: { actual: grade.text, expected, total: shownAt(snapshot, total), band: gradeBand(expected, profile) },
          sheet: grade.sheet,
          cell: grade.cell,
          expected,
          actual: grade.text,
          related: [{ sheet: total.sheet, cell: total.cell }],
          fix: gradeFix(grade, 'correct', total, profile),
        },
      ];
    });
  },
});
