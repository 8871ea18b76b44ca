import { statedGrades, statedTotal } from '../model/stated';
import { gradeFix } from '../fix/proposals';
import { gradeFor, gradeNamed } from '../grades';
import { defineRule } from './rule';
import { shownAt } from './working';

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
      'zh-CN': '等级“{actual}”与总分 {total} 应得的“{expected}”不符',
      'en-US': 'Grade "{actual}" differs from "{expected}", which the total {total} earns',
    },
    unknown: {
      'zh-CN': '等级“{actual}”不是已配置的等级（总分 {total} 应为“{expected}”）',
      'en-US': 'Grade "{actual}" is not a configured grade (the total {total} earns "{expected}")',
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
          data: { actual: grade.text, expected, total: shownAt(snapshot, total) },
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
