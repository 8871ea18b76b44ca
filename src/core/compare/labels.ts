import type { Lang, Localized } from '../finding';
import { formatNumber } from '../numbers';
import type { ComparedValue, Difference, DifferenceKind } from './schema';

/** What differs, in both languages (the command line and the task pane show the same words). */
export const DIFFERENCE_KIND_TEXT: Readonly<Record<DifferenceKind, Localized>> = {
  name: { 'zh-CN': '名称', 'en-US': 'name' },
  weight: { 'zh-CN': '分值', 'en-US': 'weight' },
  score: { 'zh-CN': '得分', 'en-US': 'score' },
  'only-self': { 'zh-CN': '仅自评表有', 'en-US': 'only in the self-evaluation' },
  'only-review': { 'zh-CN': '仅复核表有', 'en-US': 'only in the review' },
  grade: { 'zh-CN': '等级', 'en-US': 'grade' },
};

const TOTAL_TEXT: Localized = { 'zh-CN': '总分', 'en-US': 'total' };
const GRADE_TEXT: Localized = { 'zh-CN': '等级', 'en-US': 'grade' };
const COMPUTED_TEXT: Localized = { 'zh-CN': '（计算）', 'en-US': ' (computed)' };

/** The item a difference is about: the indicator's path, or 总分 / 等级. */
export function differenceSubject(difference: Difference, lang: Lang): string {
  if (difference.item === 'total') return TOTAL_TEXT[lang];
  if (difference.item === 'grade') return GRADE_TEXT[lang];
  return difference.path.join(' / ');
}

/** A side's value as text: numbers without binary noise, text as written, `none` for a blank or a missing side. */
export function comparedValueText(value: ComparedValue | null, none: string): string {
  if (!value || value.value === null) return none;
  return typeof value.value === 'number' ? formatNumber(value.value) : value.value;
}

/** Where a side's value is: `sheet!cell`, marked when no cell states the value (a subtotal computed from its children). */
export function comparedCellText(value: ComparedValue | null, lang: Lang, none: string): string {
  if (!value) return none;
  return `${value.sheet}!${value.cell}${value.derived ? COMPUTED_TEXT[lang] : ''}`;
}

/** review − self with its sign (+2, −1.5), or empty when there is no number to subtract. */
export function differenceText(difference: Difference): string {
  if (difference.difference === undefined) return '';
  return `${difference.difference > 0 ? '+' : ''}${formatNumber(difference.difference)}`;
}
