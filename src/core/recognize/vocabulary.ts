import { normalizeLabel, stripIndicatorSuffix } from '../text';
import type { Profile } from '../profile';

/**
 * Words evaluators use in headers and labels. Matching is on normalised text (full-width folded, spaces and
 * quotes gone) with any parenthesised unit removed: 得分率（%） → 得分率.
 */

export type HeaderRole =
  | 'level1'
  | 'level2'
  | 'level3'
  | 'name'
  | 'weight'
  | 'score'
  | 'rate'
  | 'content'
  | 'standard'
  | 'basis'
  | 'target'
  | 'actual'
  | 'deviation'
  | 'annualBudget'
  | 'fullYearBudget'
  | 'executed'
  | 'executionRate';

const HEADER_WORDS: Readonly<Record<HeaderRole, readonly string[]>> = {
  level1: ['一级指标', '一级', '一级评价指标'],
  level2: ['二级指标', '二级', '二级评价指标'],
  level3: ['三级指标', '三级', '三级评价指标'],
  name: ['指标', '评价指标', '指标名称', '项目', '评价维度', '指标类别'],
  weight: [
    '分值',
    '权重',
    '标准分',
    '指标分值',
    '标准分值',
    '分数',
    '满分',
    '指标权重',
    '权重分',
    '权重分值',
    '分值权重',
  ],
  score: [
    '得分',
    '评价得分',
    '综合评定得分',
    '自评得分',
    '实际得分',
    '评分',
    '最终得分',
    '复核得分',
    '核定得分',
    '评价分值',
    '综合评价得分',
  ],
  rate: ['得分率'],
  content: ['指标内容', '指标解释', '指标说明', '指标释义', '评价内容', '评价要点', '指标定义'],
  standard: [
    '评价标准',
    '评分标准',
    '评分细则',
    '评分办法',
    '评分方法',
    '评价标准及方法',
    '评分规则',
    '评价标准与方法',
  ],
  basis: ['评分依据', '扣分原因', '评价说明', '得分说明', '扣分说明', '评分说明', '评分理由', '扣分理由', '得分依据'],
  target: ['年度指标值', '年度目标值', '指标值', '目标值', '预期指标值', '年度目标', '中期指标值'],
  actual: ['实际完成值', '全年实际值', '实际值', '完成值', '实际完成情况'],
  deviation: ['偏差原因分析及改进措施', '偏差原因分析', '偏差原因', '偏差原因及改进措施'],
  annualBudget: ['年初预算数', '年初预算'],
  fullYearBudget: ['全年预算数', '全年预算', '调整后预算数'],
  executed: ['全年执行数', '全年执行', '实际执行数', '执行数'],
  executionRate: ['执行率', '预算执行率'],
};

const ROLE_BY_WORD = new Map<string, HeaderRole>();
for (const [role, words] of Object.entries(HEADER_WORDS) as Array<[HeaderRole, readonly string[]]>) {
  for (const word of words) ROLE_BY_WORD.set(word, role);
}

/** Removes parenthesised parts: units (%), (万元), (分) and notes. */
export function withoutParentheses(normalized: string): string {
  return normalized.replace(/\([^()]*\)/g, '').replace(/\[[^\]]*\]/g, '');
}

const LEVEL_PREFIX = /^(一级|二级|三级)(指标)?/;

export function headerRole(text: string): HeaderRole | undefined {
  const normalized = normalizeLabel(text);
  if (normalized.length === 0 || normalized.length > 24) return undefined;
  const word = withoutParentheses(normalized);
  const role = ROLE_BY_WORD.get(word);
  if (role || !LEVEL_PREFIX.test(word)) return role;
  // 一级分值, 二级指标权重: a value column of one level.
  const levelled = ROLE_BY_WORD.get(word.replace(LEVEL_PREFIX, ''));
  return levelled === 'weight' || levelled === 'score' || levelled === 'rate' ? levelled : undefined;
}

/** True when a header asks for values in percent units: 得分率（%）, 执行率(%). */
export function headerInPercentUnits(text: string): boolean {
  return /\(%\)|%$/.test(normalizeLabel(text));
}

/** The amount unit named in a header or title: （万元）, 单位：元, 金额(元). */
export function amountUnitIn(text: string): '元' | '万元' | undefined {
  const normalized = normalizeLabel(text);
  if (/万元/.test(normalized)) return '万元';
  if (/\(元\)|单位:元|^元$|金额元/.test(normalized)) return '元';
  return undefined;
}

const TOTAL_LABELS = new Set([
  '合计',
  '总计',
  '总分',
  '合计得分',
  '总得分',
  '得分合计',
  '总体得分',
  '综合得分',
  '总分值',
  '合计分值',
  '总体评分',
  '综合评分',
  '总计得分',
]);

export function isTotalLabel(text: string): boolean {
  return TOTAL_LABELS.has(withoutParentheses(normalizeLabel(text)));
}

export function isSubtotalLabel(text: string): boolean {
  const normalized = withoutParentheses(normalizeLabel(text));
  return normalized === '小计' || normalized.endsWith('小计');
}

/** Canonical key of an indicator name for matching across tables: normalised, 指标 suffix off, aliases folded. */
export function indicatorKey(name: string, profile: Profile): string {
  const base = stripIndicatorSuffix(withoutParentheses(normalizeLabel(name)));
  return level1Canonical(base, profile) ?? base;
}

/** The canonical level-1 name for a name or alias, or undefined. */
export function level1Canonical(name: string, profile: Profile): string | undefined {
  const base = stripIndicatorSuffix(withoutParentheses(normalizeLabel(name)));
  for (const [canonical, aliases] of Object.entries(profile.level1Aliases)) {
    if (base === canonical || aliases.some((alias) => stripIndicatorSuffix(normalizeLabel(alias)) === base))
      return canonical;
  }
  return undefined;
}

/** Answer options of satisfaction and awareness surveys. */
export function surveyOptionKey(text: string, profile: Profile): string | undefined {
  const normalized = withoutParentheses(normalizeLabel(text)).replace(/(人数|份数|票数|人次)$/, '');
  return normalized in profile.satisfactionOptionValues ? normalized : undefined;
}
