import type { Result } from './result';
import { z } from 'zod';
import { FindingCodeSchema, type Lang } from './finding';
import { coreText } from './i18n';

/** How the profile sets a rule: off, or the severity its findings carry. */
export const RuleSettingSchema = z.enum(['off', 'info', 'warn', 'error']);
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

/**
 * The profile: everything a reviewer may change. Defaults come from DOMAIN.md (standard practice, or marked
 * there as believed, which is why they are configurable rather than wired in).
 */
const GradeSchema = z.object({ grade: z.string().min(1), min: z.number(), aliases: z.array(z.string()).default([]) });

export const ProfileSchema = z
  .object({
    /** Grades from the highest down, each earned from `min` (inclusive) up to the next grade's `min`. */
    grades: z
      .array(GradeSchema)
      .min(1)
      .default([
        { grade: '优', min: 90, aliases: ['优秀'] },
        { grade: '良', min: 80, aliases: ['良好'] },
        { grade: '中', min: 60, aliases: ['中等', '合格', '一般'] },
        { grade: '差', min: 0, aliases: ['较差', '不合格'] },
      ])
      .refine((grades) => grades.every((g, i) => i === 0 || (grades[i - 1] as { min: number }).min > g.min), {
        message: 'grades must be listed from the highest min down',
      }),
    /** The declared total of the level-1 weights when a table states none. */
    totalWeight: z.number().positive().default(100),
    /** Decimals a rate is shown with when its cell does not say (0.00% → 2). */
    rateDecimals: z.number().int().min(0).max(10).default(2),
    /** Decimals a score is compared at when its cell does not say. */
    scoreDecimals: z.number().int().min(0).max(10).default(2),
    /** Options counted as satisfied when a survey has no row of option values (满意率 = satisfied / responses). */
    satisfiedOptions: z
      .array(z.string())
      .default(['非常满意', '很满意', '满意', '比较满意', '较满意', '非常了解', '比较了解', '了解']),
    /** Advisory weights of a self-evaluation form (财预〔2020〕10号: 预算执行率 10, 产出 50, 效益 30, 满意度 10). */
    selfEvaluationWeights: z.record(z.string(), z.number()).default({ 预算执行率: 10, 产出: 50, 效益: 30, 满意度: 10 }),
    /** Advisory floor of 产出 + 效益 weights in third-party evaluations, as a share of the total. */
    minOutputBenefitShare: z.number().min(0).max(1).default(0.6),
    /** Denominator of the self-evaluation 执行率: 全年预算数 (national form) or 年初预算数. */
    executionRateDenominator: z.enum(['fullYearBudget', 'annualBudget']).default('fullYearBudget'),
    /** Severity per rule code, as ESLint's configuration sets it: "off", "info", "warn" or "error". */
    rules: z.partialRecord(FindingCodeSchema, RuleSettingSchema).default({}),
    /** Rule codes switched off, e.g. ["weight/policy"] (the older form of `rules: { code: "off" }`). */
    rulesOff: z.array(z.string()).default([]),
    /** Level-1 canonical names and the other names evaluators give them (seed 003: “工作活动”设置 → 决策). */
    level1Aliases: z.record(z.string(), z.array(z.string())).default({
      决策: ['项目决策', '工作活动设置', '活动设置', '立项决策'],
      过程: ['项目过程', '管理', '工作活动管理', '项目管理', '过程管理'],
      产出: ['项目产出', '工作活动产出'],
      效益: ['项目效益', '效果', '工作活动效果', '工作活动效益', '项目效果'],
      满意度: ['满意度', '服务对象满意度'],
      预算执行率: ['预算执行率', '资金执行率'],
    }),
    /**
     * More names for the quantities of the vocabulary (src/core/facts/vocabulary.ts), by quantity key:
     * { "实际支出资金": ["累计支付资金"] }.
     */
    quantityNames: z.record(z.string(), z.array(z.string().min(1))).default({}),
    /** Satisfaction option values, as fractions (seed 003: 非常满意 100%, 满意 90%, 一般 80%, 不满意 0). */
    satisfactionOptionValues: z.record(z.string(), z.number().min(0).max(1)).default({
      非常满意: 1,
      很满意: 1,
      满意: 0.9,
      比较满意: 0.9,
      较满意: 0.9,
      基本满意: 0.8,
      一般: 0.8,
      不满意: 0,
      非常不满意: 0,
      很不满意: 0,
      非常了解: 1,
      比较了解: 0.5,
      一般了解: 0.5,
      了解: 0.5,
      不了解: 0,
      不太了解: 0,
      完全不了解: 0,
    }),
  })
  .strict();

export type Profile = z.infer<typeof ProfileSchema>;

export const DEFAULT_PROFILE: Profile = ProfileSchema.parse({});

/** A profile, or the first problem with it as one sentence naming the field. */
export type ProfileResult = Result<{ profile: Profile }, string>;

function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return (
    path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('') ||
    '(root)'
  );
}

/** The first problem of a profile, naming the field, in the user's language. */
function describeIssue(issue: z.core.$ZodIssue, lang: Lang): string {
  const field = fieldPath(issue.path);
  const t = coreText(lang).profile;
  switch (issue.code) {
    case 'invalid_type':
      return t.wrongType(field, issue.expected);
    case 'unrecognized_keys':
      return t.unknownFields(issue.keys.map((k) => (field === '(root)' ? k : `${field}.${k}`)));
    case 'too_small':
      return t.tooSmall(field, String(issue.minimum));
    case 'too_big':
      return t.tooBig(field, String(issue.maximum));
    default:
      return t.invalid(field, issue.message);
  }
}

/** Reads a profile from JSON text. Never throws: a bad profile comes back with a message naming the wrong field. */
export function parseProfile(text: string, lang: Lang = 'zh-CN'): ProfileResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: coreText(lang).profile.notJson(detail) };
  }
  const result = ProfileSchema.safeParse(data);
  if (result.success) return { ok: true, profile: result.data };
  const [issue] = result.error.issues;
  return { ok: false, error: issue ? describeIssue(issue, lang) : coreText(lang).profile.invalidProfile };
}
