import { normalizeLabel } from '../text';

/** What a label says besides its name: a symbol (A), a formula hint (C/B), units, a period, a 其中 prefix. */
export interface ParsedLabel {
  /** The name left once the rest is taken off, normalised: 预算执行率（C/B） → 预算执行率. */
  name: string;
  /** A letter the label defines: 预算安排资金（A） → A. */
  symbol?: string;
  /** A rate's formula written in the label: （C/B）, =B/A, =实际支出/预算 → numerator and denominator as written. */
  hint?: { numerator: string; denominator: string };
  unit?: '元' | '万元';
  /** Percent units asked for: 执行率(%) or 执行率（%）. */
  percent: boolean;
  /** A period written before the name: 1-7月执行数 → 1-7月. */
  period?: string;
  /** The label starts with 其中： (a part of the total above it). */
  partOf: boolean;
}

const PERIOD = /^(\d{1,2}[-—–~至]\d{1,2}月|1-\d{1,2}月)/;

/**
 * Reads a label without ever evaluating it: `预算执行率（C/B）`, `资金到位率=B/A`, `执行率(%)`, `其中：财政拨款`,
 * `1-7月执行数`, `实际支出资金（万元）`. Returns undefined for prose (too long to be a label).
 */
export function parseLabel(text: string): ParsedLabel | undefined {
  let s = normalizeLabel(text);
  if (s.length === 0 || s.length > 30) return undefined;
  const parsed: ParsedLabel = { name: '', percent: false, partOf: false };
  s = s.replace(/[:：]$/, '');
  if (/^其中[:：,，]?/.test(s)) {
    parsed.partOf = true;
    s = s.replace(/^其中[:：,，]?/, '');
  }
  // A formula after '=': 资金到位率=B/A, 执行率=实际支出/预算.
  const equals = s.indexOf('=');
  if (equals > 0) {
    const formula = s.slice(equals + 1);
    s = s.slice(0, equals);
    const ratio = /^\(?([^/()]+)\/([^/()]+?)\)?(?:\*100%)?$/.exec(formula);
    if (ratio) parsed.hint = { numerator: ratio[1] as string, denominator: ratio[2] as string };
  }
  // Parenthesised parts: (A), (C/B), (万元), (元), (%), notes.
  s = s.replace(/\(([^()]*)\)|\[([^\]]*)\]/g, (_whole, inner: string | undefined, square: string | undefined) => {
    const part = (inner ?? square ?? '').trim();
    if (/^[A-Za-z]$/.test(part)) parsed.symbol = part.toUpperCase();
    else if (/^[A-Za-z][/÷][A-Za-z]$/.test(part)) {
      const [numerator, denominator] = part.split(/[/÷]/) as [string, string];
      parsed.hint = { numerator: numerator.toUpperCase(), denominator: denominator.toUpperCase() };
    } else if (part === '%') parsed.percent = true;
    else if (/万元/.test(part)) parsed.unit = '万元';
    else if (/^元$|单位:元/.test(part)) parsed.unit = '元';
    return '';
  });
  if (s.endsWith('%')) {
    parsed.percent = true;
    s = s.slice(0, -1);
  }
  const unit = /(万元|元)$/.exec(s);
  if (unit && s.length > unit[0].length + 1) {
    parsed.unit ??= unit[1] as '元' | '万元';
    s = s.slice(0, -unit[0].length);
  }
  const period = PERIOD.exec(s);
  if (period) {
    parsed.period = (period[1] as string).replace(/[—–~至]/, '-');
    s = s.slice(period[0].length);
  }
  parsed.name = s;
  return s.length > 0 ? parsed : undefined;
}
