/**
 * Reads a 评价标准 (scoring standard) cell into a rule the score can be recomputed from. Only the forms seen in
 * real score tables are recognised; anything else is `unknown`, so a caller never checks a score against a guess.
 * The text is matched with regular expressions and never evaluated.
 */
import { normalizeLabel } from '../text';

/** What a rate-based standard measures; decides which input carries the measured fraction. */
export type StandardRateKind = 'budget-execution' | 'satisfaction' | 'completion' | 'accuracy' | 'other';

/** A tier awards either a share of the weight (得分值的90% → 0.9) or points (得8分). */
export type TierAward = { share: number; points?: undefined } | { points: number; share?: undefined };

/** Bounds are fractions (90% → 0.9). A tier without `max` is open upwards. */
export type Tier = { min: number; max?: number; minInclusive: boolean; maxInclusive: boolean } & TierAward;

/** One checkpoint of a spending plan, e.g. 6月底50% → { label: '6月底', percent: 50 }. */
export interface PlanCheckpoint {
  label: string;
  percent: number;
}

export type ScoringStandard =
  /** 得分=预算执行率×分值, 满意度调查得分*本项分值, 按满意度得分率计算得分. */
  | { kind: 'rate-times-weight'; rate: StandardRateKind; rateName: string }
  /** 完成率100%的得满分；90%（含）—100%的得分值的90%；…；低于70%的不得分. */
  | { kind: 'tiered'; rate: StandardRateKind; tiers: Tier[] }
  /** 超出项目预算金额1%，扣分值的20% (deductShare 0.2) or 每超支1%扣0.5分 (deductPoints 0.5); stepPercent in percent units. */
  | { kind: 'overrun'; stepPercent: number; deductShare?: number; deductPoints?: number }
  /** 每少拨付25%扣1分, optionally with the plan it is measured against; stepPercent in percent units. */
  | { kind: 'shortfall-steps'; stepPercent: number; deductPoints: number; plan?: PlanCheckpoint[] }
  /**
   * Rule lists that need judgement (有一项不符合扣1分, …得1分；…得2分): only bounds can be checked.
   * `partPoints` lists the 得X分 parts so a caller can compare their sum with the weight.
   */
  | { kind: 'deductions'; perItem?: number; partPoints?: number[] }
  | { kind: 'unknown' };

const DECIMAL = String.raw`\d+(?:\.\d+)?`;
const NUMBER = `(${DECIMAL})`;
const PERCENT = `${NUMBER}%`;
const WEIGHT_WORD = '(?:该项|本项|该指标|本指标|指标)?(?:总分|分值|权重|标准分|满分)';
/** Forms of the multiplication sign: ×, *, x between Chinese words, middle dots, 乘以. */
const TIMES = /[*·・•✕⋅]|乘以|(?<=[\p{Script=Han})])[xX](?=[\p{Script=Han}(])/gu;

export function parseStandard(text: string): ScoringStandard {
  if (typeof text !== 'string') return { kind: 'unknown' };
  const normalized = normalizeLabel(text);
  // Most specific first: overrun and shortfall texts also carry 得X分 and would otherwise read as rule lists.
  return (
    parseOverrun(normalized) ??
    parseShortfall(normalized) ??
    parseRateTimesWeight(normalized) ??
    parseTiered(normalized) ??
    parseDeductions(normalized) ?? { kind: 'unknown' }
  );
}

export function rateKindOf(name: string): StandardRateKind {
  if (/执行率|预算执行/.test(name)) return 'budget-execution';
  if (/满意/.test(name)) return 'satisfaction';
  if (/完成/.test(name)) return 'completion';
  if (/准确/.test(name)) return 'accuracy';
  return 'other';
}

function clauses(text: string): string[] {
  // NFKC has folded ，；： to ,;:
  return text.split(/[,;。]/).filter((clause) => clause.length > 0);
}

const OVERRUN = new RegExp(
  `(?:超出|超过|超支)[^%,;。]{0,12}?${PERCENT},?(?:扣除?|减)(?:${WEIGHT_WORD}的${PERCENT}|${NUMBER}分)`,
);

function parseOverrun(text: string): ScoringStandard | undefined {
  // 超过 alone also reads satisfaction tiers (满意度超过90%…): require a budget word.
  if (!/预算|超支|成本|支出/.test(text)) return undefined;
  const match = OVERRUN.exec(text);
  if (!match) return undefined;
  const stepPercent = Number(match[1]);
  if (!(stepPercent > 0)) return undefined;
  if (match[2] !== undefined) return { kind: 'overrun', stepPercent, deductShare: Number(match[2]) / 100 };
  return { kind: 'overrun', stepPercent, deductPoints: Number(match[3]) };
}

const SHORTFALL = new RegExp(`每(?:少|低|减少|降低|差)\\p{Script=Han}{0,6}?${PERCENT},?扣除?${NUMBER}分`, 'u');
const PLAN_CHECKPOINT = new RegExp(
  `(\\d{1,2}月(?:底|末|份)?|第?[一二三四1-4]季度(?:末|底)?|上半年|年中|年底|年末)前?(?:完成|达到|拨付|支出|支付)?${PERCENT}`,
  'g',
);

function parseShortfall(text: string): ScoringStandard | undefined {
  const match = SHORTFALL.exec(text);
  if (!match) return undefined;
  const stepPercent = Number(match[1]);
  if (!(stepPercent > 0)) return undefined;
  const standard: ScoringStandard = { kind: 'shortfall-steps', stepPercent, deductPoints: Number(match[2]) };
  const plan = [...text.matchAll(PLAN_CHECKPOINT)].map((checkpoint) => ({
    label: checkpoint[1] ?? '',
    percent: Number(checkpoint[2]),
  }));
  if (plan.length > 0) standard.plan = plan;
  return standard;
}

const RATE_TIMES_WEIGHT = new RegExp(`^(?:按照?|以)?(.+?)×${WEIGHT_WORD}(?:计算|计分)?(?:得分)?$`);
const WEIGHT_TIMES_RATE = new RegExp(`^(?:按照?|以)?${WEIGHT_WORD}×(.+?)(?:计算|计分)?$`);
const BY_RATE = /^(?:按照?|以)(.+?(?:率|满意度|得分))(?:计算|计分|折算)(?:得分|分值)?$/;

function parseRateTimesWeight(text: string): ScoringStandard | undefined {
  // Only when the product is the whole rule: with tiers or deductions beside it the text is something else.
  if (/得满分|得\d|不得分|扣/.test(text)) return undefined;
  for (const clause of clauses(text.replace(TIMES, '×'))) {
    // The right-hand side of 指标分值=预算执行率*总分.
    const rhs = clause.slice(Math.max(clause.lastIndexOf('='), clause.lastIndexOf(':')) + 1);
    const match = RATE_TIMES_WEIGHT.exec(rhs) ?? WEIGHT_TIMES_RATE.exec(rhs) ?? BY_RATE.exec(rhs);
    const rateName = match?.[1]?.replace(/^\(|\)$/g, '');
    if (rateName && /率|满意度|得分/.test(rateName) && !/\d/.test(rateName)) {
      return { kind: 'rate-times-weight', rate: rateKindOf(rateName), rateName };
    }
  }
  return undefined;
}

interface Bound {
  value: number;
  /** undefined when the text does not say; settled by `settleBounds`. */
  inclusive?: boolean;
}
/** Percent units as written; a condition with no floor (低于70%) starts at 0. */
interface Condition {
  min: Bound;
  max?: Bound;
}

const INCLUSION_MARK = String.raw`(?:\((不含|含)\))?`;
const RANGE = new RegExp(`${NUMBER}%?${INCLUSION_MARK}(?:至|到|-|—|–|~)${PERCENT}${INCLUSION_MARK}`);
const BETWEEN = new RegExp(`${PERCENT}(<=|≤|≦|<)\\D{0,8}?(<=|≤|≦|<)${PERCENT}`);
const NOT = '(?<!不|未)';
const AT_LEAST = new RegExp(
  `(?:(>=|≥|≧|不低于|不少于|不小于|大于等于|${NOT}达到|${NOT}高于|${NOT}超过|${NOT}大于|>)${PERCENT}|${PERCENT}${INCLUSION_MARK}(?:及以上|以上))`,
);
const AT_MOST = new RegExp(
  `(?:(<=|≤|≦|不高于|不超过|不大于|小于等于|${NOT}低于|${NOT}小于|不足|不到|未达到|<)${PERCENT}|${PERCENT}${INCLUSION_MARK}(?:及以下|以下))`,
);
const EXACT = new RegExp(PERCENT);
const STRICT_WORDS = new Set(['高于', '超过', '大于', '>', '低于', '小于', '不足', '不到', '未达到', '<']);
const INCLUSIVE_WORDS = new Set([
  '>=',
  '≥',
  '≧',
  '不低于',
  '不少于',
  '不小于',
  '大于等于',
  '达到',
  '<=',
  '≤',
  '≦',
  '不高于',
  '不超过',
  '不大于',
  '小于等于',
]);

function inclusionOf(mark: string | undefined): boolean | undefined {
  if (mark === '含') return true;
  if (mark === '不含') return false;
  return undefined;
}

function comparisonInclusion(word: string | undefined, mark: string | undefined): boolean | undefined {
  if (word !== undefined && STRICT_WORDS.has(word)) return false;
  if (word !== undefined && INCLUSIVE_WORDS.has(word)) return true;
  return inclusionOf(mark);
}

function parseCondition(text: string): Condition | undefined {
  let match = RANGE.exec(text);
  if (match) {
    return {
      min: { value: Number(match[1]), inclusive: inclusionOf(match[2]) },
      max: { value: Number(match[3]), inclusive: inclusionOf(match[4]) },
    };
  }
  match = BETWEEN.exec(text);
  if (match) {
    return {
      min: { value: Number(match[1]), inclusive: match[2] !== '<' },
      max: { value: Number(match[4]), inclusive: match[3] !== '<' },
    };
  }
  const atLeast = AT_LEAST.exec(text);
  // A floor may be followed by a ceiling: 高于80%且不足90%.
  const atMost = AT_MOST.exec(atLeast ? text.slice(atLeast.index + atLeast[0].length) : text);
  if (atLeast || atMost) {
    return {
      min: atLeast
        ? { value: Number(atLeast[2] ?? atLeast[3]), inclusive: comparisonInclusion(atLeast[1], atLeast[4]) }
        : { value: 0, inclusive: true },
      ...(atMost && {
        max: { value: Number(atMost[2] ?? atMost[3]), inclusive: comparisonInclusion(atMost[1], atMost[4]) },
      }),
    };
  }
  match = EXACT.exec(text);
  if (match) {
    const value = Number(match[1]);
    return { min: { value, inclusive: true }, max: { value, inclusive: true } };
  }
  return undefined;
}

const AWARD = new RegExp(
  [
    String.raw`(?<zero>不得分|不计分|[得计]0分)`,
    String.raw`(?<full>得(?:该项|本项|该指标|本指标)?(?:产出|指标)?(?:分值的|权重的)?(?:满分|全分|全部分值))`,
    `(?:得|按)(?:该项|本项|该指标|本指标)?(?:产出|指标)?(?:分值|权重|满分|标准分|总分)的(?<share>${DECIMAL})%(?:计分|计算|得分)?`,
    `按(?<plainShare>${DECIMAL})%(?:计分|计算|得分)`,
    `得(?<points>${DECIMAL})分`,
  ].join('|'),
);

function findAward(segment: string): { index: number; award: TierAward } | undefined {
  const match = AWARD.exec(segment);
  const groups = match?.groups;
  if (!match || !groups) return undefined;
  if (groups.zero !== undefined) return { index: match.index, award: { share: 0 } };
  if (groups.full !== undefined) return { index: match.index, award: { share: 1 } };
  const share = groups.share ?? groups.plainShare;
  if (share !== undefined) return { index: match.index, award: { share: Number(share) / 100 } };
  return { index: match.index, award: { points: Number(groups.points) } };
}

/**
 * Pairs each percent condition with the award that follows it, in the same clause (完成率100%得满分) or the next
 * (完成率为100%的，得满分). Awards with no condition before them (a preamble) are skipped; a condition left without an
 * award, or fewer than two tiers, means the text is not a tier table.
 */
function parseTiered(text: string): ScoringStandard | undefined {
  const tiers: Array<Condition & { award: TierAward }> = [];
  let pending: Condition | undefined;
  for (const segment of clauses(text)) {
    const found = findAward(segment);
    const condition = parseCondition(found ? segment.slice(0, found.index) : segment);
    if (!found) {
      if (condition && pending) return undefined;
      pending = condition ?? pending;
      continue;
    }
    const awarded = condition ?? pending;
    pending = undefined;
    if (awarded) tiers.push({ ...awarded, award: found.award });
  }
  if (pending || tiers.length < 2) return undefined;
  return { kind: 'tiered', rate: rateKindOf(text), tiers: settleBounds(tiers) };
}

/**
 * Bounds the text leaves open (90%至100%, 70%以下) are settled so that a boundary shared by two tiers belongs to
 * the higher one: [90%,100%) when another tier starts at 100%, as 003 reads (100% → full, 90%–100% → 90%).
 * An unshared bound stays inclusive.
 */
function settleBounds(conditions: Array<Condition & { award: TierAward }>): Tier[] {
  const claimsAsMin = (value: number) =>
    conditions.some((other) => other.min.value === value && other.min.inclusive !== false);
  const claimsAsMax = (value: number) =>
    conditions.some((other) => other.max?.value === value && other.max.inclusive === true);
  return conditions.map(({ min, max, award }) => {
    const tier: Tier = {
      min: min.value / 100,
      minInclusive: min.inclusive ?? !claimsAsMax(min.value),
      maxInclusive: max ? (max.inclusive ?? !claimsAsMin(max.value)) : false,
      ...award,
    };
    if (max) tier.max = max.value / 100;
    return tier;
  });
}

const PER_ITEM = new RegExp(`[一每](?:项|处|个|次|条)[^,;。]{0,12}?扣除?${NUMBER}分`);
const PART_POINTS = new RegExp(`得${NUMBER}分`, 'g');

function parseDeductions(text: string): ScoringStandard | undefined {
  if (!/扣|得\d|得满分|不得分|酌情/.test(text)) return undefined;
  const standard: ScoringStandard = { kind: 'deductions' };
  const perItem = PER_ITEM.exec(text);
  if (perItem) standard.perItem = Number(perItem[1]);
  const partPoints = [...text.matchAll(PART_POINTS)].map((part) => Number(part[1]));
  if (partPoints.length > 0) standard.partPoints = partPoints;
  return standard;
}
