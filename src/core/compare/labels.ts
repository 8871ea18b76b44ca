import type { Lang } from '../finding';
import { coreText } from '../i18n';
import { formatNumber } from '../numbers';
import type { ComparedValue, Difference, DifferenceKind } from './schema';

/** What differs, in the user's language (the command line and the task pane show the same words). */
export function differenceKindText(kind: DifferenceKind, lang: Lang): string {
  return coreText(lang).compare.difference[kind];
}

/** The item a difference is about: the indicator's path, or 总分 / 等级. */
export function differenceSubject(difference: Difference, lang: Lang): string {
  if (difference.item === 'total') return coreText(lang).compare.total;
  if (difference.item === 'grade') return coreText(lang).compare.grade;
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
  return `${value.sheet}!${value.cell}${value.derived ? coreText(lang).compare.computed : ''}`;
}

/** review − self with its sign (+2, −1.5), or empty when there is no number to subtract. */
export function differenceText(difference: Difference): string {
  if (difference.difference === undefined) return '';
  return `${difference.difference > 0 ? '+' : ''}${formatNumber(difference.difference)}`;
}
