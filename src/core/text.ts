/**
 * Text helpers for labels typed by people: full-width forms, stray spaces and line breaks, quotes and
 * numbers written as text. Everything here is pure and never evaluates what it reads.
 */

/** Characters NFKC changes in Chinese office text: full-width forms, ideographic space, compatibility blocks. */
const COMPATIBILITY_FORMS =
  /[\u2000-\u206f\u2150-\u24ff\u3000\u3200-\u33ff\uf900-\ufaff\ufb00-\ufb4f\ufe30-\ufe6f\uff00-\uffef]/;

/** NFKC folds full-width digits, letters and brackets to ASCII; whitespace (incl. U+3000) and quotes go. */
export function normalizeLabel(text: string): string {
  return (COMPATIBILITY_FORMS.test(text) ? text.normalize('NFKC') : text)
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/[“”‘’"'「」『』]/g, '')
    .replace(/[：]/g, ':');
}

/** A label for display: trimmed, inner runs of whitespace and line breaks folded to one space. */
export function displayLabel(text: string): string {
  return text.replace(/[\s\u3000]+/g, ' ').trim();
}

/** Strips a trailing 指标 so 产出指标 and 产出 compare equal. */
export function stripIndicatorSuffix(normalized: string): string {
  return normalized.length > 2 && normalized.endsWith('指标') ? normalized.slice(0, -2) : normalized;
}

export interface ParsedNumber {
  value: number;
  /** True when the text carried a percent sign (value is then in percent units: "80.88%" → 80.88). */
  percent: boolean;
  /** Decimals as written, e.g. 2 for "80.88%". */
  decimals: number;
  unit?: '元' | '万元' | '分' | '人' | '个';
}

/**
 * Reads a number typed as text: full-width digits, thousands separators, a percent sign, a trailing unit.
 * Returns undefined for anything else (expressions, ranges, words).
 */
export function parseNumberText(text: string): ParsedNumber | undefined {
  let s = text.normalize('NFKC').replace(/[\s\u3000]+/g, '');
  let unit: ParsedNumber['unit'];
  for (const candidate of ['万元', '元', '分', '人', '个'] as const) {
    if (s.endsWith(candidate)) {
      unit = candidate;
      s = s.slice(0, -candidate.length);
      break;
    }
  }
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[+-]?\.\d+$/.test(s)) return undefined;
  const decimalsAt = s.indexOf('.');
  const value = Number(s.replace(/,/g, ''));
  if (!Number.isFinite(value)) return undefined;
  const parsed: ParsedNumber = { value, percent, decimals: decimalsAt < 0 ? 0 : s.length - decimalsAt - 1 };
  if (unit) parsed.unit = unit;
  return parsed;
}

/**
 * A weight written into a label: `“工作活动”设置 (15)`, `工作活动相关性 (9分)`, `产出指标(50分)`, `决策（20分）`.
 * Returns the label without it and the weight.
 */
export function splitLabelWeight(label: string): { name: string; weight?: number } {
  const folded = label.normalize('NFKC');
  const match = /^(.*?)[\s]*\(\s*(\d+(?:\.\d+)?)\s*分?\s*\)\s*$/.exec(folded);
  if (!match || !match[1]) return { name: label.trim() };
  return { name: match[1].trim(), weight: Number(match[2]) };
}

/**
 * The value stated at the end of an expression typed as text, e.g. `2.81/2.81*100%=100%` → 100%.
 * Only the part after the last '=' is read; the expression itself is never evaluated.
 */
export function statedResult(text: string): ParsedNumber | undefined {
  const folded = text.normalize('NFKC');
  const at = folded.lastIndexOf('=');
  return parseNumberText(at < 0 ? folded : folded.slice(at + 1));
}
