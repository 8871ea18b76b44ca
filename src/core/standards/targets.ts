/**
 * The 项目支出绩效自评表 side: 年度指标值 (targets) and 实际完成值 (actuals) typed as text, and the score the
 * self-evaluation rules give for them. Texts are matched, never evaluated.
 */
import { normalizeLabel } from '../text';
import { withoutNoise } from '../numbers';
import { clampToWeight } from './score-by-standard';

export type TargetComparison = 'at-least' | 'at-most' | 'equal';

/** `percent`: the value is in percent units (≥98% → 98). A bare number (9个, 100%) is a floor: at-least. */
export type Target =
  | { kind: TargetComparison; value: number; unit?: string; percent: boolean }
  | { kind: 'qualitative'; text: string };

export type Achievement = 'achieved' | 'partly-achieved' | 'not-achieved';

export type Actual =
  | {
      kind: 'quantity';
      value: number;
      unit?: string;
      percent: boolean;
      /** Only a floor is known (超过385人, 385人以上, 300余人). */
      lowerBound?: boolean;
      /** Only a ceiling is known (不足90%, 5%以下). */
      upperBound?: boolean;
      /** The bound excludes the value itself (超过, 不足), unlike 以上 / 以下. */
      strict?: boolean;
    }
  | { kind: 'achievement'; level: Achievement }
  | { kind: 'qualitative'; text: string };

/** Shares of the weight a qualitative verdict allows (*standard*: 100–80% / 80–60% / 60–0%; provinces vary). */
export type AchievementBands = Record<Achievement, { min: number; max: number }>;

export const DEFAULT_ACHIEVEMENT_BANDS: AchievementBands = {
  achieved: { min: 0.8, max: 1 },
  'partly-achieved': { min: 0.6, max: 0.8 },
  'not-achieved': { min: 0, max: 0.6 },
};

/** Share of the weight a 反向 (≤) indicator keeps when the actual exceeds the target. */
export type OverTargetShare = (target: number, actual: number) => number;

/**
 * The rules say only "reduced" for a 反向 indicator over its ceiling; target / actual mirrors the 正向
 * actual / target rule. Pass another rule where a province prescribes one.
 */
export const targetOverActual: OverTargetShare = (target, actual) => target / actual;

export interface SelfEvaluationScore {
  /** The exact score when the inputs fix it. */
  expected?: number;
  /** The range a score must lie in when only that is known (qualitative verdicts, actuals given as bounds). */
  bandMin?: number;
  bandMax?: number;
  met: boolean | undefined;
  reason: 'met' | 'short' | 'over' | 'qualitative' | 'unknown';
}

interface Comparative {
  relation?: TargetComparison;
  strict: boolean;
  value: number;
  unit?: string;
  percent: boolean;
}

type Relation = { relation?: TargetComparison; strict: boolean };

function tagged(words: readonly string[], relation: Relation): Array<[string, Relation]> {
  return words.map((word) => [word, relation]);
}

/** Words before the number, longest first (>= before >). 达到 / 为 / 控制在 state no direction of their own. */
const PREFIXES: ReadonlyArray<[string, Relation]> = [
  ...tagged(['>=', '≥', '≧', '不低于', '不少于', '不小于', '大于等于', '大于或等于', '至少'], {
    relation: 'at-least',
    strict: false,
  }),
  ...tagged(['>', '大于', '高于', '超过', '多于'], { relation: 'at-least', strict: true }),
  ...tagged(['<=', '≤', '≦', '不高于', '不超过', '不大于', '不多于', '小于等于', '小于或等于', '至多', '最多'], {
    relation: 'at-most',
    strict: false,
  }),
  ...tagged(['<', '小于', '低于', '少于', '不足', '不到'], { relation: 'at-most', strict: true }),
  ...tagged(['=', '等于'], { relation: 'equal', strict: false }),
  ...tagged(['达到', '为', '控制在'], { strict: false }),
].sort(([a], [b]) => b.length - a.length);

const SUFFIXES: ReadonlyArray<[string, Relation]> = [
  ['及以上', { relation: 'at-least', strict: false }],
  ['以上', { relation: 'at-least', strict: false }],
  ['及以下', { relation: 'at-most', strict: false }],
  ['以下', { relation: 'at-most', strict: false }],
  ['以内', { relation: 'at-most', strict: false }],
  ['之内', { relation: 'at-most', strict: false }],
  ['内', { relation: 'at-most', strict: false }],
];

const QUANTITY = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(余|多)?(?:(%)|([\p{Script=Han}A-Za-z/²³]{1,6}))?$/u;
/** Characters that make a trailing word a date or an approximation rather than a unit (12月底前, 3年左右). */
const NOT_A_UNIT = /[前后底末初约左右以间]/;

/** `≥ 7.00万元` → at-least 7 万元; `385余人` → at-least (strict) 385 人; undefined for anything else. */
function readComparative(text: string): Comparative | undefined {
  let rest = normalizeLabel(text);
  const prefix = PREFIXES.find(([word]) => rest.startsWith(word));
  if (prefix) rest = rest.slice(prefix[0].length);
  const suffix = SUFFIXES.find(([word]) => rest.endsWith(word));
  if (suffix) rest = rest.slice(0, -suffix[0].length);
  const match = QUANTITY.exec(rest);
  if (!match) return undefined;
  const [, integer = '', decimals = '', orMore, percentSign, unit] = match;
  if (unit !== undefined && NOT_A_UNIT.test(unit)) return undefined;
  const relations = [prefix?.[1], suffix?.[1], orMore ? { relation: 'at-least', strict: true } : undefined].filter(
    (relation): relation is Relation => relation?.relation !== undefined,
  );
  if (new Set(relations.map(({ relation }) => relation)).size > 1) return undefined;
  const value = Number(integer.replace(/,/g, '') + decimals);
  if (!Number.isFinite(value)) return undefined;
  const comparative: Comparative = {
    strict: relations.some(({ strict }) => strict),
    value,
    percent: percentSign !== undefined,
  };
  if (relations[0]?.relation) comparative.relation = relations[0].relation;
  if (unit) comparative.unit = unit;
  return comparative;
}

/**
 * `≥98%`, `≤300元`, `不低于95%`, `=100%`, `9个` (a bare number is a floor). `>98%` and `低于5%` are read as ≥ and ≤:
 * targets are typed loosely and a strict reading would fail an actual that equals the stated figure.
 */
export function parseTarget(text: string): Target {
  if (typeof text !== 'string') return { kind: 'qualitative', text: '' };
  const comparative = readComparative(text);
  if (!comparative) return { kind: 'qualitative', text: text.trim() };
  const target: Target = {
    kind: comparative.relation ?? 'at-least',
    value: comparative.value,
    percent: comparative.percent,
  };
  if (comparative.unit) target.unit = comparative.unit;
  return target;
}

// 部分 / 基本 before the plain verbs, so 部分达成 and 基本完成 are not read as 达成 / 完成.
const PARTLY_ACHIEVED = /(?:部分|基本|未全部|未能全部)(?:达成|完成|实现|达到|达标)/;
const NOT_ACHIEVED = /(?:未|没有|未能|无法)(?:达成|完成|实现|达到|达标)/;
const ACHIEVED = /达成|完成(?!率)|实现|达标|达到预期/;

/** `385人`, `超过385人`, `100%`; 达成 / 已完成 / 部分达成 / 未达成 anywhere in the text; anything else is qualitative. */
export function parseActual(text: string): Actual {
  if (typeof text !== 'string') return { kind: 'qualitative', text: '' };
  const comparative = readComparative(text);
  if (comparative) {
    const actual: Actual = { kind: 'quantity', value: comparative.value, percent: comparative.percent };
    if (comparative.unit) actual.unit = comparative.unit;
    if (comparative.relation === 'at-least') actual.lowerBound = true;
    if (comparative.relation === 'at-most') actual.upperBound = true;
    if ((actual.lowerBound || actual.upperBound) && comparative.strict) actual.strict = true;
    return actual;
  }
  const folded = normalizeLabel(text);
  if (PARTLY_ACHIEVED.test(folded)) return { kind: 'achievement', level: 'partly-achieved' };
  if (NOT_ACHIEVED.test(folded)) return { kind: 'achievement', level: 'not-achieved' };
  if (ACHIEVED.test(folded)) return { kind: 'achievement', level: 'achieved' };
  return { kind: 'qualitative', text: text.trim() };
}

const MAGNITUDES: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

/** 万元 → 元 × 10000, 万人次 → 人次 × 10000; other units as they are. */
function inBaseUnit(value: number, unit: string): { value: number; unit: string } {
  const factor = unit.length > 1 ? MAGNITUDES[unit.charAt(0)] : undefined;
  return factor ? { value: withoutNoise(value * factor), unit: unit.slice(1) } : { value, unit };
}

/**
 * Both figures in one unit, or undefined when they cannot be compared (人 vs 元, a percent vs a count).
 * A figure with no unit is taken to be in the other's unit: numbers are often typed bare into the form.
 */
function commonUnit(
  target: { value: number; unit?: string; percent: boolean },
  actual: { value: number; unit?: string; percent: boolean },
) {
  if (target.percent !== actual.percent) return undefined;
  if (target.unit === undefined || actual.unit === undefined) return { target: target.value, actual: actual.value };
  const targetBase = inBaseUnit(target.value, target.unit);
  const actualBase = inBaseUnit(actual.value, actual.unit);
  return targetBase.unit === actualBase.unit ? { target: targetBase.value, actual: actualBase.value } : undefined;
}

/**
 * Self-evaluation rules (*standard*, provinces vary): 正向 (≥) actual ≥ target → full, else actual / target × weight;
 * 反向 (≤) actual ≤ target → full, else `overTarget` × weight; = (equal) reduces on either side.
 * A qualitative verdict (达成 / 部分达成 / 未达成) gives a band, not a score.
 */
export function selfEvaluationScore(
  target: Target,
  actual: Actual,
  weight: number,
  bands: AchievementBands = DEFAULT_ACHIEVEMENT_BANDS,
  overTarget: OverTargetShare = targetOverActual,
): SelfEvaluationScore {
  if (!Number.isFinite(weight) || weight < 0) return { met: undefined, reason: 'unknown' };
  if (actual.kind === 'achievement') {
    const band = bands[actual.level];
    return {
      bandMin: clampToWeight(band.min * weight, weight),
      bandMax: clampToWeight(band.max * weight, weight),
      met: actual.level === 'achieved',
      reason: 'qualitative',
    };
  }
  if (target.kind === 'qualitative') return { met: undefined, reason: 'qualitative' };
  if (actual.kind !== 'quantity') return { met: undefined, reason: 'unknown' };
  const figures = commonUnit(target, actual);
  if (!figures) return { met: undefined, reason: 'unknown' };
  return scoreQuantity(target.kind, figures.target, actualRange(actual, figures.actual), weight, overTarget);
}

/** Where the actual may lie: one value, or a half-line when the text gives only a bound (quantities are ≥ 0). */
interface Range {
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
}

function actualRange(actual: Extract<Actual, { kind: 'quantity' }>, value: number): Range {
  const open = actual.strict === true;
  if (actual.lowerBound) return { low: value, high: Infinity, lowOpen: open, highOpen: true };
  if (actual.upperBound) return { low: 0, high: value, lowOpen: false, highOpen: open };
  return { low: value, high: value, lowOpen: false, highOpen: false };
}

function scoreQuantity(
  relation: TargetComparison,
  target: number,
  range: Range,
  weight: number,
  overTarget: OverTargetShare,
): SelfEvaluationScore {
  const shareAt = (actual: number): number => {
    if (actual < target && relation !== 'at-most') return target === 0 ? 0 : actual / target;
    if (actual > target && relation !== 'at-least') return overTarget(target, actual);
    return 1;
  };
  const below = range.high < target || (range.high === target && range.highOpen);
  const above = range.low > target || (range.low === target && range.lowOpen);
  const allMet =
    relation === 'at-least'
      ? range.low >= target
      : relation === 'at-most'
        ? range.high <= target
        : range.low === target && range.high === target;
  const noneMet = relation === 'at-least' ? below : relation === 'at-most' ? above : below || above;

  const endShares = [shareAt(range.low), shareAt(range.high)];
  const holdsTarget = !below && !above;
  const bandMin = clampToWeight(Math.min(...endShares) * weight, weight);
  const bandMax = clampToWeight((holdsTarget ? 1 : Math.max(...endShares)) * weight, weight);
  const score: SelfEvaluationScore = allMet
    ? { met: true, reason: 'met' }
    : noneMet
      ? { met: false, reason: below ? 'short' : 'over' }
      : { met: undefined, reason: 'unknown' };
  if (bandMin === bandMax) {
    score.expected = bandMin;
  } else {
    score.bandMin = bandMin;
    score.bandMax = bandMax;
  }
  return score;
}
